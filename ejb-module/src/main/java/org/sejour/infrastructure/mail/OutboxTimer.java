package org.sejour.infrastructure.mail;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import org.sejour.application.mail.OutboxDispatcher;
import org.sejour.domain.model.mail.DeliveryOutcome;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the outbox sender every 5 seconds on every node. Non-persistent: a missed tick is
 * simply the next one, and each node sending is safe (SKIP LOCKED). A tick that finds the
 * previous one still running returns at once instead of queueing behind it.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class OutboxTimer {

    private static final Logger LOG = Logger.getLogger(OutboxTimer.class.getName());

    private final AtomicBoolean running = new AtomicBoolean();

    @EJB
    OutboxDispatcher dispatcher;

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    public void tick() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            Map<DeliveryOutcome, Integer> counts = dispatcher.sendDue(Instant.now());
            if (!counts.isEmpty()) {
                LOG.log(Level.FINE, "Outbox: {0}", counts);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Outbox run failed; the next tick tries again", e);
        } finally {
            running.set(false);
        }
    }
}
