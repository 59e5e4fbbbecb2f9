-- A guest's data: export and erasure on request, and erasure N years after the last stay
-- (GDPR art. 15, 17, 5(1)(e); docs/privacy.md).

-- How many years after a guest's last departure the guest is anonymised; null: never. At least
-- two years: the owner must still be able to answer a claim about last season's stay and the
-- commune's check of last year's tourist-tax register; thirty at most.
alter table account add column guest_retention_years integer
    check (guest_retention_years between 2 and 30);

-- The day a dossier's guest was anonymised: the retention job skips such dossiers (a restart
-- does nothing twice), and the dossier page says so rather than offering the buttons again.
alter table dossier add column guest_erased_on date;
create index dossier_retention_ix on dossier (account_id, departure) where guest_erased_on is null;

-- The erasure's transaction says so with set_config('sejour.erasure', 'on', true), which lasts
-- until its end. Only then may an issued invoice or credit note lose its buyer: the buyer's name
-- and details become a pseudonym, the free texts a scrubbed copy; its number, dates, lines and
-- amounts stay exactly as issued (accounting law, docs/privacy.md).
create or replace function invoice_is_immutable() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and tg_table_name = 'invoice'
       and current_setting('sejour.erasure', true) = 'on'
       and (to_jsonb(new) - array['buyer_name', 'buyer_details', 'payment_reference', 'refund_reason'])
           = (to_jsonb(old) - array['buyer_name', 'buyer_details', 'payment_reference', 'refund_reason']) then
        return new;
    end if;
    raise exception 'an issued invoice cannot be changed or deleted (%)', tg_table_name;
end
$$;

-- The evidence of an accepted contract names the guest, the address they connected from and the
-- contract as they read it (a PDF naming them): the erasure deletes it, nothing else may.
create or replace function contract_evidence_is_immutable() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' and (pg_trigger_depth() > 1 or current_setting('sejour.erasure', true) = 'on') then
        return old;
    end if;
    raise exception 'contract evidence cannot be changed or deleted (%)', tg_table_name;
end
$$;

-- Every case-insensitive occurrence of each term in a free text replaced by "[effacé]": what an
-- owner typed about the guest (a cancellation reason, a payment reference) loses the guest's
-- name, e-mail and phone but keeps the rest.
create function erase_terms(t text, terms text[]) returns text language plpgsql immutable as $$
declare
    term text;
begin
    if t is null then
        return null;
    end if;
    foreach term in array terms loop
        if length(btrim(term)) >= 3 then
            t := regexp_replace(t, regexp_replace(btrim(term), '([.*+?^{}()|$\[\]\\])', '\\\1', 'g'),
                                '[effacé]', 'gi');
        end if;
    end loop;
    return t;
end
$$;
