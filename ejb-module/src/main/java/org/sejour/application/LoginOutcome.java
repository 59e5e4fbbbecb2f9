package org.sejour.application;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** The answer to a login attempt: signed in, wrong credentials, or told to wait. */
public record LoginOutcome(Optional<SignedInUser> user, Duration retryAfter) {

    public LoginOutcome {
        Objects.requireNonNull(user, "user is required");
        Objects.requireNonNull(retryAfter, "retryAfter is required");
    }

    static LoginOutcome success(SignedInUser user) {
        return new LoginOutcome(Optional.of(user), Duration.ZERO);
    }

    static LoginOutcome invalid() {
        return new LoginOutcome(Optional.empty(), Duration.ZERO);
    }

    static LoginOutcome throttled(Duration wait) {
        return new LoginOutcome(Optional.empty(), wait);
    }

    public boolean isThrottled() {
        return !retryAfter.isZero();
    }
}
