package org.sejour.application.site;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.sejour.domain.model.dossier.Dossier;
import org.sejour.domain.model.dossier.DossierRepository;
import org.sejour.domain.model.dossier.DossierStatus;
import org.sejour.domain.model.dossier.Origin;
import org.sejour.domain.model.shared.Money;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The owner's test bookings (origin TEST), made through the real engine from the booking tests
 * page: listed there, and deleted in one go, their nights and promo codes given back.
 */
@Stateless
public class BookingTestService {

    static final int MAX_LISTED = 200;
    private static final Logger LOG = Logger.getLogger(BookingTestService.class.getName());

    @Inject
    DossierRepository dossiers;

    /** A test booking as the page lists it. */
    public record TestBooking(int number, DossierStatus status, String accommodationName, LocalDate arrival,
                              LocalDate departure, String guestName, Money total, Money paid, String guestToken)
            implements Serializable {
    }

    public List<TestBooking> list(long accountId) {
        return dossiers.ofOrigin(accountId, Origin.TEST, MAX_LISTED).stream()
                .map(d -> new TestBooking(d.number(), d.status(), d.accommodation().name(), d.stay().arrival(),
                        d.stay().departure(), d.guest().displayName(), d.total(), d.totalPaid(), d.guestToken()))
                .toList();
    }

    /**
     * Deletes every test booking of the account, frees their nights and gives back the promo code
     * uses they spent (a single-use code tried in a test is usable again), all in this one
     * transaction; answers how many.
     */
    public int deleteAll(long accountId) {
        int deleted = 0;
        List<Dossier> tests;
        while (!(tests = dossiers.ofOrigin(accountId, Origin.TEST, MAX_LISTED)).isEmpty()) {
            for (Dossier dossier : tests) {
                // a cancelled one gave its nights and its code use back when it was cancelled
                if (dossier.status() != DossierStatus.CANCELLED) {
                    dossiers.releaseNights(dossier);
                    dossier.promoCodeId().ifPresent(dossiers::givePromoCodeBack);
                }
                dossiers.remove(dossier);
                deleted++;
            }
        }
        LOG.log(Level.INFO, "Deleted {0} test bookings of account {1}", new Object[]{deleted, accountId});
        return deleted;
    }
}
