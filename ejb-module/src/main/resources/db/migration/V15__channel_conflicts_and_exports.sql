-- Channels: a conflict is mailed to the owner once; one export address per unit of a
-- stock-managed accommodation; a version of the exported nights, so the feed can be cached.

-- The conflict mail is written in the transaction that records the conflict, and names it.
-- One mail per conflict row at most: the database, not the sync code, says "once", so a
-- re-sync (200 or 304) that finds the same conflict again cannot mail twice. A conflict that
-- is resolved (its block takes its nights, leaves the feed, or the dossier goes) takes its
-- mail with it: a mail still pending about a solved conflict would only alarm the owner.
alter table outbox_mail drop constraint outbox_mail_kind_check;
alter table outbox_mail add constraint outbox_mail_kind_check check (kind in ('GUEST_CONTRACT', 'GUEST_NOTIFICATION',
    'OWNER_NOTIFICATION', 'GUEST_DEPOSIT_REMINDER', 'GUEST_BALANCE_REMINDER', 'GUEST_OPTION_EXPIRED',
    'OWNER_OPTION_EXPIRED', 'CHANNEL_CONFLICT'));
alter table outbox_mail add column channel_conflict_id bigint
    references channel_conflict (id) on delete cascade;
alter table outbox_mail add constraint outbox_mail_conflict_once unique (channel_conflict_id);
alter table outbox_mail add constraint outbox_mail_conflict_kind
    check ((kind = 'CHANNEL_CONFLICT') = (channel_conflict_id is not null));

-- Per-unit export: a stock-managed accommodation sells N interchangeable units, and a platform
-- often lists each as its own listing with its own calendar. Unit k is busy on a night when
-- fewer than k units are left there (units - sold < k), or sales are closed: the free units of a
-- night are always 1 … left, so the free nights of unit k+1 are among those of unit k, and any
-- stay Séjour could still sell is free on unit 1 from end to end. Own tokens: a platform given
-- unit 2's address learns nothing that opens another feed. A new accommodation address revokes
-- them too.
create table channel_export_unit (
    accommodation_id   bigint not null references channel_export (accommodation_id) on delete cascade,
    unit               integer not null check (unit between 1 and 50),
    token              varchar(64) not null unique check (length(token) >= 43),
    content_hash       varchar(64),
    content_changed_at timestamptz not null default now(),
    created_at         timestamptz not null default now(),
    primary key (accommodation_id, unit)
);

-- The export is kept in memory per feed under the version of the nights it shows: a poll reads
-- the token's row (version included) and answers from memory, 304 or body, without rendering.
-- Triggers, not Java, move the version, so that no write path can forget to; a random UUID, so
-- a rolled-back change never hands its version to a later one. Deferred to the commit: the
-- update of channel_export then comes after every night row the transaction locks, so two
-- bookings of one accommodation cannot deadlock on it (they queue for a moment at commit).
alter table channel_export add column nights_version uuid not null default gen_random_uuid();

create function channel_export_outdated() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        update channel_export set nights_version = gen_random_uuid() where accommodation_id = new.accommodation_id;
        return null;
    end if;
    update channel_export set nights_version = gen_random_uuid() where accommodation_id = old.accommodation_id;
    if tg_op = 'UPDATE' then
        if new.accommodation_id is distinct from old.accommodation_id then
            update channel_export set nights_version = gen_random_uuid() where accommodation_id = new.accommodation_id;
        end if;
    end if;
    return null;
end
$$;

-- every input of the feeds: the ledger, sales bans, and (for the non-stock feed) dossiers and blocks
create constraint trigger night_stock_export_outdated after insert or update or delete on night_stock
    deferrable initially deferred for each row execute function channel_export_outdated();
create constraint trigger sales_ban_export_outdated after insert or update or delete on sales_ban
    deferrable initially deferred for each row execute function channel_export_outdated();
create constraint trigger dossier_export_outdated after insert or update or delete on dossier
    deferrable initially deferred for each row execute function channel_export_outdated();
create constraint trigger channel_block_export_outdated after insert or update or delete on channel_block
    deferrable initially deferred for each row execute function channel_export_outdated();
