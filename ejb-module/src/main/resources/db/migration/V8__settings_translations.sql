-- Settings screens: translated terms and conditions, translated public labels of promo codes,
-- and age ranges that can be removed once dossiers used them.

-- The terms and conditions (conditions générales de vente) per language; French is the fallback.
create table sales_terms_text (
    account_id  bigint not null references sales_terms (account_id) on delete cascade,
    lang        varchar(2) not null check (lang in ('fr', 'en', 'de', 'es', 'ca', 'it', 'nl')),
    body        text not null check (length(trim(body)) > 0),
    primary key (account_id, lang)
);

-- The public label of a code in the other languages; promo_code.public_label stays the French one.
create table promo_code_label (
    promo_code_id  bigint not null references promo_code (id) on delete cascade,
    lang           varchar(2) not null check (lang in ('en', 'de', 'es', 'ca', 'it', 'nl')),
    label          varchar(120) not null check (length(trim(label)) > 0),
    primary key (promo_code_id, lang)
);

-- A dossier keeps the label and taxability of its party; the range itself may go.
alter table dossier_party drop constraint dossier_party_age_range_id_fkey;
alter table dossier_party add constraint dossier_party_age_range_id_fkey
    foreign key (age_range_id) references age_range (id) on delete set null;
