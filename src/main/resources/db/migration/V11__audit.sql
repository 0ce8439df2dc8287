-- The audit log: append-only and hash-chained. Each entry's hash covers the previous entry's hash and the
-- entry itself, so editing or deleting any entry breaks the chain from there (`charter-sync audit verify`).
create table audit_log (
  id        bigint generated always as identity primary key,
  at        timestamptz not null,
  actor     text not null,
  action    text not null,
  subject   text not null,
  details   text not null,
  prev_hash text not null,
  hash      text not null unique
);
create index audit_log_subject_idx on audit_log (subject);

-- Refuses every UPDATE, DELETE and TRUNCATE, whoever asks (a superuser included, as in embedded mode).
create function audit_log_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end $$;
create trigger audit_log_no_change before update or delete on audit_log
  for each row execute function audit_log_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function audit_log_append_only();

-- And the role the program runs as (the owner, which ran this migration) keeps no such privilege either.
revoke update, delete, truncate on audit_log from public;
do $$ begin
  execute format('revoke update, delete, truncate on audit_log from %I', current_user);
end $$;
