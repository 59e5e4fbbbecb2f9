-- A nights version per accommodation, moved with the account's (V22) by the same deferred
-- trigger, so that a search kept per accommodation (KeptOffers) recomputes only the
-- accommodations whose nights changed: a booking a second on an account of 500 then costs one
-- accommodation's work, not 500. No row: the accommodation's nights have not changed since this
-- migration, which a reader counts as one version of its own.
-- No foreign key: a commit that moves the version of an accommodation another transaction is
-- deleting would wait on that accommodation's row while the deletion waits on the commit's own
-- rows (a deadlock). Readers join accommodation; a deleted accommodation's row goes with it below.
create table accommodation_nights (
    accommodation_id bigint primary key,
    version          uuid   not null default gen_random_uuid()
);

create or replace function account_nights_changed() returns trigger language plpgsql as $$
declare
    touched bigint[];
    changed bigint;
    owner bigint;
begin
    if tg_op = 'DELETE' then
        touched := array[old.accommodation_id];
    elsif tg_op = 'UPDATE' and old.accommodation_id is distinct from new.accommodation_id then
        -- a row moved from one accommodation to another changes the nights of both
        touched := array[old.accommodation_id, new.accommodation_id];
    else
        touched := array[new.accommodation_id];
    end if;
    foreach changed in array touched loop
        -- once per accommodation and transaction: a week's booking changes seven rows
        continue when current_setting('sejour.nights_changed_a' || changed, true) = 'y';
        owner := (select a.account_id from accommodation a where a.id = changed);
        -- null when the accommodation went in the same transaction (its account is going too, or it
        -- had no nights yet): nothing left that a search could have cached
        continue when owner is null;
        perform set_config('sejour.nights_changed_a' || changed, 'y', true);
        -- the account's row first, then the accommodation's: two commits of one account meet on
        -- the account's row before either holds an accommodation's
        if coalesce(current_setting('sejour.nights_changed_' || owner, true), '') <> 'y' then
            perform set_config('sejour.nights_changed_' || owner, 'y', true);
            insert into account_nights (account_id) values (owner)
                on conflict (account_id) do update set version = gen_random_uuid();
        end if;
        insert into accommodation_nights (accommodation_id) values (changed)
            on conflict (accommodation_id) do update set version = gen_random_uuid();
    end loop;
    return null;
end
$$;

-- An imported calendar's event holds its nights through night_stock, but whether it holds them
-- (holds_nights) is read by searches too: a change of it moves the versions as well. Named to
-- sort before channel_block_export_outdated (V15), as V22's triggers sort before theirs.
create constraint trigger channel_block_availability_changed after insert or update or delete on channel_block
    deferrable initially deferred for each row execute function account_nights_changed();

create function accommodation_nights_gone() returns trigger language plpgsql as $$
begin
    delete from accommodation_nights where accommodation_id = old.id;
    return null;
end
$$;

create trigger accommodation_nights_gone after delete on accommodation
    for each row execute function accommodation_nights_gone();
