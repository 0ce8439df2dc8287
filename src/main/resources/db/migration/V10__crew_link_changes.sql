-- How often a link's answer or assignment changed: crew feeds add it to SEQUENCE, so it only rises.
alter table crew_link add column changes int not null default 0;
