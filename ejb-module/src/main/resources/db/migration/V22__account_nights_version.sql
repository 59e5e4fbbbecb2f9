-- A version per account that changes whenever the nights it can sell change (stock rows, sold
-- counts, sales bans), so that the public API may keep its availability answers in memory and
-- still never serve one older than a fresh read: a reader reads this version and the catalog
-- version first, and reuses an answer only if both are the ones it was computed under.
-- Same rules as catalog_version (V9) and channel_export.nights_version (V15): triggers, not
-- Java; a random UUID, never "+ 1". A table of its own, not a column of account, so that the
-- row a booking locks at commit is locked by nothing else earlier in any transaction.
create table account_nights (
    account_id bigint primary key references account (id) on delete cascade,
    version    uuid   not null default gen_random_uuid()
);

create function account_nights_changed() returns trigger language plpgsql as $$
declare
    owner bigint;
begin
    owner := (select a.account_id from accommodation a
              where a.id = case when tg_op = 'DELETE' then old.accommodation_id else new.accommodation_id end);
    -- null when the accommodation went in the same transaction (its account is going too, or it
    -- had no nights yet): nothing left that a search could have cached
    if owner is null then
        return null;
    end if;
    -- once per account and transaction: a week's booking changes seven rows
    if current_setting('sejour.nights_changed_' || owner, true) = 'y' then
        return null;
    end if;
    perform set_config('sejour.nights_changed_' || owner, 'y', true);
    insert into account_nights (account_id) values (owner)
        on conflict (account_id) do update set version = gen_random_uuid();
    return null;
end
$$;

-- Deferred to the commit, so the row is held only while the transaction commits. The names sort
-- before the *_export_outdated triggers (V15): every transaction takes this row before any
-- channel_export row at commit, so two commits never wait for each other in a circle.
create constraint trigger night_stock_availability_changed after insert or update or delete on night_stock
    deferrable initially deferred for each row execute function account_nights_changed();
create constraint trigger sales_ban_availability_changed after insert or update or delete on sales_ban
    deferrable initially deferred for each row execute function account_nights_changed();
