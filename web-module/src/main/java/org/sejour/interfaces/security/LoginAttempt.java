package org.sejour.interfaces.security;

import jakarta.enterprise.context.RequestScoped;
import org.sejour.application.LoginOutcome;

import java.util.Optional;

/** Carries the outcome of this request's login from the identity store back to the login page. */
@RequestScoped
public class LoginAttempt {

    private LoginOutcome outcome;

    void record(LoginOutcome outcome) {
        this.outcome = outcome;
    }

    public Optional<LoginOutcome> outcome() {
        return Optional.ofNullable(outcome);
    }
}
