-- Payment reminders and option expiry, sent by batch jobs through the outbox.
--
-- "Never more than one reminder per dossier per rule per day" is this table's unique key, not
-- only a check in Java: a reminder row and its outbox mail are written in one transaction, the
-- row with INSERT … ON CONFLICT DO NOTHING, and the mail only when the row was inserted. Two
-- runs on the same day (a timer and an operator's "run now", two cluster members, a job
-- restarted from its checkpoint) thus queue one mail; the second waits on the first's row lock,
-- then finds the key taken.

alter table outbox_mail drop constraint outbox_mail_kind_check;
alter table outbox_mail alter column kind type varchar(24);
alter table outbox_mail add constraint outbox_mail_kind_check check (kind in ('GUEST_CONTRACT', 'GUEST_NOTIFICATION',
    'OWNER_NOTIFICATION', 'GUEST_DEPOSIT_REMINDER', 'GUEST_BALANCE_REMINDER', 'GUEST_OPTION_EXPIRED',
    'OWNER_OPTION_EXPIRED'));

create table payment_reminder (
    id          bigint generated always as identity primary key,
    account_id  bigint not null references account (id),
    dossier_id  bigint not null references dossier (id) on delete cascade,
    rule        varchar(12) not null check (rule in ('DEPOSIT_DUE', 'DEPOSIT_LATE', 'BALANCE_DUE', 'BALANCE_LATE')),
    -- the owners' calendar day (Europe/Paris) the reminder was sent for
    sent_on     date not null,
    -- set in the same transaction, once the row has claimed the day (the mail is written after it)
    mail_id     bigint references outbox_mail (id) on delete cascade,
    created_at  timestamptz not null default now(),
    constraint payment_reminder_once_a_day unique (dossier_id, rule, sent_on)
);
create index payment_reminder_account_ix on payment_reminder (account_id, sent_on);
