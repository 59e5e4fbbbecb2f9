package org.sejour.application.mail;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.sejour.domain.model.mail.DeliveryOutcome;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * Sends the outbox's due mails, each in its own transaction so that one failure does not
 * undo the others' outcomes. Safe to run from several timers or nodes at once: claiming is
 * done row by row with SKIP LOCKED.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OutboxDispatcher {

    static final int BATCH = 50;

    @EJB
    MailDelivery delivery;

    /** Sends what is due at {@code now}, at most one batch; returns the outcomes counted. */
    public Map<DeliveryOutcome, Integer> sendDue(Instant now) {
        Map<DeliveryOutcome, Integer> counts = new EnumMap<>(DeliveryOutcome.class);
        for (long id : delivery.dueIds(now, BATCH)) {
            delivery.deliver(id, now).ifPresent(outcome -> counts.merge(outcome, 1, Integer::sum));
        }
        return counts;
    }
}
