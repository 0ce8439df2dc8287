-- The operator console's accounts, sign-in and sessions (console/). Secrets are never stored as given:
-- passwords as Argon2id (parameters and salt in the text), set-password links and session tokens as the
-- SHA-256 of a 256-bit random token. The serving role gets its row privileges by default (db/Roles).

-- A person who signs in to the console. An email names one active user (case-insensitively); a removed
-- user keeps its row (disabled_at), so the audit log's subject still names someone.
create table console_user (
  id            uuid primary key,
  email         text not null,
  role          text not null check (role in ('owner', 'dispatcher')),
  password_hash text,
  created_at    timestamptz not null,
  disabled_at   timestamptz
);
create unique index console_user_email_idx on console_user (lower(email)) where disabled_at is null;

-- One-time links to set a password (24 h); a new one replaces the user's earlier ones.
create table console_password_token (
  token_hash text primary key,
  user_id    uuid not null references console_user (id) on delete cascade,
  created_at timestamptz not null,
  expires_at timestamptz not null
);
create index console_password_token_user_idx on console_password_token (user_id);

-- Signed-in sessions: 12 h idle, 7 days at most (checked by the program on its clock); any node serves them.
create table console_session (
  token_hash   text primary key,
  user_id      uuid not null references console_user (id) on delete cascade,
  created_at   timestamptz not null,
  last_seen_at timestamptz not null
);
create index console_session_user_idx on console_session (user_id);

-- Failed sign-ins of the last 15 minutes, for the limits per email and per client address.
create table console_sign_in_failure (
  id      bigint generated always as identity primary key,
  at      timestamptz not null,
  email   text not null,
  address text not null
);
create index console_sign_in_failure_email_idx on console_sign_in_failure (lower(email), at);
create index console_sign_in_failure_address_idx on console_sign_in_failure (address, at);
