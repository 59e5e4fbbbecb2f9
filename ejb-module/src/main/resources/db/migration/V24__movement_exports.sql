-- The arrivals and departures lists are exported by the same job, kept, served and swept like
-- the dossier search's exports: one table with a kind, rather than a second table, so that
-- the download servlet, the progress the pages poll, the staged lines and the expiry sweep
-- stay one piece of code each. A movement export has a period instead of a search.

alter table dossier_export
    add column kind varchar(10) not null default 'DOSSIERS'
        check (kind in ('DOSSIERS', 'ARRIVALS', 'DEPARTURES')),
    add column period_from date,
    add column period_to date,
    alter column balance drop not null,
    alter column sort drop not null,
    alter column ascending drop not null;

alter table dossier_export alter column kind drop default;

alter table dossier_export add constraint dossier_export_kind_fields check (
    case kind
        when 'DOSSIERS' then balance is not null and sort is not null and ascending is not null
            and period_from is null and period_to is null
        else period_from is not null and period_to >= period_from
            and balance is null and sort is null and ascending is null
            and arrival_from is null and arrival_to is null and guest is null and accommodation_id is null
            and number is null and status is null and origin is null and promo_code is null
    end);
