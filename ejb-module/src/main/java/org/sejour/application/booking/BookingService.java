package org.sejour.application.booking;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.inject.Inject;
import org.sejour.application.access.Requires;
import org.sejour.domain.model.account.Permission;
import org.sejour.domain.model.dossier.Dossier;
import org.sejour.domain.model.dossier.DossierAmounts;
import org.sejour.domain.model.dossier.DossierRepository;
import org.sejour.domain.model.dossier.Repricing;
import org.sejour.domain.model.shared.NotFoundException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Books stays, and changes them. Each attempt runs in its own transaction; an attempt that loses a
 * race the database settles (deadlock, serialization failure, the same idempotency key written by
 * a twin request) is tried again, a bounded number of times.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BookingService {

    static final int MAX_ATTEMPTS = 5;
    // deadlock, serialization failure, unique violation (the twin request's idempotency key)
    private static final Set<String> RETRYABLE = Set.of("40P01", "40001", "23505");
    private static final Logger LOG = Logger.getLogger(BookingService.class.getName());

    @EJB
    BookingTransaction transaction;
    @EJB
    QuoteService quotes;
    @Inject
    DossierRepository dossiers;

    /**
     * Books the stay, or returns the dossier an earlier call with the same idempotency key
     * made. A reused key with a different request is refused.
     */
    @Requires(Permission.CHANGE_DOSSIERS)
    public Dossier book(long accountId, @NotNull BookingCommand command, @Size(max = 100) String idempotencyKey,
                        @NotNull String actor) {
        String hash = idempotencyKey == null ? null : sha256(command.canonical());
        return retried(() -> transaction.attempt(accountId, command, idempotencyKey, hash, actor));
    }

    /**
     * Changes a booking (dates, nights, accommodations, persons, supplements, code) at the price
     * the owner decided, moving its nights in one transaction; another owner's dossier is not found.
     */
    @Requires(Permission.CHANGE_DOSSIERS)
    public Dossier change(long accountId, long dossierId, @NotNull ChangeCommand command, @NotNull String actor) {
        return retried(() -> transaction.change(accountId, dossierId, command, actor));
    }

    /**
     * What {@link #change} would do with these stays and this decision, computed as it would be
     * (today's rules, the dossier's own nights and code counting as free) without writing anything.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public ChangePreview previewChange(long accountId, long dossierId, @NotNull List<StayRequest> stays,
                                       @NotNull Repricing.Decision decision) {
        Dossier dossier = dossiers.find(accountId, dossierId).orElseThrow(() -> new NotFoundException("dossier",
                dossierId));
        BasketResult result = quotes.quoteChange(accountId, dossier, stays, BusinessCalendar.today(Clock.systemUTC()));
        return new ChangePreview(result, result.basket().map(basket -> {
            Dossier.AgreedPrice price = Repricing.ofChange(dossier, basket, decision);
            // the new price's amounts as the dossier will name them once changed (DossierAmounts)
            DossierAmounts amounts = new DossierAmounts(price.total(), price.deposit(), price.depositDue(),
                    price.balanceDue(), dossier.totalPaid(), dossier.totalRefunded());
            return new ChangePreview.Price(price.lines().stream().map(l -> new ChangePreview.Line(l.kind(), l.label(),
                    l.quantity(), l.amount(), l.stay().orElse(null))).toList(), amounts.total().amount(),
                    amounts.deposit().amount(), price.depositDue(), amounts.balance().amount(), price.balanceDue(),
                    amounts.paid().amount(), amounts.owed().amount(), amounts.toRefund().amount());
        }));
    }

    private static Dossier retried(Supplier<Dossier> once) {
        for (int attempt = 1; ; attempt++) {
            try {
                return once.get();
            } catch (EJBException e) {
                String state = sqlState(e);
                if (state == null || !RETRYABLE.contains(state) || attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
                LOG.log(Level.FINE, "Attempt {0} lost a race ({1}), trying again", new Object[]{attempt, state});
            }
        }
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
