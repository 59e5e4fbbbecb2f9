-- Channels: the iCal feed other platforms read from us, and the iCal feeds we read from them.
--
-- An imported event closes its nights through night_stock, exactly as a booking does
-- (sold + 1, CHECK sold <= units): a Séjour booking and a channel block can never both hold
-- the last unit of a night. A block that could not take its nights (a dossier or another
-- channel already holds them) is kept with holds_nights = false and listed as a conflict.

-- the secret export address: 256 random bits, base64url; a new token revokes the old one
create table channel_export (
    accommodation_id  bigint primary key references accommodation (id) on delete cascade,
    token             varchar(64) not null unique check (length(token) >= 43),
    -- what was last served, so that Last-Modified moves only when the content does
    content_hash      varchar(64),
    content_changed_at timestamptz not null default now(),
    created_at        timestamptz not null default now()
);

create table channel_feed (
    id                bigint generated always as identity primary key,
    account_id        bigint not null references account (id),
    accommodation_id  bigint not null references accommodation (id),
    name              varchar(60) not null check (length(trim(name)) > 0),
    url               varchar(2000) not null check (url ~* '^https?://'),
    status            varchar(8) not null default 'NEW' check (status in ('NEW', 'OK', 'ERROR', 'HELD')),
    etag              varchar(250),
    last_modified     varchar(64),
    last_sync_at      timestamptz,
    last_success_at   timestamptz,
    last_error        varchar(1000),
    event_count       integer not null default 0 check (event_count >= 0),
    rejected_count    integer not null default 0 check (rejected_count >= 0),
    next_sync_at      timestamptz not null default now(),
    created_at        timestamptz not null default now(),
    version           integer not null default 0,
    unique (accommodation_id, url)
);
create index channel_feed_due_ix on channel_feed (next_sync_at);
create index channel_feed_account_ix on channel_feed (account_id, accommodation_id);

-- one row per event of a feed's last applied snapshot
create table channel_block (
    id                bigint generated always as identity primary key,
    -- no cascade: removing a feed must give its nights back first (ChannelFeedService.remove)
    feed_id           bigint not null references channel_feed (id),
    accommodation_id  bigint not null references accommodation (id),
    uid               varchar(500) not null,
    -- start, end and summary hashed: finds the event again when a feed rewrites its UIDs
    fallback_key      varchar(64) not null,
    first_night       date not null,
    departure         date not null,
    summary           varchar(200),
    holds_nights      boolean not null,
    created_at        timestamptz not null default now(),
    check (first_night < departure),
    unique (feed_id, uid)
);
create index channel_block_accommodation_ix on channel_block (accommodation_id, first_night);

-- a block that overlaps a Séjour dossier (or another channel's block) instead of closing its nights
create table channel_conflict (
    id           bigint generated always as identity primary key,
    block_id     bigint not null references channel_block (id) on delete cascade,
    dossier_id   bigint references dossier (id) on delete cascade,
    detected_at  timestamptz not null default now()
);
create unique index channel_conflict_once_ix on channel_conflict (block_id, coalesce(dossier_id, 0));
