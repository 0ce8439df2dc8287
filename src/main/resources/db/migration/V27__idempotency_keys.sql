-- Idempotency keys of the operator's writes (idempotency/): the first answer to a request sent with an
-- Idempotency-Key, kept 24 h and answered again to the same request under the same key. A row is
-- reserved ("in progress": no status yet) before the request runs, so two concurrent requests with the
-- same key produce one effect; a 5xx releases it (the row is deleted). The credential is never stored:
-- scope_hash is a SHA-256 derived from it (web/Guard.credentialScope). The serving role gets its row
-- privileges by default (db/Roles).
create table idempotency_key (
  scope_hash   text not null,
  key          text not null check (length(key) between 1 and 255),
  request_hash text not null,
  attempt      uuid not null,
  created_at   timestamptz not null,
  status       integer check (status between 200 and 499),
  content_type text,
  location     text,
  body         bytea,
  completed_at timestamptz,
  primary key (scope_hash, key),
  check ((status is null) = (completed_at is null) and (status is null) = (body is null))
);
create index idempotency_key_created_at_idx on idempotency_key (created_at);
