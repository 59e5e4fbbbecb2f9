-- A nights version per accommodation, moved with the account's (V22) by the same deferred
-- trigger, so that a search kept per accommodation (KeptOffers) recomputes only the
-- accommodations whose nights changed: a booking a second on an account of 500 then costs one
-- accommodation's work, not 500. No row: the accommodation's nights have not changed since this
-- migration, which a reader counts as one version of its own.
create table accommodation_nights (
    accommodation_id bigint primary key references accommodation (id) on delete cascade,
    version          uuid   not null default gen_random_uuid()
);

create or replace function account_nights_changed() returns trigger language plpgsql as $$
declare
    changed bigint;
    owner bigint;
begin
    changed := case when tg_op = 'DELETE' then old.accommodation_id else new.accommodation_id end;
    -- once per accommodation and transaction: a week's booking changes seven rows
    if current_setting('sejour.nights_changed_a' || changed, true) = 'y' then
        return null;
    end if;
    owner := (select a.account_id from accommodation a where a.id = changed);
    -- null when the accommodation went in the same transaction (its account is going too, or it
    -- had no nights yet): nothing left that a search could have cached
    if owner is null then
        return null;
    end if;
    perform set_config('sejour.nights_changed_a' || changed, 'y', true);
    -- the account's row first, then the accommodation's: two commits of one account meet on the
    -- account's row before either holds an accommodation's
    if coalesce(current_setting('sejour.nights_changed_' || owner, true), '') <> 'y' then
        perform set_config('sejour.nights_changed_' || owner, 'y', true);
        insert into account_nights (account_id) values (owner)
            on conflict (account_id) do update set version = gen_random_uuid();
    end if;
    insert into accommodation_nights (accommodation_id) values (changed)
        on conflict (accommodation_id) do update set version = gen_random_uuid();
    return null;
end
$$;
