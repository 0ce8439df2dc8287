-- The mail outbox. Bodies carry a placeholder where a magic-link token goes; delivery derives the token
-- from link_id, so no raw token is ever stored here.
create table mail_outbox (
  id          uuid primary key,
  dedupe_key  text not null unique,
  booking_id  uuid,
  kind        text not null,
  recipient   text not null,
  subject     text not null,
  body_text   text not null,
  body_html   text not null,
  link_id     uuid,
  state       text not null default 'queued' check (state in ('queued', 'sent', 'failed')),
  attempts    int not null default 0,
  last_error  text,
  created_at  timestamptz not null default now(),
  sent_at     timestamptz
);
create index mail_outbox_booking_idx on mail_outbox (booking_id);
