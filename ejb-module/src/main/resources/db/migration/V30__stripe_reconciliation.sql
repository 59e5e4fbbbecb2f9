-- The nightly comparison of Stripe's payments with Séjour's records (docs/payments.md): what
-- it found different, per owner, until a later run finds it settled. One row per payment and
-- kind of difference; a later run refreshes it or takes it away.
create table payment_difference (
    account_id      bigint not null references account (id),
    payment_intent  varchar(255) not null,
    kind            varchar(20) not null check (kind in ('MISSED_WEBHOOK', 'OUTSIDE_SEJOUR', 'AMOUNT_DIFFERS',
                                                        'NOT_AT_STRIPE')),
    stripe_amount   numeric(12, 2),
    sejour_amount   numeric(12, 2),
    dossier_id      bigint references dossier (id) on delete cascade,
    created_at      timestamptz not null,
    found_at        timestamptz not null,
    primary key (account_id, payment_intent, kind)
);
