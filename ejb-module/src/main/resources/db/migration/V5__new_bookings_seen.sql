-- When each back-office user last opened the list of new bookings: the header badge counts
-- the dossiers of their account created after that instant. No row yet: every dossier is new.
create table new_bookings_seen (
    user_id  bigint primary key references app_user (id) on delete cascade,
    seen_at  timestamptz not null
);
