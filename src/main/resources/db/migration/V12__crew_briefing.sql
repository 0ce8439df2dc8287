-- A phone number for the captain's briefing; when the captain's summary last went out (re-sends after
-- crew answers keep 10 minutes apart).
alter table crew_member add column phone text;
alter table crew_event add column summary_sent_at timestamptz;
