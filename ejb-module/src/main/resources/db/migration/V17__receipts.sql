-- Receipts (reçus de paiement): one per payment recorded on a real dossier, numbered per
-- account 1, 2, 3… with no gap and no reuse.
--
-- No sequence: a sequence hands out numbers outside transactions, so a rolled-back payment
-- would leave a hole. The number is taken from invoice_counter in the transaction that
-- records the payment (INSERT … ON CONFLICT DO UPDATE … RETURNING): the row stays locked until
-- that transaction ends, so two payments of one account get consecutive numbers one after the
-- other, and a rollback gives the number back together with the payment. Other accounts have
-- rows of their own and never wait.
--
-- The rules are the database's, not only Java's: the counter only moves one step up, an
-- invoice takes exactly the number its transaction just drew, and an issued invoice (and its
-- lines) can be neither changed nor deleted.

create table invoice_counter (
    account_id   bigint primary key references account (id),
    last_number  integer not null check (last_number > 0)
);

create table invoice (
    id                  bigint generated always as identity primary key,
    account_id          bigint not null references account (id),
    number              integer not null check (number > 0),
    dossier_id          bigint not null references dossier (id),
    payment_id          bigint not null unique references payment (id),
    issued_at           timestamptz not null,
    issued_on           date not null,
    -- what the receipt says, frozen when issued: a later change of the owner's contact details,
    -- of the guest's name or of the payments does not change a receipt already given
    language            varchar(2) not null,
    seller_name         varchar(300) not null,
    seller_details      text not null,
    buyer_name          varchar(300) not null,
    buyer_details       text not null,
    dossier_number      integer not null,
    accommodation_name  varchar(300) not null,
    arrival             date not null,
    departure           date not null,
    payment_kind        varchar(8) not null check (payment_kind in ('DEPOSIT', 'BALANCE', 'OTHER')),
    paid_on             date not null,
    payment_amount      numeric(12, 2) not null check (payment_amount <> 0),
    payment_method      varchar(120) not null,
    payment_reference   varchar(120),
    total               numeric(12, 2) not null,
    paid_to_date        numeric(12, 2) not null,
    balance             numeric(12, 2) not null,
    constraint invoice_number_once unique (account_id, number),
    constraint invoice_balance_adds_up check (balance = total - paid_to_date),
    check (arrival < departure)
);
create index invoice_dossier_ix on invoice (dossier_id);

create table invoice_line (
    invoice_id  bigint not null references invoice (id),
    position    integer not null,
    label       varchar(300) not null,
    quantity    integer not null,
    amount      numeric(12, 2) not null,
    struck_out  numeric(12, 2),
    detail      boolean not null,
    primary key (invoice_id, position)
);

create function invoice_counter_step() returns trigger language plpgsql as $$
begin
    if new.last_number <> old.last_number + 1 or new.account_id <> old.account_id then
        raise exception 'invoice numbers of account % only move one step up (% to %)',
            old.account_id, old.last_number, new.last_number;
    end if;
    return new;
end
$$;
create trigger invoice_counter_step before update on invoice_counter
    for each row execute function invoice_counter_step();

create function invoice_counter_starts_at_one() returns trigger language plpgsql as $$
begin
    if new.last_number <> 1 then
        raise exception 'the invoice numbers of account % start at 1', new.account_id;
    end if;
    return new;
end
$$;
create trigger invoice_counter_starts_at_one before insert on invoice_counter
    for each row execute function invoice_counter_starts_at_one();

-- the counter row is read under the lock the issuing transaction already holds on it
create function invoice_takes_drawn_number() returns trigger language plpgsql as $$
begin
    if new.number is distinct from (select last_number from invoice_counter where account_id = new.account_id) then
        raise exception 'invoice number % of account % was not drawn from its counter', new.number, new.account_id;
    end if;
    return new;
end
$$;
create trigger invoice_takes_drawn_number before insert on invoice
    for each row execute function invoice_takes_drawn_number();

create function invoice_is_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'an issued invoice cannot be changed or deleted (%)', tg_table_name;
end
$$;
create trigger invoice_is_immutable before update or delete on invoice
    for each row execute function invoice_is_immutable();
create trigger invoice_line_is_immutable before update or delete on invoice_line
    for each row execute function invoice_is_immutable();
