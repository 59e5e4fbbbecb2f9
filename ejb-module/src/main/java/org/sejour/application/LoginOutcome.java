package org.sejour.application;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to a login attempt: signed in (with the device cookie for this browser), wrong
 * credentials, or told to wait.
 */
public record LoginOutcome(Optional<SignedInUser> user, Duration retryAfter, Optional<TrustedDevice> device) {

    public LoginOutcome {
        Objects.requireNonNull(user, "user is required");
        Objects.requireNonNull(retryAfter, "retryAfter is required");
        Objects.requireNonNull(device, "device is required");
    }

    static LoginOutcome success(SignedInUser user, TrustedDevice device) {
        return new LoginOutcome(Optional.of(user), Duration.ZERO, Optional.of(device));
    }

    static LoginOutcome invalid() {
        return new LoginOutcome(Optional.empty(), Duration.ZERO, Optional.empty());
    }

    static LoginOutcome throttled(Duration wait) {
        return new LoginOutcome(Optional.empty(), wait, Optional.empty());
    }

    public boolean isThrottled() {
        return !retryAfter.isZero();
    }
}
