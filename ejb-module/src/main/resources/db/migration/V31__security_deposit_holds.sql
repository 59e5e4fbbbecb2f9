-- Security deposits (cautions) held on the guest's card (docs/payments.md): an owner with Stripe
-- may ask for one, of an amount, held a number of days before arrival (1 to 6: Stripe keeps an
-- online card authorisation for 7 days).
alter table stripe_account
    add column hold_amount numeric(12, 2) check (hold_amount > 0),
    add column hold_days_before integer check (hold_days_before between 1 and 6),
    add constraint stripe_account_hold check ((hold_amount is null) = (hold_days_before is null));

-- One authorisation (a PaymentIntent with manual capture) per row. A dossier has at most one held
-- at a time; a hold about to lapse is REPLACED by a new one, and it ends RELEASED (cancelled at
-- Stripe after departure), CAPTURED (the owner kept part of it, with a reason) or FAILED (the
-- card refused: the owner asks for another caution).
create table deposit_hold (
    id              bigint generated always as identity primary key,
    account_id      bigint not null references account (id),
    dossier_id      bigint not null references dossier (id) on delete cascade,
    payment_intent  varchar(255),
    amount          numeric(12, 2) not null check (amount > 0),
    status          varchar(10) not null check (status in ('PLACED', 'REPLACED', 'RELEASED', 'CAPTURED', 'FAILED')),
    placed_on       date not null,
    created_at      timestamptz not null,
    settled_at      timestamptz,
    captured        numeric(12, 2) check (captured > 0 and captured <= amount),
    reason          varchar(500),
    failure         varchar(500),
    version         integer not null default 0,
    check ((status = 'CAPTURED') = (captured is not null and reason is not null)),
    check ((status = 'FAILED') = (failure is not null)),
    check ((status = 'FAILED') = (payment_intent is null))
);
create unique index deposit_hold_one_placed on deposit_hold (dossier_id) where status = 'PLACED';
create index deposit_hold_dossier_ix on deposit_hold (dossier_id);
