create table guest_page (
  booking_id        uuid primary key,
  slug              text not null unique check (slug ~ '^[a-z0-9-]{3,80}$'),
  published_version int,
  etag              text,
  cancelled         boolean not null default false,
  updated_at        timestamptz not null default now()
);
