-- What the last publish rendered (so a new photo can re-publish the page without the booking), and when
-- the trip ends (uploads close 30 days after).
alter table guest_page add column page_data text;
alter table guest_page add column ends_at timestamptz;

-- Per boat, what guests should bring (operator-configurable); a boat without a row gets the default list.
create table boat_profile (
  boat          text primary key,
  what_to_bring text[] not null,
  updated_at    timestamptz not null default now()
);

-- One guest photo upload: pending until the ingest task accepts (re-encoded, in the gallery) or rejects it.
create table guest_photo (
  id            uuid primary key,
  slug          text not null references guest_page (slug),
  upload_key    text not null unique,
  content_type  text not null,
  size          bigint not null check (size > 0),
  state         text not null default 'pending' check (state in ('pending', 'ready', 'rejected')),
  reason        text,
  display_key   text,
  thumb_key     text,
  width         int,
  height        int,
  thumb_width   int,
  thumb_height  int,
  created_at    timestamptz not null default now(),
  processed_at  timestamptz
);
create index guest_photo_slug_idx on guest_photo (slug, state, created_at);
