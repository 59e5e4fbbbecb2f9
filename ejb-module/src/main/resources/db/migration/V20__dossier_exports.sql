-- Excel exports of an owner's dossier search, run as a batch job (dossier-export) and kept for
-- download for a limited time. In the database rather than in a server's storage directory:
-- any server of a cluster can serve the file, and removing an expired export is one DELETE.

create table dossier_export (
    id               bigint generated always as identity primary key,
    account_id       bigint not null references account (id) on delete cascade,
    requested_at     timestamptz not null,
    -- a running export expires too: a job that died for good must not keep its rows forever
    expires_at       timestamptz not null check (expires_at > requested_at),
    state            varchar(8) not null check (state in ('RUNNING', 'READY')),
    -- the search, as the owner ran it when they asked for the export
    arrival_from     date,
    arrival_to       date,
    guest            varchar(120),
    accommodation_id bigint,
    number           integer,
    status           varchar(20),
    balance          varchar(10) not null,
    origin           varchar(20),
    promo_code       varchar(20),
    sort             varchar(20) not null,
    ascending        boolean not null,
    -- headers and status/origin names in the owner's language, chosen by the page (JSON)
    labels           text not null,
    -- counted when asked for; set to the rows written once the file is made
    rows_total       integer not null check (rows_total >= 0),
    rows_written     integer not null default 0 check (rows_written >= 0),
    file_name        varchar(80),
    content          bytea,
    check ((state = 'READY') = (content is not null and file_name is not null))
);
create index dossier_export_account on dossier_export (account_id, id);
create index dossier_export_expiry on dossier_export (expires_at);

-- The rows of a running export, staged in the chunk's transaction together with rows_written:
-- a chunk that fails stages nothing, and its restart stages the same rows under the same lines.
-- The file is made from them in a last step, which deletes them.
create table dossier_export_line (
    export_id bigint not null references dossier_export (id) on delete cascade,
    line      integer not null check (line > 0),
    cells     text not null,
    primary key (export_id, line)
);
