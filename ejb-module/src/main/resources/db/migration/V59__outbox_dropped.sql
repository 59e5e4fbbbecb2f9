-- A mail that has become moot before it could go out (a payment reminder of a dossier paid or
-- cancelled while the mail server was down) ends DROPPED instead of being sent with nothing to ask.
alter table outbox_mail drop constraint outbox_mail_status_check;
alter table outbox_mail add constraint outbox_mail_status_check
    check (status in ('PENDING', 'SENT', 'FAILED', 'DROPPED'));
alter table outbox_attempt drop constraint outbox_attempt_outcome_check;
alter table outbox_attempt add constraint outbox_attempt_outcome_check
    check (outcome in ('SENT', 'RETRY', 'REJECTED', 'GAVE_UP', 'DROPPED'));
