-- How a guest gets in (key box code, the way up the track, where to park), per accommodation and
-- language. Kept apart from the description: the description is public, this reaches only guests
-- with a booking, through the owner's messages ({access}).
create table accommodation_access (
    accommodation_id  bigint not null references accommodation (id) on delete cascade,
    lang              varchar(2) not null check (lang in ('fr', 'en', 'de', 'es', 'ca', 'it', 'nl')),
    text              varchar(4000) not null check (length(btrim(text)) > 0),
    primary key (accommodation_id, lang)
);
