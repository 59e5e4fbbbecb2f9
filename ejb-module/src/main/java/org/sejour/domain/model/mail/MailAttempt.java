package org.sejour.domain.model.mail;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;

/** One try at handing a mail to the SMTP server, kept for the mail log. */
@Entity
@Table(name = "outbox_attempt")
public class MailAttempt implements Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "mail_id", nullable = false, updatable = false)
    private OutboxMail mail;
    @Column(name = "at", nullable = false, updatable = false)
    private Instant at;
    @Enumerated(EnumType.STRING)
    @Column(name = "outcome", nullable = false, updatable = false)
    private DeliveryOutcome outcome;
    @Column(name = "detail", updatable = false)
    private String detail;

    protected MailAttempt() {
        // JPA
    }

    MailAttempt(OutboxMail mail, Instant at, DeliveryOutcome outcome, String detail) {
        this.mail = mail;
        this.at = at;
        this.outcome = outcome;
        this.detail = detail;
    }

    public Instant at() { return at; }
    public DeliveryOutcome outcome() { return outcome; }
    public String detail() { return detail; }
}
