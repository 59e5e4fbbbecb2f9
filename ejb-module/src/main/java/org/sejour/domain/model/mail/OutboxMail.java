package org.sejour.domain.model.mail;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.sejour.domain.model.shared.Language;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A mail waiting in the outbox, written in the transaction of the event that causes it. Who
 * receives it and in which language are decided then; its text and attachment are rendered
 * when it goes out. Every attempt is recorded; temporary failures are retried with an
 * exponential backoff, a refusal or too many failures end it as FAILED, a mail that has become
 * moot before it could go out is DROPPED.
 */
@Entity
@Table(name = "outbox_mail")
public class OutboxMail implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Attempts before giving up: with the backoff below, about a day and a half of failures. */
    public static final int MAX_ATTEMPTS = 12;
    static final Duration FIRST_DELAY = Duration.ofSeconds(30);
    static final Duration LONGEST_DELAY = Duration.ofHours(6);
    private static final int MAX_DETAIL = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "account_id", nullable = false, updatable = false)
    private long accountId;
    @Column(name = "dossier_id", updatable = false)
    private Long dossierId;
    @Column(name = "channel_conflict_id", updatable = false)
    private Long channelConflictId;
    /** the credit note a refund mail carries (GUEST_REFUND only) */
    @Column(name = "staff_invitation_id", updatable = false)
    private Long staffInvitationId;
    @Column(name = "invoice_id", updatable = false)
    private Long invoiceId;
    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, updatable = false)
    private MailKind kind;
    @Column(name = "recipient", nullable = false, updatable = false)
    private String recipient;
    @Column(name = "copy_to", updatable = false)
    private String copyTo;
    @Column(name = "reply_to", updatable = false)
    private String replyTo;
    @Column(name = "lang", nullable = false, updatable = false)
    private String lang;
    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private OutboxStatus status = OutboxStatus.PENDING;
    @Column(name = "attempts", nullable = false)
    private int attempts;
    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "sent_at")
    private Instant sentAt;
    @Column(name = "last_error")
    private String lastError;
    @Version
    private int version;

    @OneToMany(mappedBy = "mail", cascade = CascadeType.ALL)
    @OrderBy("at, id")
    private List<MailAttempt> history = new ArrayList<>();

    protected OutboxMail() {
        // JPA
    }

    public OutboxMail(long accountId, Long dossierId, MailKind kind, String recipient, String copyTo, String replyTo,
                      Language language, Instant at) {
        this(accountId, dossierId, null, kind, recipient, copyTo, replyTo, language, at);
        if (kind == MailKind.CHANNEL_CONFLICT || kind == MailKind.GUEST_REFUND || kind == MailKind.STAFF_INVITATION) {
            throw new IllegalArgumentException(kind + " names what it is about: use channelConflict(...) or refund(...)");
        }
    }

    /** To the guest: a refund, with its credit note attached. */
    public static OutboxMail refund(long accountId, long dossierId, long creditNoteId, String recipient, String copyTo,
                                    String replyTo, Language language, Instant at) {
        OutboxMail mail = new OutboxMail(accountId, dossierId, null, MailKind.GUEST_REFUND, recipient, copyTo, replyTo,
                language, at);
        mail.invoiceId = creditNoteId;
        return mail;
    }

    private OutboxMail(long accountId, Long dossierId, Long channelConflictId, MailKind kind, String recipient,
                       String copyTo, String replyTo, Language language, Instant at) {
        this.accountId = accountId;
        this.dossierId = dossierId;
        this.channelConflictId = channelConflictId;
        this.kind = Objects.requireNonNull(kind, "kind is required");
        this.recipient = Objects.requireNonNull(recipient, "recipient is required");
        this.copyTo = copyTo;
        this.replyTo = replyTo;
        this.lang = Objects.requireNonNull(language, "language is required").code();
        this.createdAt = Objects.requireNonNull(at, "at is required");
        this.nextAttemptAt = at;
    }

    /** An invitation to join the account's staff; the link is written when the mail is rendered. */
    public static OutboxMail staffInvitation(long accountId, long invitationId, String email, Language language,
                                             Instant at) {
        OutboxMail mail = new OutboxMail(accountId, null, null, MailKind.STAFF_INVITATION, email, null, null,
                language, at);
        mail.staffInvitationId = invitationId;
        return mail;
    }

    /** The owner told of a channel conflict; the conflict row is read when the mail is rendered. */
    public static OutboxMail channelConflict(long accountId, long conflictId, String ownerEmail, Instant at) {
        return new OutboxMail(accountId, null, conflictId, MailKind.CHANNEL_CONFLICT, ownerEmail, null, null,
                Language.FR, at);
    }

    public boolean isDue(Instant now) {
        return status == OutboxStatus.PENDING && !nextAttemptAt.isAfter(now);
    }

    public void delivered(Instant at) {
        requirePending();
        attempts++;
        status = OutboxStatus.SENT;
        sentAt = at;
        lastError = null;
        history.add(new MailAttempt(this, at, DeliveryOutcome.SENT, null));
    }

    /** A temporary failure: tried again after the backoff, or given up after {@link #MAX_ATTEMPTS}. */
    public void failedTemporarily(Instant at, String error) {
        requirePending();
        attempts++;
        lastError = clip(error);
        if (attempts >= MAX_ATTEMPTS) {
            status = OutboxStatus.FAILED;
            history.add(new MailAttempt(this, at, DeliveryOutcome.GAVE_UP, lastError));
            return;
        }
        nextAttemptAt = at.plus(backoff(attempts));
        history.add(new MailAttempt(this, at, DeliveryOutcome.RETRY, lastError));
    }

    /** The server refused this mail for good (e.g. 550 address rejected): never tried again. */
    public void rejected(Instant at, String error) {
        requirePending();
        attempts++;
        status = OutboxStatus.FAILED;
        lastError = clip(error);
        history.add(new MailAttempt(this, at, DeliveryOutcome.REJECTED, lastError));
    }

    /**
     * Not sent, and never will be: what it had to say no longer holds (a reminder of a payment
     * made meanwhile). Not an attempt: the count stays; the reason is kept in the history.
     */
    public void dropped(Instant at, String reason) {
        requirePending();
        status = OutboxStatus.DROPPED;
        history.add(new MailAttempt(this, at, DeliveryOutcome.DROPPED, clip(reason)));
    }

    /** 30 s after the first failure, doubling each time, never more than 6 h. */
    static Duration backoff(int failures) {
        if (failures < 1) {
            return Duration.ZERO;
        }
        Duration delay = FIRST_DELAY.multipliedBy(1L << Math.min(failures - 1, 20));
        return delay.compareTo(LONGEST_DELAY) > 0 ? LONGEST_DELAY : delay;
    }

    private void requirePending() {
        if (status != OutboxStatus.PENDING) {
            throw new IllegalStateException("mail " + id + " is " + status + ", not pending");
        }
    }

    private static String clip(String error) {
        String text = error == null || error.isBlank() ? "unknown error" : error.strip();
        return text.length() <= MAX_DETAIL ? text : text.substring(0, MAX_DETAIL);
    }

    public Long id() { return id; }
    public long accountId() { return accountId; }
    public Optional<Long> dossierId() { return Optional.ofNullable(dossierId); }
    public Optional<Long> channelConflictId() { return Optional.ofNullable(channelConflictId); }
    public Optional<Long> staffInvitationId() { return Optional.ofNullable(staffInvitationId); }
    public Optional<Long> invoiceId() { return Optional.ofNullable(invoiceId); }
    public MailKind kind() { return kind; }
    public String recipient() { return recipient; }
    public Optional<String> copyTo() { return Optional.ofNullable(copyTo); }
    public Optional<String> replyTo() { return Optional.ofNullable(replyTo); }
    public Language language() { return Language.fromCode(lang).orElse(Language.FR); }
    public OutboxStatus status() { return status; }
    public int attempts() { return attempts; }
    public Instant nextAttemptAt() { return nextAttemptAt; }
    public Instant createdAt() { return createdAt; }
    public Optional<Instant> sentAt() { return Optional.ofNullable(sentAt); }
    public Optional<String> lastError() { return Optional.ofNullable(lastError); }
    public List<MailAttempt> history() { return List.copyOf(history); }
}
