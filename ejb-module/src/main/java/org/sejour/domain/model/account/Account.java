package org.sejour.domain.model.account;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** An owner's account: the tenant every accommodation, rate and dossier belongs to. */
@Entity
@Table(name = "account")
public class Account implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    public static final int MAX_MIN_STAY_NIGHTS = 365;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "account_number", nullable = false, updatable = false)
    private int number;

    @Enumerated(EnumType.STRING)
    @Column(name = "mode", nullable = false)
    private AccountMode mode = AccountMode.TEST;

    @Column(name = "production_requested_at")
    private Instant productionRequestedAt;

    // the operator's demo switch (docs/payments.md): fake payments for an account in production
    @Column(name = "demo_payments", nullable = false)
    private boolean demoPayments;

    @Column(name = "contact_completed", nullable = false)
    private boolean contactCompleted;

    @Embedded
    private ContactDetails contact;

    @Column(name = "min_stay_nights", nullable = false)
    private int minStayNights = 1;

    @Column(name = "mobile_web_app", nullable = false)
    private boolean mobileWebApp = true;

    @Column(name = "site_several_stays", nullable = false)
    private boolean siteSeveralStays;

    @Column(name = "last_accommodation_seq", nullable = false)
    private int lastAccommodationSeq;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    private int version;

    protected Account() {
        // JPA
    }

    public Account(int number, Instant createdAt) {
        if (number < 100001) {
            throw new IllegalArgumentException("account numbers start at 100001");
        }
        this.number = number;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt is required");
    }

    public Long id() { return id; }
    public int number() { return number; }
    public AccountMode mode() { return mode; }
    public Optional<Instant> productionRequestedAt() { return Optional.ofNullable(productionRequestedAt); }
    public boolean isContactCompleted() { return contactCompleted; }
    public boolean demoPayments() { return demoPayments; }

    /**
     * May a guest of this account pay through the offline provider, where the visitor picks the
     * outcome? Always in test mode (test bookings are not sales); in production only when the
     * operator turned the demo switch on for the account.
     */
    public boolean acceptsDemoPayments() {
        return mode == AccountMode.TEST || demoPayments;
    }

    /** The operator's demo switch; see {@link #acceptsDemoPayments()}. */
    public void allowDemoPayments(boolean allowed) {
        this.demoPayments = allowed;
    }
    public Optional<ContactDetails> contact() { return Optional.ofNullable(contact); }
    public int minStayNights() { return minStayNights; }
    public boolean mobileWebApp() { return mobileWebApp; }
    /** May a guest book several accommodations for the same nights in one booking on the owner's site? */
    public boolean siteSeveralStays() { return siteSeveralStays; }
    public Instant createdAt() { return createdAt; }

    public void updateContactDetails(ContactDetails details) {
        this.contact = Objects.requireNonNull(details, "contact details are required");
        this.contactCompleted = true;
    }

    public void changeAdvancedSettings(int minStayNights, boolean mobileWebApp) {
        if (minStayNights < 1 || minStayNights > MAX_MIN_STAY_NIGHTS) {
            throw new IllegalArgumentException("minimum stay must be between 1 and " + MAX_MIN_STAY_NIGHTS + " nights");
        }
        this.minStayNights = minStayNights;
        this.mobileWebApp = mobileWebApp;
    }

    public void offerSeveralStaysOnSite(boolean offered) {
        this.siteSeveralStays = offered;
    }

    public void requestProduction(Instant when) {
        if (mode == AccountMode.TEST && productionRequestedAt == null) {
            productionRequestedAt = Objects.requireNonNull(when, "when is required");
        }
    }

    public void switchTo(AccountMode newMode) {
        this.mode = Objects.requireNonNull(newMode, "mode is required");
        if (newMode == AccountMode.PRODUCTION) {
            productionRequestedAt = null;
        }
    }

    /** The next number in this account's accommodation references (OSMB-100063-4). */
    public int nextAccommodationSeq() {
        return ++lastAccommodationSeq;
    }

    public String accommodationReference(int seq) {
        return "OSMB-" + number + "-" + seq;
    }
}
