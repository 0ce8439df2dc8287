-- One saga run per booking version, and a checkpoint per step of it.
create table sync_run (
  booking_id  uuid not null,
  version     int not null,
  state       text not null check (state in ('pending', 'running', 'done', 'failed', 'superseded')),
  error       text,
  attempts    int not null default 0,
  created_at  timestamptz not null default now(),
  finished_at timestamptz,
  primary key (booking_id, version),
  foreign key (booking_id, version) references booking_version (booking_id, version)
);

create table sync_step (
  booking_id uuid not null,
  version    int not null,
  step       text not null,
  state      text not null check (state in ('done', 'failed')),
  result     text,
  error      text,
  updated_at timestamptz not null default now(),
  primary key (booking_id, version, step),
  foreign key (booking_id, version) references sync_run (booking_id, version)
);
