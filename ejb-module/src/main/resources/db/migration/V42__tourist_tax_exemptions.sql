-- Persons of a taxable age can be exempt from the tourist tax for a reason the law gives
-- (CGCT art. L2333-31): a seasonal work contract in the commune, emergency housing or temporary
-- rehousing, a rent below the council's threshold. The owner counts them per stay; they are kept
-- on the party rows they belong to, so that the commune's register can say why each one did not
-- pay. The database, not only the code, refuses a count that cannot be: negative, more exempt
-- persons than persons, or exemptions on a range already exempt by age.
alter table dossier_party
    add column exempt_seasonal_workers integer not null default 0,
    add column exempt_emergency_housing integer not null default 0,
    add column exempt_low_rent integer not null default 0;

alter table dossier_party
    add constraint dossier_party_exempt_not_negative
        check (exempt_seasonal_workers >= 0 and exempt_emergency_housing >= 0 and exempt_low_rent >= 0),
    add constraint dossier_party_exempt_within_persons
        check (exempt_seasonal_workers + exempt_emergency_housing + exempt_low_rent <= persons),
    add constraint dossier_party_exempt_only_taxable
        check (taxable or exempt_seasonal_workers + exempt_emergency_housing + exempt_low_rent = 0);

-- A dossier line's kind was at most 16 characters: TOURIST_TAX_SURCHARGE (21) could not be stored,
-- so no booking with a departmental surcharge could be saved (found by the register's test, the
-- first to book one against PostgreSQL).
alter table dossier_line alter column kind type varchar(32);
