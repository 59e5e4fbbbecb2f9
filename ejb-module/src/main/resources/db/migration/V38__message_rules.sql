-- Scheduled messages to guests (issue 18): the owner's rules, each an event of the stay and an
-- offset in days (sent at a time of day in the owners' zone, Europe/Paris), with a subject and a
-- text per language; and the messages sent, at most one per dossier and rule.
create table message_rule (
    id          bigint generated always as identity primary key,
    account_id  bigint not null references account (id) on delete cascade,
    name        varchar(120) not null check (length(btrim(name)) > 0),
    event       varchar(20) not null
                check (event in ('BOOKING_CONFIRMED', 'BEFORE_ARRIVAL', 'ARRIVAL_DAY', 'AFTER_DEPARTURE')),
    days        integer not null check (days between 0 and 365),
    send_at     time not null,
    enabled     boolean not null default true,
    created_at  timestamptz not null default now(),
    version     integer not null default 0,
    -- the arrival day has no offset: "2 days before arrival" is BEFORE_ARRIVAL
    check (event <> 'ARRIVAL_DAY' or days = 0)
);
create index message_rule_account_ix on message_rule (account_id);

create table message_rule_text (
    rule_id  bigint not null references message_rule (id) on delete cascade,
    lang     varchar(2) not null check (lang in ('fr', 'en', 'de', 'es', 'ca', 'it', 'nl')),
    subject  varchar(200) not null check (length(btrim(subject)) > 0),
    body     text not null check (length(btrim(body)) > 0),
    primary key (rule_id, lang)
);

-- One row per dossier and rule, written with the outbox mail in the job's chunk transaction: the
-- key makes a second run, a restarted chunk or another server queue nothing.
create table message_sent (
    id          bigint generated always as identity primary key,
    account_id  bigint not null references account (id) on delete cascade,
    rule_id     bigint not null references message_rule (id) on delete cascade,
    dossier_id  bigint not null references dossier (id) on delete cascade,
    due_at      timestamptz not null,
    queued_at   timestamptz not null default now(),
    mail_id     bigint references outbox_mail (id) on delete set null,
    constraint message_sent_once unique (rule_id, dossier_id)
);
create index message_sent_dossier_ix on message_sent (dossier_id);
create index message_sent_mail_ix on message_sent (mail_id);

-- The new mail kind, added to whatever the constraint allows at this point (as V35 does).
do $$
declare
    kinds text;
begin
    select string_agg(quote_literal(kind), ', ' order by kind) into kinds from (
        select (regexp_matches(pg_get_constraintdef(oid), '''([A-Z_]+)''', 'g'))[1] as kind
          from pg_constraint where conname = 'outbox_mail_kind_check'
        union
        select 'GUEST_MESSAGE') k;
    alter table outbox_mail drop constraint outbox_mail_kind_check;
    execute 'alter table outbox_mail add constraint outbox_mail_kind_check check (kind in (' || kinds || '))';
end
$$;
