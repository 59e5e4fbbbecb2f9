-- A single-use code given back (a deleted test booking returns its use) prices again, like a new
-- one: the catalog version must change when such a code goes from spent to unspent, not only
-- when it is spent (V9). Counting the uses of other codes still prices nothing.
-- (V16.1 rather than V17: this branch was given V16 alone.)
create or replace function catalog_changed() returns trigger language plpgsql as $$
declare
    changed jsonb := to_jsonb(case when tg_op = 'DELETE' then old else new end);
    owner bigint;
begin
    if tg_op = 'UPDATE' and tg_table_name = 'promo_code' then
        if to_jsonb(old) - 'uses' = to_jsonb(new) - 'uses'
                and not ((changed ->> 'single_use')::boolean
                         and ((to_jsonb(old) ->> 'uses')::int = 0) <> ((changed ->> 'uses')::int = 0)) then
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
