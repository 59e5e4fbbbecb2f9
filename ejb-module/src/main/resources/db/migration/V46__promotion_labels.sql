-- A promotion's label on the quote in the guest's language (a German guest read "Dernière minute").
-- The French label stays in promotion.label; without any, guests read the kind's name in theirs.
create table promotion_label (
    promotion_id  bigint not null references promotion (id) on delete cascade,
    lang          varchar(2) not null check (lang in ('en', 'de', 'es', 'ca', 'it', 'nl')),
    label         varchar(120) not null check (length(btrim(label)) > 0),
    primary key (promotion_id, lang)
);
create trigger promotion_label_catalog_changed after insert or update or delete on promotion_label
    for each row execute function catalog_changed('promotion_id');
