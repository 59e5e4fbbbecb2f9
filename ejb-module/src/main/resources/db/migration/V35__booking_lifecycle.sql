-- The whole life of a booking (issue 16): several accommodations in one dossier, changes that
-- issue the contract again, cancellation policies with a fee.

-- Each accommodation a dossier books is a stay row; all of a dossier's stays share its nights
-- [arrival, departure) (SPEC §6: a dossier has accommodation(s), one arrival, one departure).
-- dossier.accommodation_id stays, as the first stay's accommodation, for the lists that show one.
create table dossier_stay (
    id                bigint generated always as identity primary key,
    dossier_id        bigint not null references dossier (id) on delete cascade,
    position          integer not null check (position between 0 and 19),
    accommodation_id  bigint not null references accommodation (id),
    unique (dossier_id, position)
);
create index dossier_stay_accommodation_ix on dossier_stay (accommodation_id);
insert into dossier_stay (dossier_id, position, accommodation_id) select id, 0, accommodation_id from dossier;

-- the persons and the price lines of each stay; a line of the whole dossier (an adjustment, the
-- cancellation) has no stay
alter table dossier_party add column stay_position integer not null default 0;
alter table dossier_party drop constraint dossier_party_pkey;
alter table dossier_party add primary key (dossier_id, stay_position, label);
alter table dossier_line add column stay_position integer;
update dossier_line set stay_position = 0;

-- the iCal feeds of every accommodation of a dossier follow it, as they follow the dossier row (V15)
create constraint trigger dossier_stay_export_outdated after insert or update or delete on dossier_stay
    deferrable initially deferred for each row execute function channel_export_outdated();

-- A changed booking issues its contract again: the dossier counts the versions, and each version
-- it replaces is kept as it was sent (the PDF), with when and by whom it was replaced.
alter table dossier add column contract_version integer not null default 1 check (contract_version >= 1);
create table contract_version (
    dossier_id   bigint not null references dossier (id) on delete cascade,
    version      integer not null check (version >= 1),
    issued_at    timestamptz not null,
    replaced_at  timestamptz not null,
    replaced_by  varchar(254) not null,
    pdf          bytea not null,
    primary key (dossier_id, version)
);

-- A cancelled dossier's lines add up to its fee (the stay is taken off by a line, the fee added by
-- another), so its total may fall below the deposit once agreed; that one is kept as history.
do $$
declare
    name text;
begin
    select conname into name from pg_constraint
     where conrelid = 'dossier'::regclass and contype = 'c'
       and pg_get_constraintdef(oid) like '%deposit_amount <= total%';
    execute format('alter table dossier drop constraint %I', name);
end
$$;
alter table dossier add constraint dossier_deposit_within_total check (deposit_amount <= total or status = 'CANCELLED');

-- The owner's cancellation policy: a rule applies when the guest cancels at least min_days_before
-- days before arrival; the rule with the most days that applies wins. Its fee is the deposit agreed
-- (arrhes kept) or a percentage of the stay (tourist tax left out: it is not owed for a stay that
-- does not happen). No rule: no fee.
create table cancellation_rule (
    account_id       bigint not null references account (id) on delete cascade,
    min_days_before  integer not null check (min_days_before between 0 and 730),
    fee_kind         varchar(8) not null check (fee_kind in ('DEPOSIT', 'PERCENT')),
    fee_percent      numeric(5, 2) check (fee_percent between 0 and 100),
    check ((fee_kind = 'PERCENT') = (fee_percent is not null)),
    primary key (account_id, min_days_before)
);
alter table sales_terms add column guest_may_cancel boolean not null default false;

-- New mails: the guest's booking changed (the contract attached), the guest cancelled (to the guest
-- and to the owner). The kinds are added to whatever the constraint allows at this point, read from
-- it, so that a migration of another branch adding kinds of its own before this one keeps them.
do $$
declare
    kinds text;
begin
    select string_agg(quote_literal(kind), ', ' order by kind) into kinds from (
        select (regexp_matches(pg_get_constraintdef(oid), '''([A-Z_]+)''', 'g'))[1] as kind
          from pg_constraint where conname = 'outbox_mail_kind_check'
        union
        select unnest(array['GUEST_BOOKING_CHANGED', 'GUEST_CANCELLED', 'OWNER_GUEST_CANCELLED'])) k;
    alter table outbox_mail drop constraint outbox_mail_kind_check;
    execute 'alter table outbox_mail add constraint outbox_mail_kind_check check (kind in (' || kinds || '))';
end
$$;
