-- The guest follows and pays a dossier through a secret link, without an account.
-- Java gives new dossiers 43 base64url characters (256 random bits); the default covers
-- existing rows and rows written by SQL alone, with 244 random bits as hex digits.
alter table dossier add column guest_token varchar(64) not null
    default replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '');
alter table dossier add constraint dossier_guest_token_unique unique (guest_token);
