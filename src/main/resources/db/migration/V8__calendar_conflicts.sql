-- Conflicts are enforced by the database, across concurrent requests and nodes: a boat holds at most one
-- active entry at a time, and a crew member is on at most one active charter at a time.
create extension if not exists btree_gist;

alter table calendar_entry add column conflict_with uuid;
alter table calendar_entry add column cancelled_at timestamptz;
alter table calendar_entry drop constraint calendar_entry_status_check;
alter table calendar_entry add constraint calendar_entry_status_check
  check (status in ('active', 'cancelled', 'conflict'));
alter table calendar_entry add constraint calendar_entry_boat_free
  exclude using gist (boat with =, tstzrange(starts_at, ends_at) with &&) where (status = 'active' and boat <> '');

-- One row per named crew member of an entry, active while the entry is.
create table calendar_crew (
  entry_id  uuid not null references calendar_entry (id),
  member_id text not null,
  starts_at timestamptz not null,
  ends_at   timestamptz not null,
  active    boolean not null,
  primary key (entry_id, member_id),
  constraint calendar_crew_member_free
    exclude using gist (member_id with =, tstzrange(starts_at, ends_at) with &&) where (active)
);
