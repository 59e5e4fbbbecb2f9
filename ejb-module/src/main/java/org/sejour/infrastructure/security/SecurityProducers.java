package org.sejour.infrastructure.security;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sejour.application.limits.LimitStores;
import org.sejour.infrastructure.persistence.ServerSecrets;

import java.time.Clock;
import java.time.Duration;

/**
 * One password hasher, one login throttle, one hash gate and the login keys for the whole
 * application, tuned by MicroProfile Config (README, Settings).
 */
@ApplicationScoped
public class SecurityProducers {

    private static final String LOGIN_SECRET = "login";

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

    @Inject
    @ConfigProperty(name = "sejour.login.address.max-failures", defaultValue = "10")
    int addressMaxFailures;

    @Inject
    @ConfigProperty(name = "sejour.login.address.forgive-seconds", defaultValue = "60")
    long addressForgiveSeconds;

    @Inject
    @ConfigProperty(name = "sejour.login.remembered-keys", defaultValue = "10000")
    int rememberedKeys;

    /** 0: half the processors, at least one */
    @Inject
    @ConfigProperty(name = "sejour.login.concurrent-hashes", defaultValue = "0")
    int concurrentHashes;

    @Inject
    @ConfigProperty(name = "sejour.login.hash-wait-seconds", defaultValue = "10")
    long hashWaitSeconds;

    @Inject
    @ConfigProperty(name = "sejour.login.device-days", defaultValue = "180")
    long deviceDays;

    @EJB
    ServerSecrets secrets;

    @Inject
    LimitStores limitStores;

    @Produces
    @Singleton
    PasswordHasher passwordHasher() {
        // never below the OWASP figure, whatever the configuration says
        return new PasswordHasher(Math.max(iterations, PasswordHasher.DEFAULT_ITERATIONS));
    }

    @Produces
    @Singleton
    LoginThrottle loginThrottle() {
        return new LoginThrottle(new LoginThrottle.Settings(maxFailures, Duration.ofSeconds(firstDelaySeconds),
                Duration.ofSeconds(maxDelaySeconds), addressMaxFailures, Duration.ofSeconds(addressForgiveSeconds),
                rememberedKeys), limitStores.clock(), limitStores);
    }

    @Produces
    @Singleton
    HashGate hashGate() {
        return new HashGate(concurrentHashes > 0 ? concurrentHashes : HashGate.defaultPermits(),
                Duration.ofSeconds(hashWaitSeconds));
    }

    @Produces
    @Singleton
    DeviceTokens deviceTokens() {
        return new DeviceTokens(secrets.secret(LOGIN_SECRET), Duration.ofDays(deviceDays), Clock.systemUTC());
    }

    @Produces
    @Singleton
    LoginTags loginTags() {
        return new LoginTags(secrets.secret(LOGIN_SECRET));
    }

    @Produces
    @Singleton
    InvitationTokens invitationTokens() {
        return new InvitationTokens(secrets.secret(LOGIN_SECRET));
    }
}
