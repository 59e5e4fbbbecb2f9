-- Secrets Séjour makes for itself on first use: random, never configured, never shown. Today one,
-- the key that signs login device cookies and tags unknown logins in the log. Kept in the
-- database so that every server of a cluster and a restarted server use the same one (a new
-- key would make every owner's browser a stranger to the login throttle), and a backup holds it.
create table server_secret (
    name        varchar(60) primary key,
    value       bytea not null,
    created_at  timestamptz not null default now()
);
