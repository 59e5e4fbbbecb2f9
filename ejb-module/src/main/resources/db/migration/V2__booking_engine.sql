-- The booking engine: what can be sold (rates, stock, bans), at what price (promotions,
-- codes, supplements, tax, terms), and the dossiers that buy it.
--
-- The guarantee that a night is never sold beyond its stock lives here, not in Java:
-- night_stock holds, per accommodation and night, the units for sale and the units sold,
-- with CHECK (sold <= units). A booking increments "sold" on each of its nights in its own
-- transaction; a concurrent booking of the last unit fails that CHECK (or finds the row
-- locked, then fails it) and rolls back whole. Per-day rows were chosen over an exclusion
-- constraint because stock-managed accommodations sell several identical units per night,
-- which a daterange exclusion cannot count, and because the planning reads remaining stock
-- per day anyway.

alter table account add column last_dossier_number integer not null default 0 check (last_dossier_number >= 0);

create table sales_terms (
    account_id          bigint primary key references account (id),
    deposit_type        varchar(8) not null default 'ARRHES' check (deposit_type in ('ARRHES', 'ACOMPTE')),
    deposit_percent     numeric(5, 2) not null default 30 check (deposit_percent between 0 and 100),
    deposit_due_days    integer not null default 7 check (deposit_due_days between 0 and 365),
    balance_due_days    integer not null default 30 check (balance_due_days between 0 and 365),
    lead_time_days      integer not null default 0 check (lead_time_days between 0 and 365),
    option_days         integer not null default 7 check (option_days between 1 and 60),
    confirm_on_deposit  boolean not null default true,
    version             integer not null default 0
);

create table deposit_rule (
    account_id            bigint not null references account (id) on delete cascade,
    arrival_within_days   integer not null check (arrival_within_days between 1 and 365),
    deposit_percent       numeric(5, 2) not null check (deposit_percent between 0 and 100),
    primary key (account_id, arrival_within_days)
);

create table age_range (
    id          bigint generated always as identity primary key,
    account_id  bigint not null references account (id),
    label       varchar(60) not null check (length(trim(label)) > 0),
    min_age     integer not null check (min_age between 0 and 120),
    max_age     integer not null check (max_age between 0 and 120),
    taxable     boolean not null,
    position    integer not null default 0,
    check (min_age <= max_age),
    unique (account_id, label)
);

create table rate (
    id                bigint generated always as identity primary key,
    account_id        bigint not null references account (id),
    accommodation_id  bigint not null references accommodation (id) on delete cascade,
    nights            integer not null check (nights between 1 and 90),
    -- ISO weekdays as bits: Monday 1, Tuesday 2, … Sunday 64
    arrival_days      smallint not null check (arrival_days between 1 and 127),
    price             numeric(12, 2) not null check (price >= 0),
    discount_kind     varchar(8) check (discount_kind in ('AMOUNT', 'PERCENT')),
    discount_value    numeric(12, 2) check (discount_value > 0),
    created_at        timestamptz not null default now(),
    check ((discount_kind is null) = (discount_value is null)),
    check (discount_kind <> 'PERCENT' or discount_value <= 100),
    check (discount_kind <> 'AMOUNT' or discount_value <= price)
);
create index rate_accommodation_ix on rate (accommodation_id);

-- arrival days on which a rate applies, inclusive, as the owner types them
create table rate_period (
    rate_id    bigint not null references rate (id) on delete cascade,
    first_day  date not null,
    last_day   date not null,
    check (first_day <= last_day),
    primary key (rate_id, first_day)
);
create index rate_period_days_ix on rate_period (first_day, last_day);

create table night_stock (
    accommodation_id  bigint not null references accommodation (id) on delete cascade,
    night             date not null,
    units             integer not null check (units between 0 and 10000),
    sold              integer not null default 0 check (sold >= 0),
    primary key (accommodation_id, night),
    constraint night_stock_not_oversold check (sold <= units)
);

