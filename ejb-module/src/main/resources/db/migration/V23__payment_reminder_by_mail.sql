-- The outbox reads the rule of the reminder mails it sends (due or late wording) by mail id,
-- a batch of mails at a time: without this index each read scans every reminder ever sent.
create index payment_reminder_mail_ix on payment_reminder (mail_id);
