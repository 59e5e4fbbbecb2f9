package org.sejour.interfaces.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Alive unless threads of the server are deadlocked: the one state only a restart mends. A lost
 * database makes Séjour not ready ({@link DatabaseHealthCheck}), not dead.
 */
@Liveness
@ApplicationScoped
public class LivenessCheck implements HealthCheck {

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    @Override
    public HealthCheckResponse call() {
        long[] deadlocked = threads.findDeadlockedThreads();
        return HealthCheckResponse.named("threads").status(deadlocked == null)
                .withData("deadlocked", deadlocked == null ? 0 : deadlocked.length).build();
    }
}
