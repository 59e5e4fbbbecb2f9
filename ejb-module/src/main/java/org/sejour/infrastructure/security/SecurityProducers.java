package org.sejour.infrastructure.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;

/** One password hasher and one login throttle for the whole application, tuned by MicroProfile Config. */
@ApplicationScoped
public class SecurityProducers {

    @Inject
    @ConfigProperty(name = "sejour.password.iterations", defaultValue = "600000")
    int iterations;

    @Inject
    @ConfigProperty(name = "sejour.login.max-failures", defaultValue = "5")
    int maxFailures;

    @Inject
    @ConfigProperty(name = "sejour.login.first-delay-seconds", defaultValue = "30")
    long firstDelaySeconds;

    @Inject
    @ConfigProperty(name = "sejour.login.max-delay-seconds", defaultValue = "900")
    long maxDelaySeconds;

    @Produces
    @Singleton
    PasswordHasher passwordHasher() {
        // never below the OWASP figure, whatever the configuration says
        return new PasswordHasher(Math.max(iterations, PasswordHasher.DEFAULT_ITERATIONS));
    }

    @Produces
    @Singleton
    LoginThrottle loginThrottle() {
        return new LoginThrottle(maxFailures, Duration.ofSeconds(firstDelaySeconds),
                Duration.ofSeconds(maxDelaySeconds), Clock.systemUTC());
    }
}
