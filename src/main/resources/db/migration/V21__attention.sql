-- When the cause of an attention item began (the status document's "since"), on the program's clock:
-- since when a calendar entry is held in conflict (null while it is not), and when an email failed.
alter table calendar_entry add column conflict_since timestamptz;
update calendar_entry set conflict_since = updated_at where status = 'conflict';
alter table mail_outbox add column failed_at timestamptz;
update mail_outbox set failed_at = created_at where state = 'failed';
