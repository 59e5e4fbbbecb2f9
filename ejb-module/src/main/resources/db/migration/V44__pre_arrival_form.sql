-- The guest's pre-arrival form (issue 18): when they arrive, who comes (names and ages, kept for
-- a later tourist-tax step), the car, remarks; and, for each guest of foreign nationality aged 15
-- or over, what the individual police form asks (CESEDA R814-1 to R814-3). One form per dossier,
-- written whole by the guest: the database refuses what must never be wrong.
create table pre_arrival_form (
    id            bigint generated always as identity primary key,
    account_id    bigint not null references account (id) on delete cascade,
    dossier_id    bigint not null references dossier (id) on delete cascade,
    arrival_time  time not null,
    car_plate     varchar(20) check (length(btrim(car_plate)) > 0),
    remarks       varchar(1000) check (length(btrim(remarks)) > 0),
    submitted_at  timestamptz not null,
    updated_at    timestamptz not null,
    version       integer not null default 0,
    constraint pre_arrival_form_once unique (dossier_id),
    check (updated_at >= submitted_at)
);
create index pre_arrival_form_account_ix on pre_arrival_form (account_id);

-- One row per person named, at their place in the party (0 = the first); the police fields only
-- for a foreign guest of 15 or over, and then all of them (children under 15 go on an adult's form).
create table pre_arrival_person (
    form_id      bigint not null references pre_arrival_form (id) on delete cascade,
    position     integer not null check (position between 0 and 98),
    first_name   varchar(100) not null check (length(btrim(first_name)) > 0),
    last_name    varchar(100) not null check (length(btrim(last_name)) > 0),
    age          integer not null check (age between 0 and 120),
    nationality  char(2) not null check (nationality ~ '^[A-Z]{2}$'),
    birth_date   date,
    birth_place  varchar(100) check (length(btrim(birth_place)) > 0),
    home_address varchar(300) check (length(btrim(home_address)) > 0),
    phone        varchar(30) check (length(btrim(phone)) > 0),
    email        varchar(254) check (email ~ '^[^@[:space:]]+@[^@[:space:]]+$'),
    primary key (form_id, position),
    constraint pre_arrival_person_police_form check (
        case when nationality <> 'FR' and age >= 15
             then birth_date is not null and birth_place is not null and home_address is not null
                  and phone is not null and email is not null
             else birth_date is null and birth_place is null and home_address is null
                  and phone is null and email is null end),
    check (birth_date is null or birth_date > date '1900-01-01')
);

-- No more persons named than the dossier's party counts (all its stays), judged at commit so
-- that the order in which rows are written within the transaction does not matter.
create function pre_arrival_party_fits() returns trigger language plpgsql as $$
declare
    named integer;
    party integer;
begin
    select count(*) into named from pre_arrival_person where form_id = new.form_id;
    select coalesce(sum(p.persons), 0) into party
      from pre_arrival_form f join dossier_party p on p.dossier_id = f.dossier_id
     where f.id = new.form_id;
    if named > party then
        raise exception 'pre-arrival form % names % persons for a party of %', new.form_id, named, party
            using errcode = 'check_violation', constraint = 'pre_arrival_party_fits';
    end if;
    return null;
end
$$;
create constraint trigger pre_arrival_party_fits after insert or update on pre_arrival_person
    deferrable initially deferred for each row execute function pre_arrival_party_fits();
