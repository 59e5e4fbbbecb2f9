-- Payment reminders in the owner's words: a paragraph before the amount due and the closing,
-- per language, as the other mail texts (the amount, the deadline and the payment link stay
-- Séjour's, so they are always right).
alter table mail_text drop constraint mail_text_field_check;
alter table mail_text add constraint mail_text_field_check check (field in ('CONTRACT_INTRO', 'CONTRACT_CLOSING',
    'NOTIFICATION_SUBJECT', 'NOTIFICATION_INTRO', 'REMINDER_INTRO', 'REMINDER_CLOSING', 'FOOTER'));
