-- The audit log as several hash chains ("chain" picked from the subject), each with its own append lock,
-- so audited transactions of different subjects no longer wait for each other's commits. Entries written
-- before this are chain 0, which they already form.
alter table audit_log add column chain smallint not null default 0;
create index audit_log_chain_idx on audit_log (chain, id);
