-- A version per account that changes whenever anything that prices its stays changes, so
-- that the server may keep an account's pricing inputs in memory and still never quote from
-- stale ones: a reader reads the version first, then reuses what it holds for that version.
-- Triggers, not Java, bump it, so that no write path (services, scripts, psql) can forget to.
-- A version is a random UUID, never "version + 1": a rolled-back change must not hand its
-- version to a later, different change (a reader inside that transaction may already have
-- cached what it saw under it). Not a sequence either: nextval() inside an insert's trigger
-- would change what lastval() returns, which EclipseLink reads as the new row's identity.

alter table account add column catalog_version uuid not null default gen_random_uuid();

-- tg_argv[0] names the column that leads to the owning account
create function catalog_changed() returns trigger language plpgsql as $$
declare
    changed jsonb := to_jsonb(case when tg_op = 'DELETE' then old else new end);
    owner bigint;
begin
    -- counting the uses of a code prices nothing, except the first use of a single-use code,
    -- which spends it; so bookings with a code do not churn the cache or lock the account early
    if tg_op = 'UPDATE' and tg_table_name = 'promo_code' then
        if to_jsonb(old) - 'uses' = to_jsonb(new) - 'uses'
                and not ((changed ->> 'single_use')::boolean and (to_jsonb(old) ->> 'uses')::int = 0) then
            return null;
        end if;
    end if;
    owner := case tg_argv[0]
        when 'account_id' then (changed ->> 'account_id')::bigint
        when 'accommodation_id' then
            (select a.account_id from accommodation a where a.id = (changed ->> 'accommodation_id')::bigint)
        when 'rate_id' then (select r.account_id from rate r where r.id = (changed ->> 'rate_id')::bigint)
        when 'promotion_id' then
            (select p.account_id from promotion p where p.id = (changed ->> 'promotion_id')::bigint)
        when 'promo_code_id' then
            (select c.account_id from promo_code c where c.id = (changed ->> 'promo_code_id')::bigint)
        when 'supplement_id' then
            (select s.account_id from supplement s where s.id = (changed ->> 'supplement_id')::bigint)
    end;
    -- null when the parent went in the same cascade; the parent's own trigger bumps then
    if owner is not null then
        update account set catalog_version = gen_random_uuid() where id = owner;
    end if;
    return null;
end
$$;

do $$
declare
    t record;
begin
    for t in select * from (values
            ('accommodation', 'account_id'),
            ('sales_terms', 'account_id'),
            ('deposit_rule', 'account_id'),
            ('age_range', 'account_id'),
            ('rate', 'account_id'),
            ('rate_period', 'rate_id'),
            ('promotion', 'account_id'),
            ('promotion_accommodation', 'promotion_id'),
            ('promotion_period', 'promotion_id'),
            ('promo_code', 'account_id'),
            ('promo_code_accommodation', 'promo_code_id'),
            ('promo_code_period', 'promo_code_id'),
            ('supplement', 'account_id'),
            ('supplement_text', 'supplement_id'),
            ('supplement_period', 'supplement_id'),
            ('supplement_accommodation', 'supplement_id'),
            ('tourist_tax', 'accommodation_id')) as v (tbl, via)
    loop
        execute format('create trigger %I after insert or update or delete on %I '
                       'for each row execute function catalog_changed(%L)', t.tbl || '_catalog_changed', t.tbl, t.via);
    end loop;
end
$$;

-- the account's own pricing field: its minimum stay
create function account_pricing_changed() returns trigger language plpgsql as $$
begin
    if new.min_stay_nights is distinct from old.min_stay_nights then
        new.catalog_version := gen_random_uuid();
    end if;
    return new;
end
$$;

create trigger account_pricing_changed before update of min_stay_nights on account
    for each row execute function account_pricing_changed();
