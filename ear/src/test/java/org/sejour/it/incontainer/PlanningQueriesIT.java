package org.sejour.it.incontainer;

import jakarta.ejb.EJB;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sejour.application.AccommodationService;
import org.sejour.application.OperatorService;
import org.sejour.application.booking.BookingCommand;
import org.sejour.application.booking.BookingService;
import org.sejour.application.booking.DossierService;
import org.sejour.application.booking.StayRequest;
import org.sejour.application.catalog.RateService;
import org.sejour.application.catalog.SalesBanService;
import org.sejour.application.catalog.StockService;
import org.sejour.application.planning.PlanningQueries;
import org.sejour.application.planning.PlanningView;
import org.sejour.application.planning.PlanningView.AccommodationPlan;
import org.sejour.application.planning.PlanningView.BookingSpan;
import org.sejour.application.planning.PlanningView.RateSpan;
import org.sejour.application.planning.PlanningView.StockNight;
import org.sejour.domain.model.accommodation.AccommodationDetails;
import org.sejour.domain.model.accommodation.AccommodationType;
import org.sejour.domain.model.accommodation.Classification;
import org.sejour.domain.model.accommodation.Visibility;
import org.sejour.domain.model.catalog.DayPeriod;
import org.sejour.domain.model.dossier.Dossier;
import org.sejour.domain.model.dossier.DossierStatus;
import org.sejour.domain.model.dossier.Guest;
import org.sejour.domain.model.dossier.Origin;
import org.sejour.domain.model.shared.InvalidInputException;
import org.sejour.domain.model.shared.Language;
import org.sejour.domain.model.shared.StayPeriod;
import org.sejour.domain.model.shared.TranslatedText;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The planning's read side on PostgreSQL, with data built through the real services. */
@ExtendWith(ArquillianExtension.class)
public class PlanningQueriesIT {

    // Saturday 1 May 2027; the planning shows Monday 3 … Sunday 30 May (28 days)
    static final LocalDate MAY_FIRST = LocalDate.of(2027, 5, 1);
    static final LocalDate FIRST = LocalDate.of(2027, 5, 3);
    static final LocalDate LAST = LocalDate.of(2027, 5, 30);

    @EJB
    OperatorService operators;
    @EJB
    AccommodationService accommodations;
    @EJB
    RateService rates;
    @EJB
    StockService stock;
    @EJB
    SalesBanService bans;
    @EJB
    BookingService bookings;
    @EJB
    DossierService dossiers;
    @EJB
    PlanningQueries planning;

    private long newOwner() {
        return operators.createOwner("plan-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test")
                .accountId();
    }

    private long accommodation(long accountId, String name, boolean stockManaged) {
        return accommodations.create(accountId, new AccommodationDetails(name, stockManaged, AccommodationType.GITE,
                Classification.TWO_STARS, null, "1 chemin des Prés", "05000", "Gap", null, null, 1, 6, null, null,
                null, null, Visibility.BOOKABLE, TranslatedText.empty(), Set.of())).id();
    }

    /** The tutorial's rate: a week from Saturday to Saturday, May 2027. */
    private void saturdayWeeks(long accountId, long accommodationId, String price) {
        rates.create(accountId, accommodationId, List.of(new DayPeriod(MAY_FIRST, LocalDate.of(2027, 6, 1))), 7,
                Set.of(DayOfWeek.SATURDAY), new BigDecimal(price), Optional.empty());
    }

    private Dossier book(long accountId, long accommodationId, LocalDate arrival, String lastName, boolean confirmed) {
        return bookings.book(accountId, new BookingCommand(new StayRequest(accommodationId, StayPeriod.of(arrival, 7),
                Map.of("Adulte", 2), Map.of(), Optional.empty(), Language.FR), new Guest("Claude", lastName,
                "claude@example.test", "+33 6 00 00 00 00", null, null, null, "FR", Language.FR), Origin.PHONE, null,
                confirmed), null, "owner");
    }

    private static AccommodationPlan plan(PlanningView view, long accommodationId) {
        return view.accommodations().stream().filter(p -> p.id() == accommodationId).findFirst()
                .orElseThrow(() -> new AssertionError("no block for accommodation " + accommodationId));
    }

