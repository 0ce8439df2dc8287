-- Where a boat's guests meet it, and an https link to a map of that place (both optional), shown on the
-- boat's guest pages; edited in the console (Boats) or with PUT /api/boats/{boat}.
alter table boat_profile add column meeting_point text;
alter table boat_profile add column map_url text;

-- The operator's settings edited in the console (Settings), one row per setting; a setting without a row
-- falls back to the environment (OPERATOR_NAME, OPERATOR_PHONE, OPERATOR_EMAIL). The serving role gets its
-- row privileges by default (db/Roles).
create table operator_setting (
  name       text primary key check (name in ('operator_name', 'operator_phone', 'operator_email')),
  value      text not null,
  updated_at timestamptz not null default now()
);
