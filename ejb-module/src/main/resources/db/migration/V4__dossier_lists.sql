-- the departures list reads dossiers by account and departure day, as arrivals do by arrival
create index dossier_account_departure_ix on dossier (account_id, departure);
-- the dossier search can sort by creation date
create index dossier_account_created_ix on dossier (account_id, created_at);
-- payments are summed per dossier for every listed dossier
create index payment_dossier_ix on payment (dossier_id);
