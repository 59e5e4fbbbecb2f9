-- The audit trail: one row per changed row of what an owner must be able to trace (dossiers,
-- payments, rates, stock, bans, promotions, codes, settings, staff), written by triggers so that
-- no code path, JPA or SQL, can change these tables without leaving a row.
--
-- Who and from where come from two settings the application sets once per transaction
-- (AuditInterceptor): sejour.actor ('USER:<app_user id>' or 'PUBLIC') and sejour.client (the
-- address of the request). A transaction without them is the server's own work (timers, jobs).
--
-- Personal data of guests and owners and every secret are never copied here: their columns say
-- "changed" without a value, so erasing a guest (GDPR) leaves nothing of them in this table,
-- which can then stay append-only.
-- No sequence: EclipseLink reads an IDENTITY id back with lastval(), which a sequence used by
-- a trigger after the insert would answer instead. A random id, and the clock for the order.
create table audit_event (
    id             uuid primary key default gen_random_uuid(),
    occurred_at    timestamptz not null default clock_timestamp(),
    tx             bigint not null default txid_current(),
    account_id     bigint,
    actor_kind     varchar(8) not null check (actor_kind in ('USER', 'PUBLIC', 'SYSTEM')),
    actor_user_id  bigint,
    -- the login at the time: a removed staff member's rows still say who they were
    actor_login    varchar(254),
    client_address varchar(64),
    object_type    varchar(40) not null,
    object_key     varchar(200) not null,
    dossier_id     bigint,
    action         varchar(6) not null check (action in ('INSERT', 'UPDATE', 'DELETE')),
    changes        jsonb not null,
    check ((actor_kind = 'USER') = (actor_user_id is not null))
);
create index audit_event_account_ix on audit_event (account_id, occurred_at desc);
create index audit_event_dossier_ix on audit_event (dossier_id, occurred_at) where dossier_id is not null;

-- Arguments: 0 where the account is ('account_id', 'id' for the account itself, or
-- '<parent table>:<column>' for a row whose parent holds account_id), 1 the dossier column or
-- '', 2 the key columns, 3 the columns whose values are never copied, 4 columns not worth a row
-- (counters the engine moves on each booking).
create function audit_row() returns trigger language plpgsql as $$
declare
    old_row  jsonb := case when tg_op <> 'INSERT' then to_jsonb(old) end;
    new_row  jsonb := case when tg_op <> 'DELETE' then to_jsonb(new) end;
    any_row  jsonb := coalesce(new_row, old_row);
    redacted text[] := string_to_array(tg_argv[3], ',');
    ignored  text[] := string_to_array(tg_argv[4], ',') || array['version', 'updated_at'];
    diff     jsonb := '{}';
    key_text text;
    account  bigint;
    parent   text[];
    actor    text := nullif(current_setting('sejour.actor', true), '');
    k        text;
    before   jsonb;
    after    jsonb;
begin
    for k in select jsonb_object_keys(any_row) loop
        continue when k = any (ignored);
        before := case when old_row is null then null else nullif(old_row -> k, 'null'::jsonb) end;
        after := case when new_row is null then null else nullif(new_row -> k, 'null'::jsonb) end;
        continue when before is not distinct from after;
        if k = any (redacted) or k ~ '(password|secret|token|hash|idempotency)' then
            diff := diff || jsonb_build_object(k, jsonb_build_object('changed', true));
        else
            diff := diff || jsonb_build_object(k, jsonb_strip_nulls(jsonb_build_object('before', before, 'after', after)));
        end if;
    end loop;
    if diff = '{}' then
        return null;
    end if;

    if tg_argv[0] = 'account_id' then
        account := (any_row ->> 'account_id')::bigint;
    elsif tg_argv[0] = 'id' then
        account := (any_row ->> 'id')::bigint;
    else
        parent := string_to_array(tg_argv[0], ':');
        execute format('select account_id from %I where id = $1', parent[1])
            into account using (any_row ->> parent[2])::bigint;
        if account is null and tg_op = 'DELETE' then
            -- the parent went first (a cascade): its own row says so
            return null;
        end if;
    end if;

    select string_agg(case when array_length(string_to_array(tg_argv[2], ','), 1) = 1 then any_row ->> c
                           else c || '=' || coalesce(any_row ->> c, '') end, ',')
      into key_text
      from unnest(string_to_array(tg_argv[2], ',')) as c;

    insert into audit_event (account_id, actor_kind, actor_user_id, actor_login, client_address, object_type,
                             object_key, dossier_id, action, changes)
    values (account,
            case when actor like 'USER:%' then 'USER' when actor = 'PUBLIC' then 'PUBLIC' else 'SYSTEM' end,
            case when actor like 'USER:%' then substring(actor from 6)::bigint end,
            case when actor like 'USER:%' then (select u.login from app_user u where u.id = substring(actor from 6)::bigint) end,
            nullif(current_setting('sejour.client', true), ''),
            tg_table_name, key_text,
            case when tg_argv[1] <> '' then (any_row ->> tg_argv[1])::bigint end,
            tg_op, diff);
    return null;
