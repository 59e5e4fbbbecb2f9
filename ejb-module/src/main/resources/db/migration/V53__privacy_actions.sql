-- What an owner, the operator or the retention job did with a guest's data under the GDPR: an
-- export, an erasure on request, an erasure at the end of the owner's retention. One row each,
-- which the audit trail records with who, when and from where (V52). It names no guest (the
-- dossier it was asked from, how many dossiers it covered), so it outlives the guest's erasure.
create table privacy_action (
    id          uuid primary key default gen_random_uuid(),
    account_id  bigint not null references account (id) on delete cascade,
    dossier_id  bigint not null,
    kind        varchar(20) not null check (kind in ('EXPORT', 'ERASURE', 'RETENTION_ERASURE')),
    dossiers    integer not null check (dossiers >= 0),
    occurred_at timestamptz not null default now()
);
create index privacy_action_account_ix on privacy_action (account_id, occurred_at);
create trigger privacy_action_audit after insert or update or delete on privacy_action
    for each row execute function audit_row('account_id', 'dossier_id', 'id', '', '');
