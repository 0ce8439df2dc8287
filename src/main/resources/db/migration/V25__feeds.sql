-- Marketplace calendar feeds (Boatsetter, GetMyBoat, Click&Boat iCalendar exports), polled by the task
-- "feed-poll" (one instance per feed, instance id = the feed's id). The URL is a secret: only the program
-- reads it (the API and console show its scheme and host). Deleting a feed deletes its rows here (its
-- bookings and calendar blocks stay). The serving role gets its row privileges by default (db/Roles).
create table feed (
  id                   uuid primary key,
  source               text not null,
  boat                 text not null,
  url                  text not null,
  interval_minutes     int not null check (interval_minutes between 5 and 1440),
  auto_cancel          boolean not null default false,
  -- The validators of the last good answer, sent back as If-None-Match / If-Modified-Since.
  etag                 text,
  last_modified        text,
  created_at           timestamptz not null,
  last_polled_at       timestamptz,
  last_ok_at           timestamptz,
  last_error           text,
  last_error_kind      text,
  consecutive_failures int not null default 0,
  -- How many events ahead the last good poll listed (null before the first good poll).
  last_event_count     int,
  -- A poll in progress holds the feed until then (a poll-now and the scheduled poll never run together).
  polling_until        timestamptz,
  unique (source, url)
);

-- What each feed last said about each of its events (UID), and what reconciliation made of it: the
-- booking of a timed event, the calendar block of an all-day one; vanished_at while the booking is
-- flagged vanished_from_feed (kept_at: the operator said keep it, until the UID changes again).
create table feed_event (
  feed_id           uuid not null references feed (id) on delete cascade,
  uid               text not null,
  all_day           boolean not null,
  starts_at         timestamptz not null,
  ends_at           timestamptz not null,
  time_zone         text not null,
  guest_name        text,
  cancelled         boolean not null default false,
  booking_id        uuid,
  calendar_entry_id uuid,
  seen_at           timestamptz not null,
  vanished_at       timestamptz,
  vanished_reason   text check (vanished_reason in ('gone', 'cancelled')),
  kept_at           timestamptz,
  primary key (feed_id, uid)
);
create index feed_event_booking_idx on feed_event (booking_id) where booking_id is not null;
