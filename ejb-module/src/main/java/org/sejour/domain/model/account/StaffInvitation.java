package org.sejour.domain.model.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An e-mail invitation to join an account's staff: a one-time link, valid until it expires or is used.
 * Only the hash of the link's token is kept.
 */
@Entity
@Table(name = "staff_invitation")
@NamedQuery(name = "StaffInvitation.byTokenHash", query = "select i from StaffInvitation i where i.tokenHash = :hash")
@NamedQuery(name = "StaffInvitation.pendingOf", query = "select i from StaffInvitation i"
        + " where i.accountId = :accountId and i.acceptedAt is null and i.expiresAt > :now order by i.createdAt")
public class StaffInvitation {

    public static final Duration VALIDITY = Duration.ofDays(7);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "account_id", nullable = false, updatable = false)
    private long accountId;

    @Column(name = "email", nullable = false, updatable = false)
    private String email;

    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false, updatable = false)
    private Role role;

    @Column(name = "token_hash")
    private String tokenHash;

    @Column(name = "nonce", nullable = false, updatable = false)
    private String nonce;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "accepted_at")
    private Instant acceptedAt;

    @Column(name = "user_id")
    private Long userId;

    @Version
    private int version;

    protected StaffInvitation() {
        // JPA
    }

    public StaffInvitation(long accountId, String email, Role role, String nonce, String tokenHash, Instant at,
                           Duration validity) {
        if (role == null || !role.isStaff()) {
            throw new IllegalArgumentException("a staff role is required: " + role);
        }
        this.accountId = accountId;
        this.email = UserAccount.normaliseLogin(email);
        this.role = role;
        this.nonce = Objects.requireNonNull(nonce, "nonce is required");
        this.tokenHash = Objects.requireNonNull(tokenHash, "tokenHash is required");
        this.createdAt = Objects.requireNonNull(at, "at is required");
        this.expiresAt = at.plus(Objects.requireNonNull(validity, "validity is required"));
    }

    /** Whether the link may still be used at {@code now}: not used yet, not expired. */
    public boolean isOpen(Instant now) {
        return acceptedAt == null && now.isBefore(expiresAt);
    }

    /** The link was used: it never works again. */
    public void accepted(long newUserId, Instant at) {
        if (acceptedAt != null) {
            throw new IllegalStateException("invitation " + id + " was already used");
        }
        this.acceptedAt = Objects.requireNonNull(at, "at is required");
        this.userId = newUserId;
    }

    /** The owner withdrew it: it ends now. */
    public void withdraw(Instant at) {
        if (acceptedAt == null && at.isBefore(expiresAt)) {
            this.expiresAt = at;
        }
    }

    public Long id() { return id; }
    public long accountId() { return accountId; }
    public String email() { return email; }
    public Role role() { return role; }
    public String nonce() { return nonce; }
    public Instant createdAt() { return createdAt; }
    public Instant expiresAt() { return expiresAt; }
    public Optional<Instant> acceptedAt() { return Optional.ofNullable(acceptedAt); }
}
