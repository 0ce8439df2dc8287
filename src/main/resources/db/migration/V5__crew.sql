create table crew_member (
  id         text primary key,
  name       text not null,
  email      text not null,
  roles      text[] not null default '{}',
  updated_at timestamptz not null default now()
);

create table crew_event (
  id             uuid primary key,
  booking_id     uuid unique,
  event_name     text not null,
  boat           text,
  starts_at      timestamptz not null,
  time_zone      text not null,
  duration_hours numeric not null check (duration_hours > 0),
  location       text,
  notes          text,
  guest_page_url text,
  guest_name     text,
  party_size     int,
  captain_id     text references crew_member (id),
  status         text not null default 'active' check (status in ('active', 'cancelled')),
  version        int not null default 1,
  created_at     timestamptz not null default now(),
  updated_at     timestamptz not null default now()
);
create index crew_event_starts_idx on crew_event (starts_at);

-- A magic link: the database holds the token's SHA-256 only; the token is derived from the id.
create table crew_link (
  id               uuid primary key,
  event_id         uuid not null references crew_event (id),
  member_id        text not null references crew_member (id),
  role             text not null,
  hourly_rate      numeric,
  token_hash       text not null unique,
  expires_at       timestamptz not null,
  revoked_at       timestamptz,
  revoked_reason   text,
  answer           text check (answer in ('confirm', 'decline')),
  answered_at      timestamptz,
  answered_version int,
  created_at       timestamptz not null default now()
);
create unique index crew_link_live_idx on crew_link (event_id, member_id) where revoked_at is null;
