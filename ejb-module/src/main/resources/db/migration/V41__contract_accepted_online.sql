-- The contract accepted online (issue 18): the guest reads the contract on their booking page and
-- accepts it; the evidence is kept here.

-- What a guest is offered, frozen per version the first time it is offered (opened or accepted).
-- The current contract is otherwise rendered afresh on each download (its date of issue and its
-- state text move with the days and the payments), so the hash of a later rendering would not be
-- the hash of what the guest read. The owner's re-issue (a change) makes a new version, and a new
-- offer once the guest opens it.
create table contract_offer (
    dossier_id  bigint not null references dossier (id) on delete cascade,
    version     integer not null check (version >= 1),
    offered_at  timestamptz not null,
    pdf         bytea not null,
    sha256      char(64) not null check (sha256 ~ '^[0-9a-f]{64}$'),
    primary key (dossier_id, version),
    -- for the acceptance's foreign key: a hash can only be the offered document's
    unique (dossier_id, version, sha256)
);

-- One acceptance per version of a dossier's contract: a double click, a replay or two tabs leave one
-- row. The hash must be the one of the document offered (foreign key), the address is the
-- connection's as the server sees it (as for logins and rate limits), the user agent is cut to 512
-- characters, the name is the guest's on the dossier at that moment.
create table contract_acceptance (
    id           bigint generated always as identity primary key,
    dossier_id   bigint not null,
    version      integer not null,
    sha256       char(64) not null,
    accepted_at  timestamptz not null,
    address      varchar(64) not null,
    user_agent   varchar(512) not null,
    guest_name   varchar(200) not null,
    constraint contract_accepted_once unique (dossier_id, version),
    foreign key (dossier_id, version, sha256) references contract_offer (dossier_id, version, sha256)
        on delete cascade
);

-- Evidence is never rewritten. A row goes only with its dossier (a test booking the owner deletes):
-- the delete cascading from dossier runs inside the foreign key's own trigger, one level down.
create function contract_evidence_is_immutable() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' and pg_trigger_depth() > 1 then
        return old;
    end if;
    raise exception 'contract evidence cannot be changed or deleted (%)', tg_table_name;
end
$$;
create trigger contract_offer_is_immutable before update or delete on contract_offer
    for each row execute function contract_evidence_is_immutable();
create trigger contract_acceptance_is_immutable before update or delete on contract_acceptance
    for each row execute function contract_evidence_is_immutable();
