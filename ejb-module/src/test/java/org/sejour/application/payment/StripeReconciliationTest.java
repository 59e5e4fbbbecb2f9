package org.sejour.application.payment;

import org.junit.jupiter.api.Test;
import org.sejour.domain.model.payment.PaymentDifference;
import org.sejour.domain.model.payment.PaymentDifferenceRepository;
import org.sejour.domain.model.payment.PaymentDifferenceRepository.RecordedPayment;
import org.sejour.domain.model.shared.Money;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.sejour.application.payment.Stubs.stub;

/**
 * The nightly comparison's false positives, against stand-ins for Stripe and the repository: a
 * hold the owner kept part of, and a SEPA debit created before the window and recorded in it.
 */
class StripeReconciliationTest {

    private static final Instant NOW = Instant.parse("2027-05-10T02:05:00Z");

    private final List<PaymentDifference> found = new ArrayList<>();

    @Test
    void aHoldPartlyKeptIsNotAPaymentMadeOutsideSejour() {
        StripeGateway.RemotePayment kept = new StripeGateway.RemotePayment("pi_hold", Money.of("80.00"), "succeeded",
                NOW.minus(Duration.ofDays(2)), Optional.empty(), Optional.of("21"));
        assertEquals(0, reconciliation(List.of(kept), List.of(), Map.of()).reconcile(1, NOW));
        assertEquals(List.of(), found);
    }

    @Test
    void aPaymentMadeInStripesDashboardStillIs() {
        StripeGateway.RemotePayment dashboard = new StripeGateway.RemotePayment("pi_dash", Money.of("99.00"), "succeeded",
                NOW.minus(Duration.ofDays(1)), Optional.empty(), Optional.empty());
        assertEquals(1, reconciliation(List.of(dashboard), List.of(), Map.of()).reconcile(1, NOW));
        assertEquals(PaymentDifference.Kind.OUTSIDE_SEJOUR, found.get(0).kind());
    }

    @Test
    void aSepaDebitCreatedBeforeTheWindowIsAskedForByIdBeforeItIsCalledMissing() {
        RecordedPayment sepa = new RecordedPayment("pi_sepa", Money.of("210.00"), 7, 21);
        StripeGateway.RemotePayment atStripe = new StripeGateway.RemotePayment("pi_sepa", Money.of("210.00"), "succeeded",
                NOW.minus(Duration.ofDays(6)), Optional.of("att_1"), Optional.empty());
        assertEquals(0, reconciliation(List.of(), List.of(sepa), Map.of("pi_sepa", atStripe)).reconcile(1, NOW));

        RecordedPayment gone = new RecordedPayment("pi_gone", Money.of("210.00"), 8, 22);
        found.clear();
        assertEquals(1, reconciliation(List.of(), List.of(gone), Map.of()).reconcile(1, NOW));
        assertEquals(PaymentDifference.Kind.NOT_AT_STRIPE, found.get(0).kind());
    }

    private StripeReconciliation reconciliation(List<StripeGateway.RemotePayment> listed, List<RecordedPayment> recorded,
                                                Map<String, StripeGateway.RemotePayment> byId) {
        StripeReconciliation reconciliation = new StripeReconciliation();
        reconciliation.differences = stub(PaymentDifferenceRepository.class, (name, args) -> switch (name) {
            case "recordedSince" -> recorded;
            case "recorded", "attempt" -> Optional.empty();
            case "isHold" -> false;
            case "replace" -> {
                @SuppressWarnings("unchecked")
                List<PaymentDifference> differences = (List<PaymentDifference>) args[2];
                found.addAll(differences);
                yield null;
            }
            default -> throw new UnsupportedOperationException(name);
        });
        reconciliation.stripe = stub(StripeGateway.class, (name, args) -> switch (name) {
            case "paymentsSince" -> listed;
            case "payment" -> Optional.ofNullable(byId.get((String) args[1]));
            default -> throw new UnsupportedOperationException(name);
        });
        reconciliation.keys = Stubs.keys();
        return reconciliation;
    }
}
