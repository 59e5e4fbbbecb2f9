package org.sejour.application.access;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import org.sejour.application.AuthenticationService;
import org.sejour.application.mail.MailOutbox;
import org.sejour.domain.model.account.Account;
import org.sejour.domain.model.account.AccountRepository;
import org.sejour.domain.model.account.Permission;
import org.sejour.domain.model.account.Role;
import org.sejour.domain.model.account.StaffInvitation;
import org.sejour.domain.model.account.StaffInvitationRepository;
import org.sejour.domain.model.account.UserAccount;
import org.sejour.domain.model.account.UserAccountRepository;
import org.sejour.domain.model.shared.InvalidInputException;
import org.sejour.domain.model.shared.Language;
import org.sejour.domain.model.shared.NotFoundException;
import org.sejour.domain.model.shared.SejourException;
import org.sejour.infrastructure.security.InvitationTokens;
import org.sejour.infrastructure.security.PasswordHasher;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * The owner's staff: invitations by e-mail (a one-time link), roles, removal. A member's login is
 * the e-mail address they were invited at; they choose their own password with the link.
 */
@Stateless
public class StaffService {

    private static final Logger LOG = Logger.getLogger(StaffService.class.getName());
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

    @Inject
    UserAccountRepository users;
    @Inject
    AccountRepository accounts;
    @Inject
    StaffInvitationRepository invitations;
    @Inject
    InvitationTokens tokens;
    @Inject
    PasswordHasher hasher;
    @EJB
    MailOutbox outbox;

    @Requires(Permission.MANAGE_STAFF)
    public List<StaffMember> members(long accountId) {
        return users.ownersOf(accountId).stream().filter(u -> u.role().isStaff())
                .sorted(Comparator.comparing(UserAccount::login))
                .map(u -> new StaffMember(u.id(), u.login(), u.role(), u.lastLoginAt().orElse(null))).toList();
    }

    @Requires(Permission.MANAGE_STAFF)
    public List<PendingInvitation> pendingInvitations(long accountId) {
        return invitations.pendingOf(accountId, Instant.now()).stream()
                .map(i -> new PendingInvitation(i.id(), i.email(), i.role(), i.expiresAt())).toList();
    }

    /** Invites {@code email} as {@code role}; the mail goes out through the outbox with this transaction. */
    @Requires(Permission.MANAGE_STAFF)
    public PendingInvitation invite(long accountId, @NotNull String email, @NotNull Role role,
                                    @NotNull Language language) {
        String address = email.strip();
        if (address.length() > 254 || !EMAIL.matcher(address).matches()) {
            throw new InvalidInputException("email", "staff.email.invalid");
        }
        if (!role.isStaff()) {
            throw new InvalidInputException("role", "staff.role.invalid");
        }
        if (users.findByLogin(address).isPresent()) {
            throw new InvalidInputException("email", "staff.email.taken");
        }
        Account account = accounts.find(accountId).orElseThrow(() -> new NotFoundException("account", accountId));
        Instant now = Instant.now();
        String nonce = tokens.newNonce();
        StaffInvitation invitation = invitations.store(new StaffInvitation(account.id(), address, role, nonce,
                InvitationTokens.hash(tokens.token(nonce)), now, StaffInvitation.VALIDITY));
        outbox.staffInvitation(invitation, language, now);
        LOG.log(Level.INFO, "Account {0} invited a member of staff as {1} (invitation {2})",
                new Object[]{accountId, role, invitation.id()});
        return new PendingInvitation(invitation.id(), invitation.email(), role, invitation.expiresAt());
    }

    @Requires(Permission.MANAGE_STAFF)
    public void withdrawInvitation(long accountId, long invitationId) {
        invitations.find(invitationId).filter(i -> i.accountId() == accountId)
                .orElseThrow(() -> new NotFoundException("invitation", invitationId)).withdraw(Instant.now());
    }

    /** The invitation a link names, while it may still be used; empty for a used, expired or unknown link. */
    public Optional<PendingInvitation> openInvitation(@NotNull String token) {
        return invitations.findByTokenHash(InvitationTokens.hash(token)).filter(i -> i.isOpen(Instant.now()))
                .map(i -> new PendingInvitation(i.id(), i.email(), i.role(), i.expiresAt()));
    }

    /**
     * Uses the link: the new member with the password they chose. The invitation is versioned, so two
     * uses at once make one member; a used or expired link is refused.
     */
    public long accept(@NotNull String token, @NotNull String password) {
        StaffInvitation invitation = invitations.findByTokenHash(InvitationTokens.hash(token))
                .filter(i -> i.isOpen(Instant.now()))
                .orElseThrow(() -> new SejourException("staff.invitation.closed"));
        List<InvalidInputException.Violation> policy = AuthenticationService.passwordPolicy("password", password);
        if (!policy.isEmpty()) {
            throw new InvalidInputException(policy);
        }
        if (users.findByLogin(invitation.email()).isPresent()) {
            throw new SejourException("staff.email.taken");
        }
        Account account = accounts.find(invitation.accountId())
                .orElseThrow(() -> new NotFoundException("account", invitation.accountId()));
        Instant now = Instant.now();
        UserAccount member = users.store(UserAccount.staff(account, invitation.email(), hasher.hash(password),
                invitation.role(), now));
        invitation.accepted(member.id(), now);
        invitations.store(invitation);
        LOG.log(Level.INFO, "User {0} joined the staff of account {1} as {2}",
                new Object[]{member.id(), account.id(), member.role()});
        return member.id();
    }

    /** Another role for a member; their open sessions end at once. Another account's member: not found. */
    @Requires(Permission.MANAGE_STAFF)
    public void changeRole(long accountId, long userId, @NotNull Role role) {
        if (!role.isStaff()) {
            throw new InvalidInputException("role", "staff.role.invalid");
        }
        member(accountId, userId).changeStaffRole(role);
    }

    /** Removes a member: they cannot sign in again, and their open sessions end at their next request. */
    @Requires(Permission.MANAGE_STAFF)
    public void remove(long accountId, long userId) {
        UserAccount member = member(accountId, userId);
        users.remove(member);
        LOG.log(Level.INFO, "Account {0} removed user {1} from its staff", new Object[]{accountId, userId});
    }

    private UserAccount member(long accountId, long userId) {
        return users.find(userId)
                .filter(u -> u.role().isStaff() && u.account().map(a -> a.id() == accountId).orElse(false))
                .orElseThrow(() -> new NotFoundException("user", userId));
    }
}
