create table calendar_entry (
  id             uuid primary key,
  booking_id     uuid unique,
  event_type     text not null,
  local_date     date not null,
  start_time     time not null,
  time_zone      text not null,
  starts_at      timestamptz not null,
  ends_at        timestamptz not null,
  duration_hours numeric not null check (duration_hours > 0),
  location       text,
  guest_name     text,
  boat           text,
  assignments    jsonb not null default '[]',
  status         text not null default 'active' check (status in ('active', 'cancelled')),
  sequence       int not null default 0,
  created_at     timestamptz not null default now(),
  updated_at     timestamptz not null default now()
);
create index calendar_entry_range_idx on calendar_entry (starts_at, ends_at);
