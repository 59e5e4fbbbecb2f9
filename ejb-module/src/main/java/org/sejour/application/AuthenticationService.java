package org.sejour.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.sejour.domain.model.account.UserAccount;
import org.sejour.domain.model.account.UserAccountRepository;
import org.sejour.domain.model.shared.InvalidInputException;
import org.sejour.domain.model.shared.InvalidInputException.Violation;
import org.sejour.domain.model.shared.NotFoundException;
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
    private static final Pattern LOGIN = Pattern.compile("[\\p{L}0-9._%+@-]{3,254}");
    private static final Logger LOG = Logger.getLogger(AuthenticationService.class.getName());

    @Inject
    UserAccountRepository users;
    @Inject
    PasswordHasher hasher;
    @Inject
    LoginThrottle throttle;

    // hashed once so that an unknown login costs as much time as a wrong password
    private static volatile String dummyHash;

    public LoginOutcome login(@NotNull String login, @NotNull String password) {
        Duration wait = throttle.remainingBlock(login);
        if (!wait.isZero()) {
            LOG.log(Level.INFO, "Login throttled for {0}", login);
            return LoginOutcome.throttled(wait);
        }
        if (password.length() > MAX_PASSWORD_LENGTH || login.isBlank()) {
            throttle.recordFailure(login);
            return LoginOutcome.invalid();
        }
        Optional<UserAccount> found = users.findByLogin(login);
        if (found.isEmpty()) {
            hasher.verify(password, dummyHash());
            throttle.recordFailure(login);
            return LoginOutcome.invalid();
        }
        UserAccount user = found.get();
        if (!hasher.verify(password, user.passwordHash())) {
            throttle.recordFailure(login);
            LOG.log(Level.INFO, "Failed login for user {0}", user.id());
            return LoginOutcome.invalid();
        }
        throttle.recordSuccess(login);
        if (hasher.needsRehash(user.passwordHash())) {
            user.upgradePasswordHash(hasher.hash(password));
        }
        user.recordLogin(Instant.now());
        return LoginOutcome.success(SignedInUser.of(user));
    }

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

    static List<Violation> passwordPolicy(String field, String password) {
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

    private String dummyHash() {
        if (dummyHash == null) {
            dummyHash = hasher.hash("not a password of anyone");
        }
        return dummyHash;
    }
}
