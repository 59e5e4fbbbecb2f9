-- The payment reminders' timing becomes the owner's (issue 18): how many days before a deadline
-- the "due" reminder goes out, how often a late one is repeated, and each kind on or off. No row:
-- the behaviour before this migration (3 days' notice, every 7 days when late, both on).
create table reminder_settings (
    account_id         bigint primary key references account (id) on delete cascade,
    notice_days        integer not null default 3 check (notice_days between 0 and 60),
    late_every_days    integer not null default 7 check (late_every_days between 1 and 60),
    deposit_reminders  boolean not null default true,
    balance_reminders  boolean not null default true,
    version            integer not null default 0
);
