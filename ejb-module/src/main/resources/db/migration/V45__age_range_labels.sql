-- Age ranges are named in the guest's language ("Adulte" reached German guests as it was). The
-- French label stays in age_range: dossiers and bookings name their party by it.
create table age_range_label (
    age_range_id  bigint not null references age_range (id) on delete cascade,
    lang          varchar(2) not null check (lang in ('en', 'de', 'es', 'ca', 'it', 'nl')),
    label         varchar(60) not null check (length(btrim(label)) > 0),
    primary key (age_range_id, lang)
);

-- A name shows on quotes and booking forms that are kept per catalog version: a renamed range
-- touches its row, whose own trigger moves the account's version.
create function age_range_label_changed() returns trigger language plpgsql as $$
begin
    update age_range set label = label
    where id = (case when tg_op = 'DELETE' then old.age_range_id else new.age_range_id end);
    return null;
end;
$$;
create trigger age_range_label_catalog_changed after insert or update or delete on age_range_label
    for each row execute function age_range_label_changed();

-- The three ranges every account started with keep their names in the other languages.
insert into age_range_label (age_range_id, lang, label)
select r.id, n.lang, n.label
from age_range r
join (values
    ('Adulte', 'en', 'Adult'), ('Adulte', 'de', 'Erwachsener'), ('Adulte', 'es', 'Adulto'),
    ('Adulte', 'ca', 'Adult'), ('Adulte', 'it', 'Adulto'), ('Adulte', 'nl', 'Volwassene'),
    ('Enfant', 'en', 'Child'), ('Enfant', 'de', 'Kind'), ('Enfant', 'es', 'Niño'),
    ('Enfant', 'ca', 'Infant'), ('Enfant', 'it', 'Bambino'), ('Enfant', 'nl', 'Kind'),
    ('Bébé', 'en', 'Baby'), ('Bébé', 'de', 'Kleinkind'), ('Bébé', 'es', 'Bebé'),
    ('Bébé', 'ca', 'Nadó'), ('Bébé', 'it', 'Neonato'), ('Bébé', 'nl', 'Baby')
) as n (french, lang, label) on n.french = r.label;
