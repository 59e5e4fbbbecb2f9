package org.sejour.application.mail;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.sejour.domain.model.account.AccountRepository;
import org.sejour.domain.model.account.ContactDetails;
import org.sejour.domain.model.account.StaffInvitation;
import org.sejour.domain.model.document.DocumentSettingsRepository;
import org.sejour.domain.model.document.GuestMail;
import org.sejour.domain.model.document.MailSettings;
import org.sejour.domain.model.dossier.Dossier;
import org.sejour.domain.model.dossier.DossierRepository;
import org.sejour.domain.model.dossier.Origin;
import org.sejour.domain.model.mail.MailKind;
import org.sejour.domain.model.mail.OutboxMail;
import org.sejour.domain.model.mail.OutboxRepository;
import org.sejour.domain.model.message.MessageRule;
import org.sejour.domain.model.shared.Language;
import org.sejour.domain.model.shared.NotFoundException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Puts mails in the outbox. MANDATORY: a mail is only ever written inside the transaction of
 * the event causing it, so it exists exactly when the event does.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class MailOutbox {

    /** Bookings the guest made themselves; the owner is told of these, and the guest gets their mail at once. */
    static final Set<Origin> ONLINE = EnumSet.of(Origin.BOOKING_SITE, Origin.WIDGET, Origin.TEST);

    @Inject
    OutboxRepository outbox;
    @Inject
    AccountRepository accounts;
    @Inject
    DocumentSettingsRepository settings;
    @Inject
    DossierRepository dossiers;

    /**
     * A new booking: for an online one, the guest's mail (contract or notification, per the
     * owner's setting) and a notification to the owner. Bookings the owner makes send the guest's
     * mail only when the owner asked for it with the booking ({@code guestMailAsked}) or later
     * ({@link #sendGuestMail}), and never notify the owner of their own booking.
     */
    public List<OutboxMail> bookingMade(Dossier dossier, boolean guestMailAsked, Instant at) {
        List<OutboxMail> mails = new ArrayList<>();
        if (!ONLINE.contains(dossier.origin())) {
            if (guestMailAsked) {
                guestMail(dossier, at).ifPresent(mails::add);
            }
            return mails;
        }
        guestMail(dossier, at).ifPresent(mails::add);
        ownerEmail(dossier.accountId()).ifPresent(owner -> mails.add(outbox.store(new OutboxMail(dossier.accountId(),
                dossier.id(), MailKind.OWNER_NOTIFICATION, owner, null, null, Language.FR, at))));
        return mails;
    }

    /**
     * A channel conflict just recorded: the owner is told once (the outbox keeps at most one
     * mail per conflict). Empty when the owner gave no e-mail address.
     */
    public Optional<OutboxMail> channelConflict(long accountId, long conflictId, Instant at) {
        return ownerEmail(accountId).map(owner -> outbox.store(OutboxMail.channelConflict(accountId, conflictId,
                owner, at)));
    }

    /** An invitation to the owner's staff, to the address invited. */
    public OutboxMail staffInvitation(StaffInvitation invitation, Language language, Instant at) {
        return outbox.store(OutboxMail.staffInvitation(invitation.accountId(), invitation.id(), invitation.email(),
                language, at));
    }

    /** The owner changed the booking and ticked "tell the guest": the change mail with the new contract. */
    public Optional<OutboxMail> bookingChanged(Dossier dossier, Instant at) {
        return guestMail(dossier, MailKind.GUEST_BOOKING_CHANGED, at);
    }

    /** The guest cancelled from their booking page: they get the fee and the refund in writing, the owner is told. */
    public List<OutboxMail> guestCancelled(Dossier dossier, Instant at) {
        List<OutboxMail> mails = new ArrayList<>();
        guestMail(dossier, MailKind.GUEST_CANCELLED, at).ifPresent(mails::add);
        ownerEmail(dossier.accountId()).ifPresent(owner -> mails.add(outbox.store(new OutboxMail(dossier.accountId(),
                dossier.id(), MailKind.OWNER_GUEST_CANCELLED, owner, null, null, Language.FR, at))));
        return mails;
    }

    /** The owner asks for the guest's mail of one of their dossiers; empty when the guest gave no e-mail. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Optional<OutboxMail> sendGuestMail(long accountId, long dossierId, Instant at) {
        Dossier dossier = dossiers.find(accountId, dossierId).orElseThrow(() -> new NotFoundException("dossier", dossierId));
        return guestMail(dossier, at);
    }

    /** A payment reminder to the guest (deposit or balance kind); empty when the guest gave no e-mail. */
    public Optional<OutboxMail> reminder(Dossier dossier, MailKind kind, Instant at) {
        if (kind != MailKind.GUEST_DEPOSIT_REMINDER && kind != MailKind.GUEST_BALANCE_REMINDER) {
            throw new IllegalArgumentException(kind + " is not a reminder");
        }
        return guestMail(dossier, kind, at);
    }

    /**
     * A message of one of the owner's rules to the guest, in the rule's language for them (theirs,
     * else English, else French); empty when the guest gave no e-mail.
     */
    public Optional<OutboxMail> message(Dossier dossier, MessageRule rule, Instant at) {
        String email = dossier.guest().email();
        if (email == null) {
            return Optional.empty();
        }
        long accountId = dossier.accountId();
        MailSettings mail = settings.findMail(accountId).orElseGet(() -> MailSettings.defaultsFor(accountId));
        return Optional.of(outbox.store(new OutboxMail(accountId, dossier.id(), MailKind.GUEST_MESSAGE, email,
                mail.copyTo().orElse(null), ownerEmail(accountId).orElse(null),
                rule.languageFor(dossier.guest().language()), at)));
    }

    /** An option lapsed: the guest (when they gave an e-mail) and the owner are told. */
    public List<OutboxMail> optionExpired(Dossier dossier, Instant at) {
        List<OutboxMail> mails = new ArrayList<>();
        guestMail(dossier, MailKind.GUEST_OPTION_EXPIRED, at).ifPresent(mails::add);
        ownerEmail(dossier.accountId()).ifPresent(owner -> mails.add(outbox.store(new OutboxMail(dossier.accountId(),
                dossier.id(), MailKind.OWNER_OPTION_EXPIRED, owner, null, null, Language.FR, at))));
        return mails;
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public List<OutboxMail> mailsOf(long accountId, long dossierId) {
        dossiers.find(accountId, dossierId).orElseThrow(() -> new NotFoundException("dossier", dossierId));
        return outbox.ofDossier(accountId, dossierId);
    }

    /** The dossier's mail log, oldest first: every mail, its state, attempts and last error. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public List<MailLogEntry> logOf(long accountId, long dossierId) {
        return mailsOf(accountId, dossierId).stream().map(MailLogEntry::of).toList();
    }

    /** The refund's mail to the guest with its credit note; empty when the guest gave no e-mail. */
    public Optional<OutboxMail> refund(Dossier dossier, long creditNoteId, Instant at) {
        String email = dossier.guest().email();
        if (email == null) {
            return Optional.empty();
        }
        long accountId = dossier.accountId();
        MailSettings mail = settings.findMail(accountId).orElseGet(() -> MailSettings.defaultsFor(accountId));
        return Optional.of(outbox.store(OutboxMail.refund(accountId, dossier.id(), creditNoteId, email,
                mail.copyTo().orElse(null), ownerEmail(accountId).orElse(null),
                mail.languageFor(dossier.guest().language()), at)));
    }

    private Optional<OutboxMail> guestMail(Dossier dossier, Instant at) {
        MailSettings mail = settings.findMail(dossier.accountId()).orElseGet(() -> MailSettings.defaultsFor(dossier.accountId()));
        return guestMail(dossier, mail.guestMail() == GuestMail.CONTRACT ? MailKind.GUEST_CONTRACT : MailKind.GUEST_NOTIFICATION, at);
    }

    private Optional<OutboxMail> guestMail(Dossier dossier, MailKind kind, Instant at) {
        String email = dossier.guest().email();
        if (email == null) {
            return Optional.empty();
        }
        long accountId = dossier.accountId();
        MailSettings mail = settings.findMail(accountId).orElseGet(() -> MailSettings.defaultsFor(accountId));
        return Optional.of(outbox.store(new OutboxMail(accountId, dossier.id(), kind, email, mail.copyTo().orElse(null),
                ownerEmail(accountId).orElse(null), mail.languageFor(dossier.guest().language()), at)));
    }

    private Optional<String> ownerEmail(long accountId) {
        return accounts.find(accountId).flatMap(a -> a.contact()).map(ContactDetails::email);
    }
}
