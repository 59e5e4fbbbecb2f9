package org.sejour.application.mail;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import org.sejour.domain.model.mail.DeliveryOutcome;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Sends the outbox's due mails, {@link #CLAIM} at a time in one transaction (one failure
 * does not undo the others' outcomes: each mail's is recorded on its own). Safe to run from
 * several timers or nodes at once: the mails are claimed with SKIP LOCKED, so no two senders
 * ever send the same mail.
 * <p>
 * A run goes on batch after batch until nothing due is left (or {@link #MAX_RUN} has passed),
 * with {@link #SENDERS} deliveries at a time: one batch of 50 per 5-second tick, one mail after
 * the other, was 10 mails a second at most, and 10,000 reminders of a morning waited 17 minutes
 * for the last one. Most of a delivery is waiting for the SMTP server and the database, so a
 * few in parallel go that much faster. Eight connections at once stay well within what SMTP
 * servers accept from one client (Postfix: 50 by default) and the JDBC pool's size.
 * <p>
 * One transaction per mail cost a dozen statements and a commit each (claim, reload, dossier
 * and each of its collections, account, settings, terms, reminder rule) and the outbox sent
 * 110 mails a second; a transaction per {@link #CLAIM} mails reads those once per batch.
 * Small batches still: a batch's rows stay locked until its last mail is sent, and should the
 * commit fail after the SMTP server took them, those mails go out again (same Message-ID).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OutboxDispatcher {

    /** due mails read per sender and round */
    static final int BATCH = 100;
    static final int SENDERS = 8;
    /** mails per transaction */
    static final int CLAIM = 20;
    /** a run leaves the rest to the next tick after this long: a timer thread is not held for ever */
    static final Duration MAX_RUN = Duration.ofMinutes(2);

    @EJB
    MailDelivery delivery;
    @Resource
    ManagedThreadFactory threads;
    @Inject
    Mailer mailer;

    /**
     * Sends what is due at {@code now}, until none is left; returns the outcomes counted. A mail
     * is tried at most once per run, even when {@code now} (a test's clock moved on) is already
     * past the retry its failure set.
     */
    public Map<DeliveryOutcome, Integer> sendDue(Instant now) {
        Map<DeliveryOutcome, Integer> counts = new EnumMap<>(DeliveryOutcome.class);
        Set<Long> tried = new HashSet<>();
        long stopAt = System.nanoTime() + MAX_RUN.toNanos();
        while (System.nanoTime() < stopAt) {
            // the mails to retry that this run already tried may be due again at a "now" in the
            // future: read past them, they come first
            int limit = BATCH * SENDERS + counts.getOrDefault(DeliveryOutcome.RETRY, 0);
            List<Long> due = delivery.dueIds(now, limit);
            List<Long> fresh = due.stream().filter(tried::add).toList();
            if (fresh.isEmpty()) {
                break;
            }
            deliverAll(fresh, now).forEach(outcome -> counts.merge(outcome, 1, Integer::sum));
            if (due.size() < limit) {
                break;
            }
        }
        return counts;
    }

    /**
     * Delivers the mails with up to {@link #SENDERS} at a time: this thread and managed threads
     * of their own, which take ids from one queue. Not the default managed executor: Payara's
     * has no core threads and an unbounded queue, so it runs one task at a time.
     */
    private List<DeliveryOutcome> deliverAll(List<Long> ids, Instant now) {
        Queue<Long> queue = new ConcurrentLinkedQueue<>(ids);
        Queue<DeliveryOutcome> outcomes = new ConcurrentLinkedQueue<>();
        Queue<RuntimeException> failures = new ConcurrentLinkedQueue<>();
        Runnable sender = () -> {
            // one SMTP session per sender for the whole batch, not one per mail
            try (Mailer.Connection smtp = mailer.open()) {
                for (List<Long> claim = take(queue); !claim.isEmpty(); claim = take(queue)) {
                    outcomes.addAll(delivery.deliver(claim, now, smtp));
                }
            } catch (RuntimeException e) {
                failures.add(e);
            }
        };
        List<Thread> others = new ArrayList<>();
        for (int i = 1; i < Math.min(SENDERS, ids.size()); i++) {
            Thread thread = threads.newThread(sender);
            thread.start();
            others.add(thread);
        }
        sender.run();
        for (Thread other : others) {
            join(other);
        }
        if (!failures.isEmpty()) {
            throw failures.peek();
        }
        return List.copyOf(outcomes);
    }

    /** Up to {@link #CLAIM} ids from the queue, in its order. */
    private static List<Long> take(Queue<Long> queue) {
        List<Long> ids = new ArrayList<>(CLAIM);
        Long id;
        while (ids.size() < CLAIM && (id = queue.poll()) != null) {
            ids.add(id);
        }
        return ids;
    }

    private static void join(Thread sender) {
        try {
            sender.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
