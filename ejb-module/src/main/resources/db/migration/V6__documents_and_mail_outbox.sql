-- Documents and mails: the owner's contract and mail settings, and the transactional outbox.
--
-- A mail is a row of outbox_mail written in the transaction of the event that causes it (a
-- booking): if that transaction rolls back, no mail exists; if it commits, the mail will be
-- sent. A sender claims due rows with SELECT … FOR UPDATE SKIP LOCKED, so two senders (two
-- timers, two cluster members) never hold the same row, and records every attempt.

create table contract_settings (
    account_id        bigint primary key references account (id),
    arrival_from      time,
    arrival_until     time,
    departure_before  time,
    show_photos       boolean not null default true,
    show_terms        boolean not null default true,
    logo              bytea check (octet_length(logo) <= 524288),
    version           integer not null default 0
);

-- the owner's texts, French first, with per-language overrides
create table contract_text (
    account_id  bigint not null references contract_settings (account_id) on delete cascade,
    field       varchar(20) not null check (field in ('HEADER', 'SLOGAN', 'PAYMENT_TERMS', 'ARRIVAL_REMARKS',
                    'DEPARTURE_REMARKS', 'ADDITIONAL_INFO', 'SIGNATURE', 'STATE_OPTION', 'STATE_BALANCE',
                    'STATE_PAID', 'TERMS')),
    lang        varchar(2) not null check (lang in ('fr', 'en', 'de', 'es', 'ca', 'it', 'nl')),
    text        varchar(20000) not null check (length(trim(text)) > 0),
    primary key (account_id, field, lang)
);

create table mail_settings (
    account_id     bigint primary key references account (id),
    guest_mail     varchar(12) not null default 'CONTRACT' check (guest_mail in ('CONTRACT', 'NOTIFICATION')),
    copy_to        varchar(254) check (copy_to like '%_@_%'),
    custom_footer  boolean not null default false,
    version        integer not null default 0
);

-- languages the owner accepts to write to guests in (French is always accepted)
create table mail_language (
    account_id  bigint not null references mail_settings (account_id) on delete cascade,
    lang        varchar(2) not null check (lang in ('en', 'de', 'es', 'ca', 'it', 'nl')),
    primary key (account_id, lang)
);

create table mail_text (
    account_id  bigint not null references mail_settings (account_id) on delete cascade,
    field       varchar(20) not null check (field in ('CONTRACT_INTRO', 'CONTRACT_CLOSING', 'NOTIFICATION_SUBJECT',
                    'NOTIFICATION_INTRO', 'FOOTER')),
    lang        varchar(2) not null check (lang in ('fr', 'en', 'de', 'es', 'ca', 'it', 'nl')),
    text        varchar(20000) not null check (length(trim(text)) > 0),
    primary key (account_id, field, lang)
);

create table outbox_mail (
    id               bigint generated always as identity primary key,
    account_id       bigint not null references account (id),
    dossier_id       bigint references dossier (id) on delete cascade,
    kind             varchar(20) not null check (kind in ('GUEST_CONTRACT', 'GUEST_NOTIFICATION',
                         'OWNER_NOTIFICATION')),
    recipient        varchar(254) not null check (recipient like '%_@_%'),
    copy_to          varchar(254),
    reply_to         varchar(254),
    lang             varchar(2) not null check (lang in ('fr', 'en', 'de', 'es', 'ca', 'it', 'nl')),
    status           varchar(8) not null default 'PENDING' check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts         integer not null default 0 check (attempts >= 0),
    next_attempt_at  timestamptz not null default now(),
    created_at       timestamptz not null default now(),
    sent_at          timestamptz,
    last_error       varchar(1000),
    version          integer not null default 0,
    check ((status = 'SENT') = (sent_at is not null)),
    check (status <> 'FAILED' or last_error is not null)
);
-- the sender's question: which pending mails are due?
create index outbox_mail_due_ix on outbox_mail (next_attempt_at) where status = 'PENDING';
create index outbox_mail_dossier_ix on outbox_mail (dossier_id);

create table outbox_attempt (
    id        bigint generated always as identity primary key,
    mail_id   bigint not null references outbox_mail (id) on delete cascade,
    at        timestamptz not null,
    outcome   varchar(9) not null check (outcome in ('SENT', 'RETRY', 'REJECTED', 'GAVE_UP')),
    detail    varchar(1000)
);
create index outbox_attempt_mail_ix on outbox_attempt (mail_id, at);
