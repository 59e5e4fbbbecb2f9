-- Staff of an owner's account (issue 19 part 1): users of the account with a narrower role, invited by
-- e-mail. A session belongs to one generation of its user: raising the number ends every session at once.
-- V1's two checks, found by what they say rather than by the names PostgreSQL gave them
do $$
declare
    c record;
begin
    for c in select conname from pg_constraint
              where conrelid = 'app_user'::regclass and contype = 'c'
                and pg_get_constraintdef(oid) like '%role%' loop
        execute 'alter table app_user drop constraint ' || quote_ident(c.conname);
    end loop;
end
$$;
alter table app_user add constraint app_user_role_check
    check (role in ('OWNER', 'OPERATOR', 'RECEPTION', 'HOUSEKEEPING', 'ACCOUNTANT'));
-- the owner and staff belong to one account; only an operator belongs to none
alter table app_user add constraint app_user_account_check check ((role = 'OPERATOR') = (account_id is null));
alter table app_user add column session_generation integer not null default 0;

create table staff_invitation (
    id           bigint generated always as identity primary key,
    account_id   bigint not null references account (id),
    email        varchar(254) not null,
    role         varchar(16) not null check (role in ('RECEPTION', 'HOUSEKEEPING', 'ACCOUNTANT')),
    -- SHA-256 of the link's token; the token itself is derived from the server's secret when the mail is written
    token_hash   varchar(64) not null unique,
    nonce        varchar(32) not null,
    created_at   timestamptz not null,
    expires_at   timestamptz not null,
    accepted_at  timestamptz,
    user_id      bigint references app_user (id) on delete set null,
    version      integer not null default 0
);
create index staff_invitation_account_ix on staff_invitation (account_id);

alter table outbox_mail add column staff_invitation_id bigint references staff_invitation (id) on delete cascade;

-- the invitation mail joins whatever kinds the constraint allows at this point (see V35)
do $$
declare
    kinds text;
begin
    select string_agg(quote_literal(kind), ', ' order by kind) into kinds from (
        select (regexp_matches(pg_get_constraintdef(oid), '''([A-Z_]+)''', 'g'))[1] as kind
          from pg_constraint where conname = 'outbox_mail_kind_check'
        union
        select 'STAFF_INVITATION') k;
    alter table outbox_mail drop constraint outbox_mail_kind_check;
    execute 'alter table outbox_mail add constraint outbox_mail_kind_check check (kind in (' || kinds || '))';
end
$$;
