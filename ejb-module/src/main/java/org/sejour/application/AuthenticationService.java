package org.sejour.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.sejour.domain.model.account.UserAccount;
import org.sejour.domain.model.account.UserAccountRepository;
import org.sejour.domain.model.shared.InvalidInputException;
import org.sejour.domain.model.shared.InvalidInputException.Violation;
import org.sejour.domain.model.shared.NotFoundException;
import org.sejour.infrastructure.security.DeviceTokens;
import org.sejour.infrastructure.security.HashGate;
import org.sejour.infrastructure.security.LoginTags;
import org.sejour.infrastructure.security.LoginThrottle;
import org.sejour.infrastructure.security.PasswordHasher;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/** Checks passwords, throttles guessing, and changes credentials. */
@Stateless
public class AuthenticationService {

    public static final int MIN_PASSWORD_LENGTH = 10;
    public static final int MAX_PASSWORD_LENGTH = 200;
    public static final int MAX_LOGIN_LENGTH = 254;
    private static final Pattern LOGIN = Pattern.compile("[\\p{L}0-9._%+@-]{3,254}");
    private static final Logger LOG = Logger.getLogger(AuthenticationService.class.getName());

    @Inject
    UserAccountRepository users;
    @Inject
    PasswordHasher hasher;
    @Inject
    LoginThrottle throttle;
    @Inject
    HashGate gate;
    @Inject
    DeviceTokens devices;
    @Inject
    LoginTags tags;

    /**
     * Checks a login. In this order: is the client a trusted device of the user it names (a
     * signature check and one indexed query), may it try now (see {@link LoginThrottle}; a refusal
     * costs no hash), then the password, in its turn ({@link HashGate}). What was typed as the
     * login is never logged: the user's id when it names a user, else a keyed tag.
     */
    public LoginOutcome login(@NotNull String login, @NotNull String password, @NotNull LoginClient client) {
        if (login.length() > MAX_LOGIN_LENGTH) {
            // no user has such a login, and the throttle's memory holds only texts of a bounded size
            return LoginOutcome.invalid();
        }
        Optional<UserAccount> found = Optional.empty();
        boolean looked = false;
        String trustedDevice = null;
        Optional<DeviceTokens.Device> device = devices.read(client.deviceCookie());
        if (device.isPresent() && !login.isBlank()) {
            found = users.findByLogin(login);
            looked = true;
            if (found.isPresent() && found.get().id() == device.get().userId()) {
                trustedDevice = device.get().id();
            }
        }
        LoginThrottle.Admission admission = throttle.admit(login, client.address(), trustedDevice);
        if (admission instanceof LoginThrottle.Refusal refusal) {
            LOG.log(Level.FINE, "Login refused by the {0} limit, before any password check: {1} from {2}",
                    new Object[]{refusal.limit(), who(login, found), client.address()});
            return LoginOutcome.throttled(refusal.retryAfter());
        }
        LoginThrottle.Attempt attempt = (LoginThrottle.Attempt) admission;
        if (password.length() > MAX_PASSWORD_LENGTH || login.isBlank()) {
            throttle.failed(attempt);
            return LoginOutcome.invalid();
        }
        if (!looked) {
            found = users.findByLogin(login);
        }
        Optional<UserAccount> user = found;
        boolean valid;
        try {
            valid = gate.run(attempt.trusted(), () -> passwordMatches(password, user));
        } catch (HashGate.BusyException e) {
            throttle.abandoned(attempt);
            LOG.log(Level.WARNING, "Too many password checks at once: {0} from {1} told to come back",
                    new Object[]{who(login, user), client.address()});
            return LoginOutcome.throttled(gate.maxWait());
        }
        if (!valid) {
            Duration lock = throttle.failed(attempt);
            LOG.log(Level.INFO, "Failed login for {0} from {1}{2}", new Object[]{who(login, user), client.address(),
                    lock.isZero() ? "" : "; " + (attempt.trusted() ? "this device" : "untrusted clients")
                            + " locked out for " + lock.toSeconds() + " s"});
            return LoginOutcome.invalid();
        }
        throttle.succeeded(attempt);
        UserAccount signedIn = user.get();
        if (hasher.needsRehash(signedIn.passwordHash())) {
            users.upgradePasswordHash(signedIn.id(), signedIn.passwordHash(), hasher.hash(password));
        }
        users.recordLogin(signedIn.id(), Instant.now());
        return LoginOutcome.success(SignedInUser.of(signedIn),
                new TrustedDevice(devices.issue(signedIn.id()), devices.lifetime()));
    }

    private boolean passwordMatches(String password, Optional<UserAccount> user) {
        // an unknown login costs as much time as a wrong password
        return user.isPresent() ? hasher.verify(password, user.get().passwordHash()) : hasher.verifyNone(password);
    }

    /** The user's id when the login names one, else its tag: never the text typed. */
    private String who(String login, Optional<UserAccount> user) {
        return user.map(u -> "user " + u.id()).orElseGet(() -> tags.tag(login));
    }

    /** Ends every session of the user, this one included, at its next request. */
    public void endSessions(long userId) {
        users.find(userId).orElseThrow(() -> new NotFoundException("user", userId)).endSessions();
        LOG.log(Level.INFO, "User {0} signed out of all their sessions", userId);
    }

    /** Read on every back-office request: no transaction to begin, name the audit's actor in, and commit. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public SignedInUser user(long userId) {
        return users.find(userId).map(SignedInUser::of)
                .orElseThrow(() -> new NotFoundException("user", userId));
    }

    /**
     * Changes the login and/or the password after checking the current password. A blank
     * new password keeps the current one.
     */
    public SignedInUser changeCredentials(long userId, @NotNull String currentPassword, @NotBlank String newLogin,
                                         String newPassword) {
        UserAccount user = users.find(userId).orElseThrow(() -> new NotFoundException("user", userId));
        List<Violation> violations = new ArrayList<>();
        if (!hasher.verify(currentPassword, user.passwordHash())) {
            violations.add(new Violation("currentPassword", "credentials.currentPassword.wrong"));
        }
        String login = newLogin.strip();
        if (!LOGIN.matcher(login).matches()) {
            violations.add(new Violation("login", "credentials.login.invalid"));
        } else {
            users.findByLogin(login).filter(other -> !other.id().equals(user.id()))
                    .ifPresent(other -> violations.add(new Violation("login", "credentials.login.taken")));
        }
        boolean changePassword = newPassword != null && !newPassword.isEmpty();
        if (changePassword) {
            violations.addAll(passwordPolicy("newPassword", newPassword));
        } else if (user.mustChangePassword()) {
            violations.add(new Violation("newPassword", "credentials.password.mustChange"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        user.changeLogin(login);
        if (changePassword) {
            user.changePasswordHash(hasher.hash(newPassword));
        }
        return SignedInUser.of(user);
    }

    public static List<Violation> passwordPolicy(String field, String password) {
        if (password.length() < MIN_PASSWORD_LENGTH) {
            return List.of(new Violation(field, "credentials.password.tooShort"));
        }
        if (password.length() > MAX_PASSWORD_LENGTH) {
            return List.of(new Violation(field, "credentials.password.tooLong"));
        }
        return List.of();
    }

    static boolean isValidLogin(String login) {
        return login != null && LOGIN.matcher(login.strip()).matches();
    }
}
