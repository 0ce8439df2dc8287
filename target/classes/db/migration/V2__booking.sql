create table booking (
  id              uuid primary key,
  source          text not null,
  external_id     text not null,
  current_version int not null,
  created_at      timestamptz not null default now(),
  updated_at      timestamptz not null default now(),
  unique (source, external_id)
);
create index booking_newest_idx on booking (created_at desc, id desc);

create table booking_version (
  booking_id uuid not null references booking (id),
  version    int not null,
  body       jsonb not null,
  body_hash  text not null,
  cancelled  boolean not null default false,
  created_at timestamptz not null default now(),
  primary key (booking_id, version)
);
