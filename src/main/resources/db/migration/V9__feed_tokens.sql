-- Read-only calendar feed tokens: the database holds the SHA-256 only; the token is derived from the id
-- under the server secret, so `charter-sync keys` can print the feed URL again, and rotating revokes it.
create table feed_token (
  id         uuid primary key,
  boat       text,
  token_hash text not null unique,
  created_at timestamptz not null default now(),
  revoked_at timestamptz
);
create unique index feed_token_live_idx on feed_token (coalesce(boat, '')) where revoked_at is null;
