-- Channels: a conflict is mailed to the owner once, and the export feed is cached by version.

-- The conflict mail is written in the transaction that records the conflict, and names it.
-- One mail per conflict row at most: the database, not the sync code, says "once", so a
-- re-sync (200 or 304) that finds the same conflict again cannot mail twice. A conflict that
-- is resolved (its block takes its nights, leaves the feed, or the dossier goes) takes its
-- mail with it: a mail still pending about a solved conflict would only alarm the owner.
alter table outbox_mail drop constraint outbox_mail_kind_check;
alter table outbox_mail add constraint outbox_mail_kind_check check (kind in ('GUEST_CONTRACT',
    'GUEST_NOTIFICATION', 'OWNER_NOTIFICATION', 'CHANNEL_CONFLICT'));
alter table outbox_mail add column channel_conflict_id bigint
    references channel_conflict (id) on delete cascade;
alter table outbox_mail add constraint outbox_mail_conflict_once unique (channel_conflict_id);
alter table outbox_mail add constraint outbox_mail_conflict_kind
    check ((kind = 'CHANNEL_CONFLICT') = (channel_conflict_id is not null));