    @Test
    void theRangeShowsStaysRatesStockAndClosedNights() {
        long owner = newOwner();
        long gite = accommodation(owner, "Gîte les Lauriers", false);
        long flats = accommodation(owner, "Appartements", true);
        saturdayWeeks(owner, gite, "500.00");
        rates.create(owner, gite, List.of(new DayPeriod(LocalDate.of(2027, 9, 4), LocalDate.of(2027, 9, 25))), 7,
                Set.of(DayOfWeek.SATURDAY), new BigDecimal("450.00"), Optional.empty());
        saturdayWeeks(owner, flats, "300.00");
        stock.setUnits(owner, flats, MAY_FIRST, LocalDate.of(2027, 6, 30), 2);
        bans.close(owner, gite, LocalDate.of(2027, 5, 20), LocalDate.of(2027, 5, 22));
        bans.close(owner, gite, LocalDate.of(2027, 8, 1), LocalDate.of(2027, 8, 7));

        Dossier martin = book(owner, gite, MAY_FIRST, "Martin", true);            // starts before the range
        Dossier petit = book(owner, gite, MAY_FIRST.plusWeeks(1), "Petit", false);
        dossiers.cancel(owner, petit.id(), "owner", "changed plans");             // cancelled: not shown
        Dossier durand = book(owner, flats, MAY_FIRST.plusWeeks(1), "Durand", false);

        PlanningView view = planning.load(owner, FIRST, LAST);
        assertEquals(FIRST, view.first());
        assertEquals(LAST, view.last());
        assertEquals(List.of(gite, flats), view.accommodations().stream().map(AccommodationPlan::id).toList(),
                "the owner's accommodations in their order");

        AccommodationPlan gitePlan = plan(view, gite);
        assertEquals("Gîte les Lauriers", gitePlan.name());
        assertEquals(Visibility.BOOKABLE, gitePlan.visibility());
        assertTrue(gitePlan.reference().endsWith("-1"), gitePlan.reference());
        assertEquals(List.of(new BookingSpan(martin.id(), martin.number(), DossierStatus.CONFIRMED, "MARTIN Claude",
                MAY_FIRST, MAY_FIRST.plusDays(7))), gitePlan.bookings());
        assertEquals(1, gitePlan.rates().size(), "September's rate is outside the range");
        RateSpan rate = gitePlan.rates().get(0);
        assertEquals(MAY_FIRST, rate.firstDay());
        assertEquals(LocalDate.of(2027, 6, 1), rate.lastDay());
        assertEquals(7, rate.nights());
        assertEquals(Set.of(DayOfWeek.SATURDAY), rate.arrivalDays());
        assertEquals(0, new BigDecimal("500.00").compareTo(rate.price()));
        assertEquals(1, gitePlan.salesBans().size(), "August's ban is outside the range");
        assertEquals(LocalDate.of(2027, 5, 20), gitePlan.salesBans().get(0).firstNight());
        assertEquals(LocalDate.of(2027, 5, 22), gitePlan.salesBans().get(0).lastNight());

        AccommodationPlan flatsPlan = plan(view, flats);
        assertTrue(flatsPlan.stockManaged());
        assertEquals(List.of("DURAND Claude"), flatsPlan.bookings().stream().map(BookingSpan::guestName).toList());
        assertEquals(DossierStatus.OPTION, flatsPlan.bookings().get(0).status());
        assertEquals(durand.id(), flatsPlan.bookings().get(0).dossierId());
        assertEquals(28, flatsPlan.stock().size(), "one row per night of the range, none outside");
        assertEquals(FIRST, flatsPlan.stock().get(0).night());
        assertEquals(LAST, flatsPlan.stock().get(27).night());
        for (StockNight night : flatsPlan.stock()) {
            boolean booked = !night.night().isBefore(MAY_FIRST.plusWeeks(1)) && night.night().isBefore(MAY_FIRST.plusWeeks(2));
            assertEquals(2, night.units(), night.toString());
            assertEquals(booked ? 1 : 0, night.sold(), night.toString());
            assertEquals(booked ? 1 : 2, night.remaining(), night.toString());
        }

        PlanningView june = planning.load(owner, LocalDate.of(2027, 6, 7), LocalDate.of(2027, 7, 4));
        AccommodationPlan giteInJune = plan(june, gite);
        assertTrue(giteInJune.bookings().isEmpty());
        assertTrue(giteInJune.rates().isEmpty(), "the May rate ends on 1 June");
        assertTrue(giteInJune.salesBans().isEmpty());
        assertEquals(24, plan(june, flats).stock().size(), "stock set up to 30 June");
    }

    @Test
    void anotherOwnersAccommodationsNeverAppear() {
        long owner = newOwner();
        long other = newOwner();
        long mine = accommodation(owner, "Le studio parisien", false);
        long theirs = accommodation(other, "Le studio lyonnais", true);
        saturdayWeeks(other, theirs, "700.00");
        stock.setUnits(other, theirs, MAY_FIRST, LAST, 3);
        bans.close(other, theirs, LAST, LAST);
        Dossier theirBooking = book(other, theirs, MAY_FIRST, "Lyon", true);

        PlanningView view = planning.load(owner, FIRST, LAST);
        assertEquals(List.of(mine), view.accommodations().stream().map(AccommodationPlan::id).toList());
        AccommodationPlan plan = view.accommodations().get(0);
        assertTrue(plan.bookings().isEmpty() && plan.rates().isEmpty() && plan.stock().isEmpty()
                && plan.salesBans().isEmpty(), plan.toString());

        PlanningView theirView = planning.load(other, FIRST, LAST);
        assertEquals(List.of(theirs), theirView.accommodations().stream().map(AccommodationPlan::id).toList());
        assertEquals(theirBooking.id(), theirView.accommodations().get(0).bookings().get(0).dossierId());
    }

    @Test
    void aReversedOrTooLongRangeIsRefused() {
        long owner = newOwner();
        InvalidInputException reversed = assertThrows(InvalidInputException.class,
                () -> planning.load(owner, LAST, FIRST));
        assertEquals("period.order", reversed.violations().get(0).messageKey());
        InvalidInputException tooLong = assertThrows(InvalidInputException.class,
                () -> planning.load(owner, FIRST, FIRST.plusDays(PlanningQueries.MAX_DAYS)));
        assertEquals("planning.range.tooLong", tooLong.violations().get(0).messageKey());
    }
}
