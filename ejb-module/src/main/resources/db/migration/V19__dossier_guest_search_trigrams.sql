-- The dossier search finds a guest by any part of the name or e-mail ("like '%…%'"), which a
-- B-tree cannot serve: every dossier of the account was read. Trigram indexes (pg_trgm, a
-- trusted extension the database owner may create) serve such patterns. Each index is on the
-- very expression DossierQueries matches, lower-cased as it compares them; e-mails are stored
-- lower-cased already (Guest). Three conditions joined by "or" become one bitmap scan per index.

create extension if not exists pg_trgm;

create index dossier_guest_last_first_trgm_ix on dossier
    using gin (lower(guest_last_name || ' ' || guest_first_name) gin_trgm_ops);
create index dossier_guest_first_last_trgm_ix on dossier
    using gin (lower(guest_first_name || ' ' || guest_last_name) gin_trgm_ops);
create index dossier_guest_email_trgm_ix on dossier
    using gin (guest_email gin_trgm_ops);
