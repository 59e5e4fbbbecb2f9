-- Servers keep each account's mode and versions in memory (AccountStates) and learn of their
-- changes from here: a notification with the account number, delivered at the commit of any
-- transaction that changes the mode, the catalog version (V9) or the nights version (V22),
-- however it was written. Other changes of the account (contact details, numbering) say nothing.
create function account_state_notify() returns trigger language plpgsql as $$
declare
    number integer;
begin
    if tg_table_name = 'account' then
        number := coalesce(new.account_number, old.account_number);
    else
        select a.account_number into number from account a where a.id = coalesce(new.account_id, old.account_id);
    end if;
    if number is not null then
        perform pg_notify('sejour_account_state', number::text);
    end if;
    return null;
end
$$;

create trigger account_state_notify after update on account
    for each row
    when (old.mode is distinct from new.mode or old.catalog_version is distinct from new.catalog_version
          or old.account_number is distinct from new.account_number)
    execute function account_state_notify();
create trigger account_state_gone_notify after delete on account
    for each row execute function account_state_notify();
create trigger account_nights_notify after insert or update or delete on account_nights
    for each row execute function account_state_notify();
