-- Whether the owner's booking site lets a guest add another accommodation for the same nights to
-- one booking (one dossier, one contract, one deposit). Off by default: an owner chooses to sell
-- accommodations together, as a phone booking always can.
alter table account add column site_several_stays boolean not null default false;