create table sales_ban (
    id                bigint generated always as identity primary key,
    accommodation_id  bigint not null references accommodation (id) on delete cascade,
    first_night       date not null,
    last_night        date not null,
    created_at        timestamptz not null default now(),
    check (first_night <= last_night)
);
create index sales_ban_accommodation_ix on sales_ban (accommodation_id, first_night);

create table promotion (
    id                bigint generated always as identity primary key,
    account_id        bigint not null references account (id),
    kind              varchar(16) not null check (kind in ('LAST_MINUTE', 'EARLY_BOOKING')),
    days              integer not null check (days between 0 and 730),
    percent           numeric(5, 2) not null check (percent > 0 and percent < 100),
    label             varchar(120)
);
create table promotion_accommodation (
    promotion_id      bigint not null references promotion (id) on delete cascade,
    accommodation_id  bigint not null references accommodation (id) on delete cascade,
    primary key (promotion_id, accommodation_id)
);
create table promotion_period (
    promotion_id  bigint not null references promotion (id) on delete cascade,
    first_day     date not null,
    last_day      date not null,
    check (first_day <= last_day),
    primary key (promotion_id, first_day)
);

create table promo_code (
    id                  bigint generated always as identity primary key,
    account_id          bigint not null references account (id),
    code                varchar(20) not null check (code ~ '^[A-Z0-9]{2,20}$'),
    internal_label      varchar(120) not null,
    public_label        varchar(120) not null,
    single_use          boolean not null,
    valid_from          date not null,
    valid_to            date not null,
    percent             numeric(5, 2) not null check (percent > 0 and percent <= 100),
    all_accommodations  boolean not null default true,
    all_stays           boolean not null default true,
    uses                integer not null default 0 check (uses >= 0),
    check (valid_from <= valid_to),
    -- a single-use code is spent by one booking, never two
    constraint promo_code_single_use check (not single_use or uses <= 1),
    unique (account_id, code)
);
create table promo_code_accommodation (
    promo_code_id     bigint not null references promo_code (id) on delete cascade,
    accommodation_id  bigint not null references accommodation (id) on delete cascade,
    primary key (promo_code_id, accommodation_id)
);
create table promo_code_period (
    promo_code_id  bigint not null references promo_code (id) on delete cascade,
    first_day      date not null,
    last_day       date not null,
    check (first_day <= last_day),
    primary key (promo_code_id, first_day)
);

create table supplement (
    id                  bigint generated always as identity primary key,
    account_id          bigint not null references account (id),
    mandatory           boolean not null,
    pricing             varchar(10) not null check (pricing in ('FIXED', 'PER_DAY', 'PERCENT')),
    amount              numeric(12, 2) check (amount >= 0),
    deposit_applies     boolean not null default true,
    max_quantity        integer not null default 1 check (max_quantity between 1 and 100),
    availability        varchar(16) not null default 'ALWAYS'
                        check (availability in ('ALWAYS', 'PER_PERIOD', 'ONLY_IN_PERIODS')),
    all_accommodations  boolean not null default true,
    position            integer not null default 0,
    check (pricing <> 'PERCENT' or amount <= 100)
);
create table supplement_text (
    supplement_id  bigint not null references supplement (id) on delete cascade,
    lang           varchar(2) not null check (lang in ('fr', 'en', 'de', 'es', 'ca', 'it', 'nl')),
    label          varchar(120) not null,
    description    varchar(2000),
    primary key (supplement_id, lang)
);
create table supplement_period (
    supplement_id  bigint not null references supplement (id) on delete cascade,
    first_day      date not null,
    last_day       date not null,
    amount         numeric(12, 2) not null check (amount >= 0),
    check (first_day <= last_day),
    primary key (supplement_id, first_day)
);
create table supplement_accommodation (
    supplement_id     bigint not null references supplement (id) on delete cascade,
    accommodation_id  bigint not null references accommodation (id) on delete cascade,
    primary key (supplement_id, accommodation_id)
);