end
$$;

do $$
declare
    t record;
begin
    for t in select * from (values
        -- table, account, dossier column, key, never copied, not worth a row
        ('dossier', 'account_id', 'id', 'id',
            'guest_first_name,guest_last_name,guest_email,guest_phone,guest_address,guest_postal_code,guest_city,cancel_reason,request_hash', ''),
        ('dossier_stay', 'dossier:dossier_id', 'dossier_id', 'dossier_id,position', '', ''),
        ('dossier_line', 'dossier:dossier_id', 'dossier_id', 'dossier_id,position', '', ''),
        ('dossier_party', 'dossier:dossier_id', 'dossier_id', 'dossier_id,stay_position,label', '', ''),
        ('payment', 'dossier:dossier_id', 'dossier_id', 'id', 'reference,reason', ''),
        ('deposit_hold', 'account_id', 'dossier_id', 'id', 'payment_intent,reason,failure', ''),
        ('pre_arrival_form', 'account_id', 'dossier_id', 'id', 'car_plate,remarks,arrival_time', ''),
        ('rate', 'account_id', '', 'id', '', ''),
        ('rate_period', 'rate:rate_id', '', 'rate_id,first_day', '', ''),
        ('night_stock', 'accommodation:accommodation_id', '', 'accommodation_id,night', '', 'sold'),
        ('sales_ban', 'accommodation:accommodation_id', '', 'id', '', ''),
        ('promotion', 'account_id', '', 'id', '', ''),
        ('promotion_period', 'promotion:promotion_id', '', 'promotion_id,first_day', '', ''),
        ('promotion_accommodation', 'promotion:promotion_id', '', 'promotion_id,accommodation_id', '', ''),
        ('promotion_label', 'promotion:promotion_id', '', 'promotion_id,lang', '', ''),
        ('promo_code', 'account_id', '', 'id', '', 'uses'),
        ('promo_code_period', 'promo_code:promo_code_id', '', 'promo_code_id,first_day', '', ''),
        ('promo_code_accommodation', 'promo_code:promo_code_id', '', 'promo_code_id,accommodation_id', '', ''),
        ('promo_code_label', 'promo_code:promo_code_id', '', 'promo_code_id,lang', '', ''),
        ('supplement', 'account_id', '', 'id', '', ''),
        ('supplement_period', 'supplement:supplement_id', '', 'supplement_id,first_day', '', ''),
        ('supplement_accommodation', 'supplement:supplement_id', '', 'supplement_id,accommodation_id', '', ''),
        ('supplement_text', 'supplement:supplement_id', '', 'supplement_id,lang', '', ''),
        ('age_range', 'account_id', '', 'id', '', ''),
        ('tourist_tax', 'accommodation:accommodation_id', '', 'accommodation_id', '', ''),
        ('accommodation', 'account_id', '', 'id', '', ''),
        ('account', 'id', '', 'id',
            'company_name,first_name,last_name,email,phone,mobile,address,postal_code,city,website',
            'last_accommodation_seq,last_dossier_number,catalog_version'),
        ('app_user', 'account_id', '', 'id', '', 'last_login_at'),
        ('sales_terms', 'account_id', '', 'account_id', '', ''),
        ('sales_terms_text', 'account_id', '', 'account_id,lang', '', ''),
        ('deposit_rule', 'account_id', '', 'account_id,arrival_within_days', '', ''),
        ('cancellation_rule', 'account_id', '', 'account_id,min_days_before', '', ''),
        ('contract_settings', 'account_id', '', 'account_id', 'logo', ''),
        ('contract_text', 'account_id', '', 'account_id,field,lang', '', ''),
        ('mail_settings', 'account_id', '', 'account_id', '', ''),
        ('mail_text', 'account_id', '', 'account_id,field,lang', '', ''),
        ('mail_language', 'account_id', '', 'account_id,lang', '', ''),
        ('receipt_settings', 'account_id', '', 'account_id', '', ''),
        ('reminder_settings', 'account_id', '', 'account_id', '', ''),
        ('message_rule', 'account_id', '', 'id', '', ''),
        ('message_rule_text', 'message_rule:rule_id', '', 'rule_id,lang', '', ''),
        ('stripe_account', 'account_id', '', 'account_id', '', 'checked_at')
    ) as v (name, account, dossier, key, redacted, ignored)
    loop
        execute format('create trigger %I after insert or update or delete on %I for each row '
                       'execute function audit_row(%L, %L, %L, %L, %L)',
                       t.name || '_audit', t.name, t.account, t.dossier, t.key, t.redacted, t.ignored);
    end loop;
end
$$;

-- Append-only for the application's own role, which owns the table: no UPDATE, DELETE or
-- TRUNCATE privilege, and triggers that refuse them should the privilege come back.
create function audit_event_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the audit trail is append-only' using errcode = 'insufficient_privilege';
end
$$;
create trigger audit_event_no_change before update or delete on audit_event
    for each row execute function audit_event_append_only();
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_event_append_only();
revoke update, delete, truncate on audit_event from current_user;
