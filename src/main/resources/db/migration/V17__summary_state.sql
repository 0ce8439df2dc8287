-- What the captain's last summary said (a hash of the crew and their answers): a summary goes out again
-- whenever that changes, even back to something an older summary once said.
alter table crew_event add column summary_hash text;
