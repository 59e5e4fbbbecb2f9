-- The owner's reports (docs/reports.md) read the dossiers with a night in a period: those whose
-- nights [arrival, departure) overlap it. A B-tree on (account_id, arrival) can bound only one
-- end: for a year in the middle of 100,000 dossiers it read every dossier arrived before the
-- year's end (50,000) to keep 4,000. A GiST index on the account and the range of nights finds
-- exactly the overlapping ones; btree_gist (a trusted extension the database owner may create,
-- as pg_trgm in V19) lets GiST take the account's equality. ReportService writes the very
-- expression daterange(arrival, departure).
create extension if not exists btree_gist;

create index dossier_account_nights_ix on dossier using gist (account_id, daterange(arrival, departure));
