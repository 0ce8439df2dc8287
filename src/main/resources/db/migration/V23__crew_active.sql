-- A crew member can be deactivated from the console (never deleted: their charters, answers and audit entries
-- keep naming them). A deactivated member stays on the charters they are on, but cannot be put on a booking
-- again until reactivated. The serving role's row privileges on crew_member are unchanged (db/Roles).
alter table crew_member add column active boolean not null default true;
