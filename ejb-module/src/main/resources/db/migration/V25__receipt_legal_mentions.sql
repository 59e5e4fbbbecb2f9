-- The legal mentions of receipts (Code de commerce L441-9, CGI 242 nonies A): the seller's
-- legal name and form, SIRET, RCS/RM registration, VAT status (a VAT number and rate, or the
-- franchise of article 293 B of the CGI) and the prefix printed before receipt numbers.
-- The owner writes them in receipt_settings; each receipt copies them when it is issued, in
-- new columns of invoice that V17's trigger keeps as immutable as the rest of the row.
-- Receipts issued before this migration have none (null): they printed none.
--
-- The same rules as the Java side (LegalMentions), in the database: a SIRET is 14 digits
-- passing INSEE's Luhn check (La Poste's establishments: digits adding up to a multiple of 5),
-- a French VAT number is FR, a 2-character key and the 9-digit SIREN, the key checked when numeric.

create function siret_is_valid(siret text) returns boolean language plpgsql immutable strict as $$
declare
    total integer := 0;
    digit integer;
begin
    if siret !~ '^[0-9]{14}$' then
        return false;
    end if;
    if left(siret, 9) = '356000000' and siret <> '35600000000048' then
        for i in 1..14 loop
            total := total + substr(siret, i, 1)::integer;
        end loop;
        return total % 5 = 0;
    end if;
    for i in 0..13 loop
        digit := substr(siret, 14 - i, 1)::integer;
        if i % 2 = 1 then
            digit := digit * 2;
            if digit > 9 then
                digit := digit - 9;
            end if;
        end if;
        total := total + digit;
    end loop;
    return total % 10 = 0;
end
$$;

create function fr_vat_number_is_valid(vat text) returns boolean language sql immutable strict as $$
    select vat ~ '^FR[0-9A-HJ-NP-Z]{2}[0-9]{9}$'
       and (substr(vat, 3, 2) !~ '^[0-9]{2}$'
            or substr(vat, 3, 2)::integer = (12 + 3 * (substr(vat, 5, 9)::bigint % 97)) % 97)
$$;

create domain siret_number as varchar(14) check (siret_is_valid(value));
create domain fr_vat_number as varchar(13) check (fr_vat_number_is_valid(value));
create domain receipt_number_prefix as varchar(16) check (value ~ '^[A-Za-z0-9][A-Za-z0-9_./-]{0,15}$');

create table receipt_settings (
    account_id     bigint primary key references account (id),
    legal_name     varchar(300),
    legal_form     varchar(60),
    siret          siret_number,
    registration   varchar(120),
    vat_status     varchar(10) check (vat_status in ('FRANCHISE', 'REGISTERED')),
    vat_number     fr_vat_number,
    vat_rate       numeric(5, 2) check (vat_rate > 0 and vat_rate < 100),
    number_prefix  receipt_number_prefix,
    version        integer not null default 0,
    -- a VAT number and rate exactly when the owner charges VAT
    constraint receipt_settings_vat check (case vat_status when 'REGISTERED' then vat_number is not null and vat_rate is not null
                                           else vat_number is null and vat_rate is null end)
);

alter table invoice
    add column legal_name     varchar(300),
    add column legal_form     varchar(60),
    add column siret          siret_number,
    add column registration   varchar(120),
    add column vat_status     varchar(10) check (vat_status in ('FRANCHISE', 'REGISTERED')),
    add column vat_number     fr_vat_number,
    add column vat_rate       numeric(5, 2) check (vat_rate > 0 and vat_rate < 100),
    add column number_prefix  receipt_number_prefix,
    add constraint invoice_vat check (case vat_status when 'REGISTERED' then vat_number is not null and vat_rate is not null
                                      else vat_number is null and vat_rate is null end);