create table tourist_tax (
    accommodation_id   bigint primary key references accommodation (id) on delete cascade,
    mode               varchar(24) not null check (mode in ('FIXED_PER_ADULT_NIGHT', 'PERCENT_UNCLASSIFIED')),
    amount             numeric(8, 2) check (amount >= 0),
    percent            numeric(5, 2) check (percent between 0 and 100),
    ceiling            numeric(8, 2) check (ceiling >= 0),
    surcharge_percent  numeric(5, 2) not null default 0 check (surcharge_percent between 0 and 100),
    check ((mode = 'FIXED_PER_ADULT_NIGHT') = (amount is not null)),
    check ((mode = 'PERCENT_UNCLASSIFIED') = (percent is not null and ceiling is not null))
);

create table dossier (
    id                        bigint generated always as identity primary key,
    account_id                bigint not null references account (id),
    number                    integer not null check (number > 0),
    status                    varchar(12) not null check (status in ('OPTION', 'CONFIRMED', 'CANCELLED')),
    accommodation_id          bigint not null references accommodation (id),
    arrival                   date not null,
    departure                 date not null,
    guest_first_name          varchar(80) not null,
    guest_last_name           varchar(80) not null,
    guest_email               varchar(254),
    guest_phone               varchar(30),
    guest_address             varchar(250),
    guest_postal_code         varchar(16),
    guest_city                varchar(120),
    guest_country             varchar(2),
    guest_language            varchar(2) not null default 'fr',
    origin                    varchar(16) not null check (origin in ('BOOKING_SITE', 'WIDGET', 'PHONE', 'CHANNEL', 'TEST')),
    origin_site               varchar(250),
    promo_code_id             bigint references promo_code (id),
    total                     numeric(12, 2) not null check (total >= 0),
    deposit_amount            numeric(12, 2) not null check (deposit_amount >= 0),
    deposit_due               date,
    balance_due               date,
    option_expires_at         timestamptz,
    signed_contract_received  boolean not null default false,
    online_payment_allowed    boolean not null default true,
    cancel_reason             varchar(500),
    idempotency_key           varchar(100),
    request_hash              varchar(64),
    created_at                timestamptz not null default now(),
    created_by                varchar(254) not null,
    version                   integer not null default 0,
    unique (account_id, number),
    unique (account_id, idempotency_key),
    check (arrival < departure),
    check (deposit_amount <= total),
    check ((idempotency_key is null) = (request_hash is null))
);
create index dossier_account_arrival_ix on dossier (account_id, arrival);
create index dossier_accommodation_ix on dossier (accommodation_id, arrival);

create table dossier_party (
    dossier_id    bigint not null references dossier (id) on delete cascade,
    age_range_id  bigint references age_range (id),
    label         varchar(60) not null,
    persons       integer not null check (persons between 1 and 200),
    taxable       boolean not null,
    primary key (dossier_id, label)
);

-- the itemised price, frozen at booking time: later rate changes never alter a dossier
create table dossier_line (
    dossier_id    bigint not null references dossier (id) on delete cascade,
    position      integer not null,
    kind          varchar(16) not null,
    label         varchar(200) not null,
    quantity      integer not null default 1,
    amount        numeric(12, 2) not null,
    struck_amount numeric(12, 2),
    reference_id  bigint,
    primary key (dossier_id, position)
);

create table payment (
    id           bigint generated always as identity primary key,
    dossier_id   bigint not null references dossier (id) on delete cascade,
    kind         varchar(8) not null check (kind in ('DEPOSIT', 'BALANCE', 'OTHER')),
    paid_on      date not null,
    amount       numeric(12, 2) not null check (amount <> 0),
    method       varchar(30) not null,
    reference    varchar(120),
    provider_ref varchar(120),
    recorded_at  timestamptz not null default now(),
    recorded_by  varchar(254) not null,
    -- a payment provider's notification, repeated, records one payment
    unique (dossier_id, provider_ref)
);

create table dossier_event (
    id          bigint generated always as identity primary key,
    dossier_id  bigint not null references dossier (id) on delete cascade,
    at          timestamptz not null default now(),
    actor       varchar(254) not null,
    action      varchar(40) not null,
    detail      varchar(1000)
);
create index dossier_event_dossier_ix on dossier_event (dossier_id, at);
