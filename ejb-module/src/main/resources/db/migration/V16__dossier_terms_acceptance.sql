-- Which version of the owner's terms the guest accepted when booking online, and when.
-- Phone, channel and older dossiers have none: both columns are null together or set together.
alter table dossier add column terms_version varchar(64);
alter table dossier add column terms_accepted_at timestamptz;
alter table dossier add constraint dossier_terms_acceptance_whole
    check ((terms_version is null) = (terms_accepted_at is null));
