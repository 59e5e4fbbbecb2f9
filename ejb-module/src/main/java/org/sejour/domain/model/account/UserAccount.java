package org.sejour.domain.model.account;

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
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** Someone who signs in: an owner or a member of their staff (of one account), or an operator. */
@Entity
@Table(name = "app_user")
@NamedQuery(name = "UserAccount.byLogin", query = "select u from UserAccount u where lower(u.login) = :login")
@NamedQuery(name = "UserAccount.byAccount", query = "select u from UserAccount u where u.account.id = :accountId")
public class UserAccount implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "login", nullable = false)
    private String login;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false)
    private Role role;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "account_id", updatable = false)
    private Account account;

    @Column(name = "must_change_password", nullable = false)
    private boolean mustChangePassword;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "last_login_at")
    private Instant lastLoginAt;

    /** Sessions opened under an older generation are over (see {@link #endSessions()}). */
    @Column(name = "session_generation", nullable = false)
    private int sessionGeneration;

    @Version
    private int version;

    protected UserAccount() {
        // JPA
    }

    private UserAccount(String login, String passwordHash, Role role, Account account, boolean mustChangePassword,
                        Instant createdAt) {
        this.login = normaliseLogin(login);
        this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash is required");
        this.role = role;
        this.account = account;
        this.mustChangePassword = mustChangePassword;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt is required");
    }

    public static UserAccount owner(Account account, String login, String passwordHash, boolean mustChangePassword,
                                    Instant createdAt) {
        return new UserAccount(login, passwordHash, Role.OWNER,
                Objects.requireNonNull(account, "account is required"), mustChangePassword, createdAt);
    }

    /** A member of the account's staff, who chose their own password on accepting the invitation. */
    public static UserAccount staff(Account account, String login, String passwordHash, Role role, Instant createdAt) {
        if (role == null || !role.isStaff()) {
            throw new IllegalArgumentException("a staff role is required: " + role);
        }
        return new UserAccount(login, passwordHash, role, Objects.requireNonNull(account, "account is required"),
                false, createdAt);
    }

    public static UserAccount operator(String login, String passwordHash, Instant createdAt) {
        return new UserAccount(login, passwordHash, Role.OPERATOR, null, false, createdAt);
    }

    public static String normaliseLogin(String login) {
        Objects.requireNonNull(login, "login is required");
        String normalised = login.strip().toLowerCase(Locale.ROOT);
        if (normalised.isEmpty()) {
            throw new IllegalArgumentException("login is required");
        }
        return normalised;
    }

    public Long id() { return id; }
    public String login() { return login; }
    public String passwordHash() { return passwordHash; }
    public Role role() { return role; }
    public Optional<Account> account() { return Optional.ofNullable(account); }
    public boolean mustChangePassword() { return mustChangePassword; }
    public Optional<Instant> lastLoginAt() { return Optional.ofNullable(lastLoginAt); }
    public int sessionGeneration() { return sessionGeneration; }

    /** Another staff role; the sessions opened under the old one end with it. */
    public void changeStaffRole(Role newRole) {
        if (!role.isStaff() || newRole == null || !newRole.isStaff()) {
            throw new IllegalArgumentException("only staff change role, to a staff role: " + role + " -> " + newRole);
        }
        if (newRole != role) {
            this.role = newRole;
            endSessions();
        }
    }

    /** Every session of this user ends at its next request. */
    public void endSessions() {
        sessionGeneration++;
    }

    public void changeLogin(String newLogin) {
        this.login = normaliseLogin(newLogin);
    }

    public void changePasswordHash(String newHash) {
        this.passwordHash = Objects.requireNonNull(newHash, "passwordHash is required");
        this.mustChangePassword = false;
    }
}
