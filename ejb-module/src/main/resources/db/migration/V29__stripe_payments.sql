-- Real money (docs/payments.md): each owner's own Stripe account, the webhook events applied
-- once, refunds with their credit notes.

-- The operator's demo switch: the offline provider (where the visitor picks the outcome) is
-- offered for an account in production only when the operator turned this on for it.
alter table account add column demo_payments boolean not null default false;

-- An owner's Stripe account. The two secrets are sealed with AES-GCM under a key that is not in
-- the database (var/credentials.properties, given to the domain as sejour.payment.secrets-key):
-- iv (12 bytes) followed by the ciphertext and its tag. A dump of the database alone opens
-- nothing. The hints are what the settings page shows again: the key's prefix and last four.
create table stripe_account (
    account_id           bigint primary key references account (id),
    secret_key           bytea not null check (length(secret_key) > 28),
    secret_key_hint      varchar(40) not null,
    webhook_secret       bytea not null check (length(webhook_secret) > 28),
    webhook_secret_hint  varchar(40) not null,
    stripe_id            varchar(64) not null,
    display_name         varchar(300) not null,
    live                 boolean not null,
    checked_at           timestamptz not null,
    version              integer not null default 0
);

-- Each webhook event is applied once: its id is written in the transaction that applies it.
-- A second delivery (Stripe retries, a replay, two deliveries at the same moment) finds the
-- row, or waits on the first one's insert and then finds it, and changes nothing.
create table stripe_event (
    account_id   bigint not null references account (id),
    event_id     varchar(255) not null,
    type         varchar(100) not null,
    received_at  timestamptz not null,
    primary key (account_id, event_id)
);

-- A refund is a negative payment that names the payment it gives back and why.
alter table payment add column refund_of bigint references payment (id);
alter table payment add column reason varchar(500);
alter table payment add constraint payment_refund_is_negative
    check (refund_of is null or (amount < 0 and reason is not null));
create index payment_refund_of_ix on payment (refund_of) where refund_of is not null;

-- The credit note (avoir) is the refund's receipt, numbered in the same gapless series as the
-- receipts (V17's counter and triggers). It prints the reason and the number of the receipt it
-- corrects; V17's trigger keeps these columns as immutable as the rest of the row.
alter table invoice add column refund_reason varchar(500);
alter table invoice add column credited_number varchar(40);

-- The refund's mail to the guest carries its credit note.
alter table outbox_mail drop constraint outbox_mail_kind_check;
alter table outbox_mail add constraint outbox_mail_kind_check check (kind in ('GUEST_CONTRACT', 'GUEST_NOTIFICATION',
    'OWNER_NOTIFICATION', 'GUEST_DEPOSIT_REMINDER', 'GUEST_BALANCE_REMINDER', 'GUEST_OPTION_EXPIRED',
    'OWNER_OPTION_EXPIRED', 'CHANNEL_CONFLICT', 'GUEST_REFUND'));
alter table outbox_mail add column invoice_id bigint references invoice (id);
alter table outbox_mail add constraint outbox_mail_refund_invoice
    check ((kind = 'GUEST_REFUND') = (invoice_id is not null));
