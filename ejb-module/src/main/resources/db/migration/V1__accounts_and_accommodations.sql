-- Owner accounts, the people who sign in, and accommodations with their photos.
-- Every owner-owned row carries account_id: tenant isolation starts in the schema.

create sequence account_number_seq start with 100001;

create table account (
    id                       bigint generated always as identity primary key,
    account_number           integer not null unique,
    mode                     varchar(16) not null default 'TEST' check (mode in ('TEST', 'PRODUCTION')),
    production_requested_at  timestamptz,
    contact_completed        boolean not null default false,
    company_name             varchar(120),
    first_name               varchar(80),
    last_name                varchar(80),
    email                    varchar(254),
    phone                    varchar(30),
    mobile                   varchar(30),
    address                  varchar(250),
    postal_code              varchar(16),
    city                     varchar(120),
    country                  varchar(2),
    website                  varchar(250),
    min_stay_nights          integer not null default 1 check (min_stay_nights between 1 and 365),
    mobile_web_app           boolean not null default true,
    last_accommodation_seq   integer not null default 0 check (last_accommodation_seq >= 0),
    created_at               timestamptz not null default now(),
    version                  integer not null default 0,
    check (not contact_completed or (first_name is not null and last_name is not null and email is not null
                                      and phone is not null and address is not null and postal_code is not null
                                      and city is not null and country is not null))
);

create table app_user (
    id                    bigint generated always as identity primary key,
    login                 varchar(254) not null,
    password_hash         varchar(200) not null,
    role                  varchar(16) not null check (role in ('OWNER', 'OPERATOR')),
    account_id            bigint references account (id),
    must_change_password  boolean not null default false,
    created_at            timestamptz not null default now(),
    last_login_at         timestamptz,
    version               integer not null default 0,
    -- an owner always belongs to one account; an operator never does
    check ((role = 'OWNER') = (account_id is not null))
);
create unique index app_user_login_uk on app_user (lower(login));
create index app_user_account_ix on app_user (account_id);

create table accommodation (
    id                 bigint generated always as identity primary key,
    account_id         bigint not null references account (id),
    seq                integer not null check (seq > 0),
    reference          varchar(32) not null unique,
    name               varchar(120) not null check (length(trim(name)) > 0),
    stock_managed      boolean not null default false,
    type               varchar(20) not null,
    classification     varchar(20) not null,
    residence          varchar(120),
    address            varchar(250) not null,
    postal_code        varchar(16),
    city               varchar(120) not null,
    latitude           numeric(8, 6) check (latitude between -90 and 90),
    longitude          numeric(9, 6) check (longitude between -180 and 180),
    altitude           integer check (altitude between -500 and 9000),
    capacity_min       integer not null check (capacity_min >= 1),
    capacity_max       integer not null check (capacity_max <= 200),
    surface            numeric(8, 2) check (surface > 0),
    floor              integer check (floor between -5 and 200),
    orientation        varchar(16),
    security_deposit   numeric(12, 2) check (security_deposit >= 0),
    visibility         varchar(20) not null default 'HIDDEN' check (visibility in ('HIDDEN', 'VISIBLE', 'BOOKABLE')),
    created_at         timestamptz not null default now(),
    version            integer not null default 0,
    unique (account_id, seq),
    check (capacity_min <= capacity_max),
    check ((latitude is null) = (longitude is null))
);
create index accommodation_account_ix on accommodation (account_id);

create table accommodation_description (
    accommodation_id  bigint not null references accommodation (id) on delete cascade,
    lang              varchar(2) not null check (lang in ('fr', 'en', 'de', 'es', 'ca', 'it', 'nl')),
    text              varchar(20000) not null,
    primary key (accommodation_id, lang)
);

create table accommodation_amenity (
    accommodation_id  bigint not null references accommodation (id) on delete cascade,
    amenity           varchar(30) not null,
    primary key (accommodation_id, amenity)
);

create table accommodation_photo (
    id                 bigint generated always as identity primary key,
    accommodation_id   bigint not null references accommodation (id) on delete cascade,
    position           integer not null check (position >= 0 and position < 20),
    storage_key        varchar(64) not null unique,
    width              integer not null check (width > 0),
    height             integer not null check (height > 0),
    size_bytes         integer not null check (size_bytes > 0),
    original_name      varchar(255),
    created_at         timestamptz not null default now(),
    -- reordering swaps positions inside one transaction
    unique (accommodation_id, position) deferrable initially deferred
);
