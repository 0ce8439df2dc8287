-- Boats are named case-insensitively and without surrounding spaces ("Jada " is JADA): every match uses a
-- key, the name stripped and in upper case (the rule is common/BoatNames; this backfill restates it once in
-- SQL for the rows stored before), and the name as written stays for display.

-- Calendar entries: the conflict rule holds a boat by its key.
alter table calendar_entry add column boat_key text not null default '';
update calendar_entry set boat_key = upper(btrim(coalesce(boat, '')));

-- Active entries that clash only under the key (say "Jada " and JADA at one time) could not both stay active:
-- each one created after an active entry it now clashes with is held in conflict with that entry (the earliest
-- such), as a new clash would be, and its crew rows stop holding the crew; it takes its turn when that entry
-- is cancelled or moved.
with clash as (
  select distinct on (e.id) e.id, o.id as other
  from calendar_entry e
  join calendar_entry o
    on o.id <> e.id and o.status = 'active' and o.boat_key = e.boat_key
   and tstzrange(o.starts_at, o.ends_at) && tstzrange(e.starts_at, e.ends_at)
   and (o.created_at, o.id) < (e.created_at, e.id)
  where e.status = 'active' and e.boat_key <> ''
  order by e.id, o.created_at, o.id)
update calendar_entry e
   set status = 'conflict', conflict_with = clash.other, sequence = e.sequence + 1, updated_at = now()
  from clash
 where e.id = clash.id;
update calendar_crew c set active = false
  from calendar_entry e
 where e.id = c.entry_id and e.status = 'conflict' and c.active;

alter table calendar_entry drop constraint calendar_entry_boat_free;
alter table calendar_entry add constraint calendar_entry_boat_free
  exclude using gist (boat_key with =, tstzrange(starts_at, ends_at) with &&) where (status = 'active' and boat_key <> '');

-- Boat profiles are keyed by the boat's key and carry its display name: the one registered with
-- PUT /api/boats/{boat}, else the first one seen on a booking (such a row has no list of its own yet).
alter table boat_profile add column display_name text;
alter table boat_profile alter column what_to_bring drop not null;
update boat_profile set display_name = btrim(boat);
-- Two rows of one boat ("Jada" and JADA): the one saved last stays.
delete from boat_profile p
 using boat_profile q
 where upper(btrim(q.boat)) = upper(btrim(p.boat)) and q.boat <> p.boat
   and (q.updated_at, q.boat) > (p.updated_at, p.boat);
update boat_profile set boat = upper(btrim(boat));
-- Boats of the bookings stored before: the first name seen is the one of the earliest booking version.
insert into boat_profile (boat, display_name)
select distinct on (upper(btrim(body ->> 'boat'))) upper(btrim(body ->> 'boat')), btrim(body ->> 'boat')
  from booking_version
 where btrim(coalesce(body ->> 'boat', '')) <> ''
 order by upper(btrim(body ->> 'boat')), created_at, booking_id, version
on conflict (boat) do nothing;
alter table boat_profile alter column display_name set not null;

-- Calendar feed tokens of one boat are keyed too; of two live tokens of one boat ("jada" and JADA) the newest
-- stays live and the other is revoked (its URL answers 404; `charter-sync keys --boat` prints the live one).
update feed_token f set revoked_at = now()
 where f.revoked_at is null and f.boat is not null
   and exists (select 1 from feed_token g
               where g.revoked_at is null and g.boat is not null and g.id <> f.id
                 and upper(btrim(g.boat)) = upper(btrim(f.boat))
                 and (g.created_at, g.id) > (f.created_at, f.id));
update feed_token set boat = upper(btrim(boat)) where boat is not null;
