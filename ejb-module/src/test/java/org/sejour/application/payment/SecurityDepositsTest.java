package org.sejour.application.payment;

import org.junit.jupiter.api.Test;
import org.sejour.domain.model.accommodation.Accommodation;
import org.sejour.domain.model.accommodation.AccommodationDetails;
import org.sejour.domain.model.accommodation.AccommodationType;
import org.sejour.domain.model.accommodation.Classification;
import org.sejour.domain.model.accommodation.Visibility;
import org.sejour.domain.model.account.Account;
import org.sejour.domain.model.dossier.Dossier;
import org.sejour.domain.model.dossier.DossierRepository;
import org.sejour.domain.model.dossier.Guest;
import org.sejour.domain.model.dossier.Origin;
import org.sejour.domain.model.dossier.PartyCount;
import org.sejour.domain.model.payment.DepositHold;
import org.sejour.domain.model.payment.DepositHoldRepository;
import org.sejour.domain.model.shared.Language;
import org.sejour.domain.model.shared.Money;
import org.sejour.domain.model.shared.StayPeriod;
import org.sejour.domain.model.shared.TranslatedText;

import java.lang.reflect.Field;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.sejour.application.payment.Stubs.stub;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The daily renewal of a security-deposit hold when the card refuses the new one, against
 * stand-ins for Stripe and the repositories that answer only what the renewal asks.
 */
class SecurityDepositsTest {

    private static final LocalDate ARRIVAL = LocalDate.of(2027, 5, 8);
    private static final LocalDate PLACED_ON = ARRIVAL.minusDays(3);

    private final List<String> stripeCalls = new ArrayList<>();
    private final List<DepositHold> stored = new ArrayList<>();

    @Test
    void aRefusedRenewalKeepsTheOldHoldAndWritesItInTheHistory() throws ReflectiveOperationException {
        Dossier dossier = dossier();
        DepositHold old = DepositHold.placed(1, 7, Money.of("300.00"), "pi_old", PLACED_ON, Instant.now());

        assertEquals(SecurityDeposits.Renewal.REFUSED, deposits(dossier, old).releaseOrRenew(1, 7, PLACED_ON.plusDays(6)));

        assertEquals(DepositHold.Status.PLACED, old.status(), "the old hold still holds until it lapses");
        assertEquals(List.of("savedCard pi_old", "hold"), stripeCalls, "nothing released at Stripe");
        assertEquals(List.of(), stored, "no row for a refusal while the old hold holds");
        List<String> history = dossier.history().stream().filter(e -> e.action().equals("DEPOSIT_HOLD"))
                .map(e -> e.detail()).toList();
        assertEquals(List.of("300.00 € – renewal refused (Stripe: Your card was declined.); the hold placed on 2027-05-05 "
                + "is kept, it holds until 2027-05-12"), history);
    }

    @Test
    void aRefusalOnceTheOldHoldLapsedMarksItReleasedWithoutAskingStripeAndShowsTheFailure()
            throws ReflectiveOperationException {
        Dossier dossier = dossier();
        DepositHold old = DepositHold.placed(1, 7, Money.of("300.00"), "pi_old", PLACED_ON, Instant.now());

        assertEquals(SecurityDeposits.Renewal.REFUSED, deposits(dossier, old).releaseOrRenew(1, 7, PLACED_ON.plusDays(8)));

        assertEquals(DepositHold.Status.RELEASED, old.status());
        assertEquals(List.of("savedCard pi_old", "hold"), stripeCalls, "Stripe let it lapse: nothing to cancel");
        assertEquals(1, stored.size());
        assertEquals(DepositHold.Status.FAILED, stored.get(0).status());
        assertTrue(dossier.history().stream().anyMatch(e -> e.detail() != null && e.detail().endsWith("has lapsed at Stripe")));
    }

    private SecurityDeposits deposits(Dossier dossier, DepositHold old) {
        SecurityDeposits deposits = new SecurityDeposits();
        deposits.holds = stub(DepositHoldRepository.class, (name, args) -> switch (name) {
            case "lockPlaced" -> Optional.of(old);
            case "ofDossier" -> List.of(old);
            case "replace" -> {
                stored.add((DepositHold) args[1]);
                yield args[1];
            }
            default -> throw new UnsupportedOperationException(name);
        });
        deposits.dossiers = stub(DossierRepository.class, (name, args) -> switch (name) {
            case "find", "lock" -> Optional.of(dossier);
            default -> throw new UnsupportedOperationException(name);
        });
        deposits.stripe = stub(StripeGateway.class, (name, args) -> switch (name) {
            case "savedCard" -> {
                stripeCalls.add("savedCard " + args[1]);
                yield Optional.of(new StripeGateway.SavedCard("cus_1", "pm_1"));
            }
            case "hold" -> {
                stripeCalls.add("hold");
                yield new StripeGateway.Hold(Optional.empty(), Optional.of("Stripe: Your card was declined."));
            }
            default -> {
                stripeCalls.add(name);
                throw new IllegalStateException("Stripe was asked to " + name);
            }
        });
        deposits.keys = Stubs.keys();
        return deposits;
    }

    private static Dossier dossier() throws ReflectiveOperationException {
        Account account = new Account(100001, Instant.now());
        Accommodation gite = new Accommodation(account, new AccommodationDetails("Chalet des Cimes", false,
                AccommodationType.GITE, Classification.TWO_STARS, null, "1 chemin", "05000", "Gap", null, null, 1, 6,
                null, null, null, null, Visibility.BOOKABLE, TranslatedText.empty(), Set.of()), Instant.now());
        Dossier dossier = Dossier.open(new Dossier.Booking(1, 21, StayPeriod.of(ARRIVAL, 7),
                List.of(new Dossier.BookedStay(gite, List.of(new PartyCount("Adulte", 2, true)))),
                new Guest("Claude", "Martin", "claude@example.test", null, null, null, null, "FR", Language.FR),
                new Dossier.AgreedPrice(List.of(), Money.of("700.00"), Money.of("210.00"), null, null),
                null, Dossier.Provenance.of(Origin.PHONE), true, Instant.now(), Instant.now(), "owner"));
        Field id = Dossier.class.getDeclaredField("id");
        id.setAccessible(true);
        id.set(dossier, 7L);
        return dossier;
    }
}
