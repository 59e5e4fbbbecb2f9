package org.sejour.application.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.sejour.application.booking.BusinessCalendar;
import org.sejour.application.document.AmountLines;
import org.sejour.application.document.ContractService;
import org.sejour.application.document.ContractTexts;
import org.sejour.application.document.InvoiceService;
import org.sejour.application.payment.OnlinePaymentService;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sejour.domain.model.invoice.Invoice;
import org.sejour.domain.model.account.Account;
import org.sejour.domain.model.account.AccountRepository;
import org.sejour.domain.model.account.ContactDetails;
import org.sejour.domain.model.account.StaffInvitation;
import org.sejour.domain.model.account.StaffInvitationRepository;
import org.sejour.infrastructure.security.InvitationTokens;
import org.sejour.domain.model.catalog.AccountSalesTerms;
import org.sejour.application.catalog.AgeRangeService;
import org.sejour.domain.model.catalog.AgeRangeNames;
import org.sejour.domain.model.catalog.CatalogAgeRange;
import org.sejour.domain.model.catalog.SalesTermsRepository;
import org.sejour.domain.model.channel.ChannelConflict;
import org.sejour.domain.model.channel.ChannelRepository;
import org.sejour.domain.model.document.DocumentSettingsRepository;
import org.sejour.domain.model.document.MailField;
import org.sejour.domain.model.document.MailSettings;
import org.sejour.domain.model.dossier.Dossier;
import org.sejour.domain.model.dossier.DossierRepository;
import org.sejour.domain.model.dossier.DossierStatus;
import org.sejour.domain.model.mail.MailKind;
import org.sejour.domain.model.mail.OutboxMail;
import org.sejour.domain.model.message.MessageRule;
import org.sejour.domain.model.message.MessageRuleRepository;
import org.sejour.application.message.MessageRendering;
import org.sejour.domain.model.pricing.SalesTerms;
import org.sejour.domain.model.reminder.ReminderRepository;
import org.sejour.domain.model.reminder.ReminderRule;
import org.sejour.domain.model.shared.Language;
import org.sejour.domain.model.shared.Money;
import org.sejour.domain.model.shared.NotFoundException;
import org.sejour.domain.model.shared.StayPeriod;
import org.sejour.domain.model.shared.TranslatedText;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Renders outbox rows into the messages that go out: the owner's texts in the row's language
 * (the built-in ones where the owner wrote none), a recap of the dossier, the contract PDF for
 * contract mails, and the footer.
 * <p>
 * Rows are rendered a batch at a time ({@link #batch}): what they share is read once for the
 * batch, not once per mail: their dossiers in one query (and one per collection), each owner's
 * account, mail settings and sales terms once, the rules of the reminders in one query. A CDI
 * bean, not an EJB: a mail that cannot be rendered throws without marking the transaction of
 * the whole batch for rollback, so that only that mail is marked.
 */
@ApplicationScoped
public class MailComposer {

    @Inject
    DossierRepository dossiers;
    @Inject
    AccountRepository accounts;
    @Inject
    DocumentSettingsRepository settings;
    @Inject
    SalesTermsRepository salesTerms;
    @Inject
    ContractService contracts;
    @Inject
    AgeRangeService ageRanges;
    @Inject
    ReminderRepository reminders;
    @Inject
    ChannelRepository channels;
    @Inject
    MessageRuleRepository messageRules;
    @jakarta.ejb.EJB
    InvoiceService invoices;
    @jakarta.ejb.EJB
    OnlinePaymentService payments;
    /** where guests reach the site, for the links in mails ("https://gites.example/"); no link without it */
    @Inject
    StaffInvitationRepository invitations;
    @Inject
    InvitationTokens invitationTokens;
    @Inject
    @ConfigProperty(name = "sejour.public-url")
    Optional<String> publicUrl;

    /** Reads what these mails need, for all of them at once; their messages are then rendered one by one. */
    public Batch batch(List<OutboxMail> mails) {
        return new Batch(mails);
    }

    /** What an owner's mails of one batch share. */
    private record Owner(Account account, MailSettings settings, SalesTerms.DepositType depositType,
                         List<CatalogAgeRange> ageRanges) {
    }

    /** The mails of one batch, with what they share; lives for one transaction. */
    public final class Batch {

        private final Map<Long, Dossier> dossierById = new HashMap<>();
        private final Map<Long, ReminderRule> rules;
        private final Map<Long, MessageRule> messageRulesByMail;
        private final Map<Long, Owner> owners = new HashMap<>();
        private final Map<Language, ContractTexts> texts = new EnumMap<>(Language.class);

        private Batch(List<OutboxMail> mails) {
            Map<Long, List<Long>> dossiersByAccount = mails.stream().filter(m -> m.dossierId().isPresent())
                    .collect(Collectors.groupingBy(OutboxMail::accountId,
                            Collectors.mapping(m -> m.dossierId().get(), Collectors.toList())));
            dossiersByAccount.forEach((accountId, ids) -> dossiers.findForMails(accountId, ids)
                    .forEach(dossier -> dossierById.put(dossier.id(), dossier)));
            rules = reminders.rulesOfMails(mails.stream().filter(m -> m.kind() == MailKind.GUEST_DEPOSIT_REMINDER
                    || m.kind() == MailKind.GUEST_BALANCE_REMINDER).map(OutboxMail::id).toList());
            messageRulesByMail = messageRules.rulesOfMails(mails.stream()
                    .filter(m -> m.kind() == MailKind.GUEST_MESSAGE).map(OutboxMail::id).toList());
        }

        /** The message of one of the batch's mails; throws when it cannot be rendered (now). */
        public OutgoingMessage compose(OutboxMail mail) {
            if (mail.kind() == MailKind.CHANNEL_CONFLICT) {
                return conflict(mail, texts(mail.language()));
            }
            if (mail.kind() == MailKind.STAFF_INVITATION) {
                return invitation(mail, texts(mail.language()));
            }
            long accountId = mail.accountId();
            long dossierId = mail.dossierId().orElseThrow(() -> new IllegalStateException("mail " + mail.id() + " has no dossier"));
            Dossier dossier = dossierById.get(dossierId);
            if (dossier == null || dossier.accountId() != accountId) {
                throw new NotFoundException("dossier", dossierId);
            }
            Owner owner = owners.computeIfAbsent(accountId, MailComposer.this::owner);
            if (mail.kind() == MailKind.GUEST_MESSAGE) {
                return message(mail, dossier, owner, messageRulesByMail.get(mail.id()), texts(mail.language()));
            }
            return MailComposer.this.compose(mail, dossier, owner, rules.get(mail.id()), texts(mail.language()));
        }

        /**
         * Why this mail should no longer go out, if it should not: a payment reminder composed
         * now, with what is owed now, would ask a guest who has paid meanwhile for nothing
         * (the reminder was queued while something was owed; the mail server may have been down
         * for hours since), or the guest of a cancelled booking to pay.
         */
        public Optional<String> moot(OutboxMail mail) {
            boolean deposit = mail.kind() == MailKind.GUEST_DEPOSIT_REMINDER;
            if (!deposit && mail.kind() != MailKind.GUEST_BALANCE_REMINDER) {
                return Optional.empty();
            }
            Dossier dossier = mail.dossierId().map(dossierById::get)
                    .filter(d -> d.accountId() == mail.accountId()).orElse(null);
            if (dossier == null) {
                return Optional.empty(); // compose says why it cannot be rendered
            }
            if (dossier.status() == DossierStatus.CANCELLED) {
                return Optional.of("the booking was cancelled before the reminder could go out");
            }
            return reminded(dossier, deposit).isPositive() ? Optional.empty()
                    : Optional.of("nothing was owed any more when the reminder could go out");
        }

        private ContractTexts texts(Language language) {
            return texts.computeIfAbsent(language, ContractTexts::in);
        }
    }

    private Owner owner(long accountId) {
        Account account = accounts.find(accountId).orElseThrow(() -> new NotFoundException("account", accountId));
        MailSettings mail = settings.findMail(accountId).orElseGet(() -> MailSettings.defaultsFor(accountId));
        SalesTerms.DepositType depositType = salesTerms.find(accountId).map(AccountSalesTerms::depositType)
                .orElse(SalesTerms.DepositType.ARRHES);
        return new Owner(account, mail, depositType, ageRanges.listForReading(accountId));
    }

    private OutgoingMessage compose(OutboxMail mail, Dossier dossier, Owner ownerOf, ReminderRule rule, ContractTexts t) {
        long accountId = mail.accountId();
        Account account = ownerOf.account();
        MailSettings owner = ownerOf.settings();
        SalesTerms.DepositType depositType = ownerOf.depositType();
        Language language = mail.language();
        AgeRangeNames names = new AgeRangeNames(ownerOf.ageRanges(), t.language());
        String senderName = account.contact().map(ContactDetails::displayName).orElse("Séjour");
        String accommodation = dossier.accommodation().name();
        String number = Integer.toString(dossier.number());
        List<OutgoingMessage.Attachment> attachments = new ArrayList<>();
        String subject;
        String body;
        switch (mail.kind()) {
            case GUEST_CONTRACT -> {
                subject = t.text("mail.contract.subject", accommodation, number);
                body = paragraphs(own(owner, MailField.CONTRACT_INTRO, language).orElse(t.text("mail.contract.intro")),
                        recap(dossier, depositType, t, names, false),
                        own(owner, MailField.CONTRACT_CLOSING, language).orElse(t.text("mail.contract.closing")),
                        footer(account, owner, language));
                attachments.add(new OutgoingMessage.Attachment(contractFileName(dossier, t), "application/pdf",
                        contracts.contractForMail(accountId, dossier.id())));
            }
            case GUEST_NOTIFICATION -> {
                subject = own(owner, MailField.NOTIFICATION_SUBJECT, language)
                        .orElse(t.text("mail.notification.subject", accommodation, number));
                body = paragraphs(own(owner, MailField.NOTIFICATION_INTRO, language).orElse(t.text("mail.notification.intro")),
                        recap(dossier, depositType, t, names, false), footer(account, owner, language));
            }
            case OWNER_NOTIFICATION -> {
                subject = t.text("mail.owner.subject", number, dossier.guest().displayName());
                body = paragraphs(t.text("mail.owner.intro", dossier.origin().name()), recap(dossier, depositType, t, names, true));
            }
            case GUEST_DEPOSIT_REMINDER, GUEST_BALANCE_REMINDER -> {
                subject = t.text("mail.reminder.subject", accommodation, number);
                body = paragraphs(own(owner, MailField.REMINDER_INTRO, language).orElse(null),
                        reminderText(dossier, mail, rule, depositType, t), payLink(dossier, t),
                        recap(dossier, depositType, t, names, false),
                        own(owner, MailField.REMINDER_CLOSING, language).orElse(t.text("mail.reminder.closing")),
                        footer(account, owner, language));
            }
            case GUEST_REFUND -> {
                long creditNoteId = mail.invoiceId().orElseThrow(() -> new IllegalStateException("mail " + mail.id()
                        + " has no credit note"));
                Invoice note = invoices.get(accountId, creditNoteId);
                subject = t.text("mail.refund.subject", accommodation, number);
                body = paragraphs(t.text("mail.refund.intro", t.money(note.paymentAmount().negate()),
                                note.refundReason().orElse(""), note.printedNumber()),
                        recap(dossier, depositType, t, names, false), footer(account, owner, language));
                attachments.add(new OutgoingMessage.Attachment(t.text("mail.refund.fileName", note.printedNumber()),
                        "application/pdf", invoices.pdfOf(accountId, creditNoteId).pdf()));
            }
            case GUEST_OPTION_EXPIRED -> {
                subject = t.text("mail.optionExpired.subject", accommodation, number);
                body = paragraphs(t.text("mail.optionExpired.intro", deadline(dossier, t)),
                        recap(dossier, depositType, t, names, false), footer(account, owner, language));
            }
            case GUEST_BOOKING_CHANGED -> {
                subject = t.text("mail.changed.subject", accommodation, number);
                body = paragraphs(t.text("mail.changed.intro", dossier.contractVersion()),
                        recap(dossier, depositType, t, names, false), t.text("mail.contract.closing"),
                        footer(account, owner, language));
                attachments.add(new OutgoingMessage.Attachment(contractFileName(dossier, t), "application/pdf",
                        contracts.contractForMail(accountId, dossier.id())));
            }
            case GUEST_CANCELLED -> {
                subject = t.text("mail.cancelled.subject", accommodation, number);
                // the recap says the fee kept, what was paid and what is to refund
                body = paragraphs(t.text("mail.cancelled.intro"), recap(dossier, depositType, t, names, false),
                        footer(account, owner, language));
            }
            case OWNER_GUEST_CANCELLED -> {
                subject = t.text("mail.owner.cancelled.subject", number, dossier.guest().displayName());
                body = paragraphs(t.text("mail.owner.cancelled.intro"), recap(dossier, depositType, t, names, true));
            }
            case OWNER_OPTION_EXPIRED -> {
                subject = t.text("mail.owner.optionExpired.subject", number, dossier.guest().displayName());
                body = paragraphs(t.text("mail.owner.optionExpired.intro", deadline(dossier, t)),
                        recap(dossier, depositType, t, names, true));
            }
            default -> throw new IllegalStateException("unknown mail kind " + mail.kind());
        }
        return new OutgoingMessage(mail.id(), senderName, mail.recipient(),
                mail.kind() == MailKind.OWNER_NOTIFICATION ? Optional.empty() : mail.copyTo(),
                mail.replyTo(), subject, body, attachments);
    }

    /**
     * A message of the owner's rule in the mail's language (chosen when it was queued), its
     * placeholders filled with the dossier as it is now, and the owner's footer.
     */
    private OutgoingMessage message(OutboxMail mail, Dossier dossier, Owner owner, MessageRule rule, ContractTexts t) {
        if (rule == null) {
            throw new IllegalStateException("mail " + mail.id() + " has no message rule");
        }
        MessageRule.Wording wording = rule.wordingIn(mail.language())
                .or(() -> rule.wordingIn(rule.languageFor(mail.language())))
                .orElseThrow(() -> new IllegalStateException("rule " + rule.id() + " has no text"));
        MessageRendering.Rendered rendered = MessageRendering.render(wording, dossier, t,
                MessageRendering.bookingPage(publicUrl, dossier));
        String senderName = owner.account().contact().map(ContactDetails::displayName).orElse("Séjour");
        return new OutgoingMessage(mail.id(), senderName, mail.recipient(), mail.copyTo(), mail.replyTo(),
                rendered.subject(), paragraphs(rendered.body(), footer(owner.account(), owner.settings(), mail.language())),
                List.of());
    }

    /**
     * What is owed and by when, worded as due or late as the job judged it (the rule of its
     * reminder row), not as the day it goes out would: a mail delayed by the outbox keeps the
     * job's words. The amount is what is owed when it goes out.
     */
    private static String reminderText(Dossier dossier, OutboxMail mail, ReminderRule rule,
                                       SalesTerms.DepositType depositType, ContractTexts t) {
        boolean deposit = mail.kind() == MailKind.GUEST_DEPOSIT_REMINDER;
        LocalDate due = (deposit ? dossier.depositDue() : dossier.balanceDueDate())
                .orElseThrow(() -> new IllegalStateException("dossier " + dossier.id() + " has no deadline"));
        boolean late = Optional.ofNullable(rule).map(ReminderRule::isLate)
                .orElseGet(() -> due.isBefore(mail.createdAt().atZone(BusinessCalendar.ZONE).toLocalDate()));
        String key = "mail.reminder." + (deposit ? "deposit" : "balance") + (late ? ".late" : ".due");
        return t.text(key, t.text("deposit." + depositType.name()), t.money(reminded(dossier, deposit)), t.date(due));
    }

    /** What a reminder asks for, as it goes out: the rest of the deposit, or what is left to pay of the total. */
    private static Money reminded(Dossier dossier, boolean deposit) {
        return deposit ? dossier.amounts().depositOwed() : dossier.amounts().owed();
    }

    /**
     * The guest's link to pay what is due online (their booking page, which has the Pay button),
     * when the owner takes payments online and the server knows its public address.
     */
    private String payLink(Dossier dossier, ContractTexts t) {
        if (publicUrl.isEmpty() || payments.due(dossier).isEmpty()) {
            return null;
        }
        String base = publicUrl.get().endsWith("/") ? publicUrl.get() : publicUrl.get() + "/";
        return t.text("mail.reminder.payLink", base + "booking/" + dossier.guestToken());
    }

    private static String deadline(Dossier dossier, ContractTexts t) {
        return dossier.optionExpiresAt()
                .map(at -> t.date(at.minusSeconds(1).atZone(BusinessCalendar.ZONE).toLocalDate()))
                .orElseGet(() -> dossier.depositDue().map(t::date).orElse(""));
    }

    /** To the owner: which calendar, which nights, who holds them, and what to do. No guest data of the platform. */
    private OutgoingMessage conflict(OutboxMail mail, ContractTexts t) {
        long conflictId = mail.channelConflictId().orElseThrow();
        ChannelConflict conflict = channels.conflict(mail.accountId(), conflictId)
                .orElseThrow(() -> new NotFoundException("conflict", conflictId));
        StayPeriod nights = conflict.nights();
        String subject = t.text("mail.conflict.subject", conflict.feedName(), conflict.accommodationName(),
                t.date(nights.arrival()), t.date(nights.departure()));
        String facts = String.join("\n", t.text("mail.recap.accommodation", conflict.accommodationName()),
                t.text("mail.recap.stay", t.date(nights.arrival()), t.date(nights.departure()),
                        t.text("nights", nights.nights())),
                t.text("mail.conflict.event", conflict.summary() == null || conflict.summary().isBlank()
                        ? conflict.feedName() : conflict.summary()),
                conflict.dossierNumber() == null ? t.text("mail.conflict.otherChannel")
                        : t.text("mail.conflict.dossier", conflict.dossierNumber()));
        String body = paragraphs(t.text("mail.conflict.intro", conflict.feedName(), conflict.accommodationName()),
                facts, t.text("mail.conflict.advice"));
        return new OutgoingMessage(mail.id(), "Séjour", mail.recipient(), Optional.empty(), Optional.empty(), subject,
                body, List.of());
    }

    /** The invitation to the owner's staff; its link is derived again from the invitation's nonce. */
    private OutgoingMessage invitation(OutboxMail mail, ContractTexts t) {
        long invitationId = mail.staffInvitationId().orElseThrow();
        StaffInvitation invitation = invitations.find(invitationId)
                .filter(i -> i.accountId() == mail.accountId())
                .orElseThrow(() -> new NotFoundException("invitation", invitationId));
        Account account = accounts.find(mail.accountId())
                .orElseThrow(() -> new NotFoundException("account", mail.accountId()));
        String owner = account.contact().map(ContactDetails::displayName).orElse("Séjour");
        String base = publicUrl.map(u -> u.endsWith("/") ? u : u + "/").orElse("/");
        String link = base + "invitation.xhtml?token=" + invitationTokens.token(invitation.nonce());
        String subject = t.text("mail.staff.subject", owner);
        String body = paragraphs(t.text("mail.staff.intro", owner, t.text("mail.staff.role." + invitation.role().name())),
                link, t.text("mail.staff.expiry", t.date(LocalDate.ofInstant(invitation.expiresAt(), ZoneOffset.UTC))));
        return new OutgoingMessage(mail.id(), owner, mail.recipient(), Optional.empty(), Optional.empty(), subject,
                body, List.of());
    }

    static String contractFileName(Dossier dossier, ContractTexts t) {
        return t.text("mail.contract.fileName", Integer.toString(dossier.number()));
    }

    private static String recap(Dossier dossier, SalesTerms.DepositType depositType, ContractTexts t,
                                AgeRangeNames names, boolean forOwner) {
        List<String> lines = new ArrayList<>();
        lines.add(t.text("mail.recap.accommodation", dossier.stays().stream().map(s -> s.accommodation().name())
                .collect(Collectors.joining(" + "))));
        lines.add(t.text("mail.recap.stay", t.date(dossier.stay().arrival()), t.date(dossier.stay().departure()),
                t.text("nights", dossier.stay().nights())));
        lines.add(t.labelled(t.text("party"), dossier.party().stream()
                .map(p -> t.text("persons", p.persons(), names.of(p.label()))).collect(Collectors.joining(", "))));
        if (forOwner) {
            lines.add(t.text("mail.recap.guest", dossier.guest().displayName()));
            lines.add(t.text("mail.recap.contact", join(" · ", dossier.guest().email(), dossier.guest().phone())));
        }
        boolean cancelled = dossier.status() == DossierStatus.CANCELLED;
        lines.add(AmountLines.total(dossier.amounts(), cancelled, t));
        lines.addAll(AmountLines.payments(dossier.amounts(), cancelled, depositType, t));
        return String.join("\n", lines);
    }

    private static String footer(Account account, MailSettings owner, Language language) {
        if (owner.customFooter()) {
            Optional<String> custom = own(owner, MailField.FOOTER, language);
            if (custom.isPresent()) {
                return "-- \n" + custom.get();
            }
        }
        return account.contact().map(c -> "-- \n" + Stream.of(c.displayName(),
                        join(", ", c.address(), join(" ", c.postalCode(), c.city()), c.country()),
                        join(" · ", c.phone(), c.mobile()), c.email(), c.website())
                .filter(l -> l != null && !l.isBlank()).collect(Collectors.joining("\n"))).orElse("");
    }

    /**
     * The owner's text in the mail's language only: a text they wrote in French alone would
     * otherwise drop a French paragraph into a Dutch mail; the built-in one is in its language.
     */
    static Optional<String> own(MailSettings owner, MailField field, Language language) {
        TranslatedText texts = owner.text(field);
        return texts.isFilledIn(language) ? Optional.of(texts.in(language)) : Optional.empty();
    }

    private static String paragraphs(String... parts) {
        return Stream.of(parts).filter(p -> p != null && !p.isBlank()).collect(Collectors.joining("\n\n"));
    }

    private static String join(String separator, String... parts) {
        return Stream.of(parts).filter(p -> p != null && !p.isBlank()).collect(Collectors.joining(separator));
    }
}
