-- Online payments through a hosted payment page (the guest's card never reaches Séjour).

-- One attempt of a guest to pay a dossier online: created before the redirect to the
-- provider, settled once by the return or the provider's notification.
create table payment_attempt (
    id                bigint generated always as identity primary key,
    reference         varchar(64) not null unique,
    dossier_id        bigint not null references dossier (id) on delete cascade,
    account_id        bigint not null references account (id),
    kind              varchar(8) not null check (kind in ('DEPOSIT', 'BALANCE')),
    amount            numeric(12, 2) not null check (amount > 0),
    provider          varchar(30) not null,
    provider_session  varchar(120),
    status            varchar(10) not null check (status in ('PENDING', 'PAID', 'FAILED', 'ABANDONED')),
    created_at        timestamptz not null,
    settled_at        timestamptz,
    version           integer not null default 0,
    unique (provider, provider_session),
    check ((status = 'PENDING') = (settled_at is null))
);
create index payment_attempt_dossier_ix on payment_attempt (dossier_id);

-- The offline provider's own book of hosted sessions (a real provider keeps these on its side).
create table offline_payment_session (
    session_id   varchar(64) primary key,
    amount       numeric(12, 2) not null check (amount > 0),
    description  varchar(200) not null,
    return_url   varchar(1000) not null,
    outcome      varchar(10) check (outcome in ('SUCCEEDED', 'FAILED', 'ABANDONED')),
    created_at   timestamptz not null default now(),
    settled_at   timestamptz
);
