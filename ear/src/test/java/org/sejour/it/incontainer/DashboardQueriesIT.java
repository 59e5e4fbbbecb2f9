package org.sejour.it.incontainer;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sejour.application.AccommodationService;
import org.sejour.application.CreatedOwner;
import org.sejour.application.OperatorService;
import org.sejour.application.booking.BookingCommand;
import org.sejour.application.booking.BookingService;
import org.sejour.application.booking.BusinessCalendar;
import org.sejour.application.booking.DossierService;
import org.sejour.application.booking.StayRequest;
import org.sejour.application.catalog.RateService;
import org.sejour.application.dashboard.DashboardFigures;
import org.sejour.application.dashboard.DashboardQueries;
import org.sejour.application.dashboard.NewBookings;
import org.sejour.domain.model.accommodation.AccommodationDetails;
import org.sejour.domain.model.accommodation.AccommodationType;
import org.sejour.domain.model.accommodation.Classification;
import org.sejour.domain.model.accommodation.Visibility;
import org.sejour.domain.model.catalog.DayPeriod;
import org.sejour.domain.model.dossier.Dossier;
import org.sejour.domain.model.dossier.Guest;
import org.sejour.domain.model.dossier.Origin;
import org.sejour.domain.model.dossier.PaymentKind;
import org.sejour.domain.model.shared.Language;
import org.sejour.domain.model.shared.Money;
import org.sejour.domain.model.shared.StayPeriod;
import org.sejour.domain.model.shared.TranslatedText;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dashboard's figures and the new-bookings badge, from dossiers booked through the engine. */
@ExtendWith(ArquillianExtension.class)
public class DashboardQueriesIT {

    @EJB
    OperatorService operators;
    @EJB
    AccommodationService accommodations;
    @EJB
    RateService rates;
    @EJB
    BookingService bookings;
    @EJB
    DossierService dossiers;
    @EJB
    DashboardQueries queries;
    @EJB
    NewBookings newBookings;
    @Resource(lookup = "jdbc/sejour")
    DataSource dataSource;

    private final LocalDate today = BusinessCalendar.today(Clock.systemUTC());

    record Owner(long accountId, long userId, long accommodationId) {
    }

    /** An owner whose gîte rents by the week, any arrival day: 500.00 for the next ten days, 800.00 after. */
    private Owner owner() throws SQLException {
        CreatedOwner created = operators.createOwner("dash-" + UUID.randomUUID().toString().substring(0, 8)
                + "@example.test");
        long gite = accommodations.create(created.accountId(), new AccommodationDetails("Gîte des Tilleuls", false,
                AccommodationType.GITE, Classification.TWO_STARS, null, "2 rue Haute", "05000", "Gap", null, null, 1,
                6, null, null, null, null, Visibility.BOOKABLE, TranslatedText.empty(), Set.of())).id();
        Set<DayOfWeek> everyDay = EnumSet.allOf(DayOfWeek.class);
        rates.create(created.accountId(), gite, List.of(new DayPeriod(today, today.plusDays(9))), 7, everyDay,
                new BigDecimal("500.00"), Optional.empty());
        rates.create(created.accountId(), gite, List.of(new DayPeriod(today.plusDays(10), today.plusDays(60))), 7,
                everyDay, new BigDecimal("800.00"), Optional.empty());
        return new Owner(created.accountId(), userId(created.login()), gite);
    }

    private Dossier book(Owner owner, LocalDate arrival, Origin origin, String guest) {
        StayRequest stay = new StayRequest(owner.accommodationId(), StayPeriod.of(arrival, 7), Map.of("Adulte", 2),
                Map.of(), Optional.empty(), Language.FR);
        return bookings.book(owner.accountId(), new BookingCommand(stay, new Guest("Claude", guest,
                "claude@example.test", null, null, null, null, "FR", Language.FR), origin, null, false), null, "test");
    }

    @Test
    void figuresCountTheAccountsOwnDossiersByPeriodOriginAndDeadline() throws SQLException {
        Owner owner = owner();
        Dossier arrivingSoon = book(owner, today.plusDays(3), Origin.PHONE, "Martin");
        Dossier lastMonth = book(owner, today.plusDays(10), Origin.WIDGET, "Durand");
        Dossier earlier = book(owner, today.plusDays(17), Origin.PHONE, "Petit");
        Dossier cancelled = book(owner, today.plusDays(24), Origin.PHONE, "Leroy");
        assertEquals(Money.of("500.00"), arrivingSoon.total());
        assertEquals(Money.of("800.00"), lastMonth.total());
        dossiers.cancel(owner.accountId(), cancelled.id(), "test", "changed plans");
        Instant twentyDaysAgo = backdate(lastMonth.id(), 20);
        Instant ninetyDaysAgo = backdate(earlier.id(), 90);
        // the deposit of the stay arriving in three days is paid: its balance is due now (30 days before arrival)
        dossiers.recordPayment(owner.accountId(), arrivingSoon.id(), PaymentKind.DEPOSIT, today, Money.of("150.00"),
                "virement", null, null, "test");
        Owner other = owner();
        book(other, today.plusDays(3), Origin.CHANNEL, "Autre");

        DashboardFigures figures = queries.figures(owner.accountId(), today);

        assertEquals(1, figures.bookingsToday());
        assertEquals(new DashboardFigures.Activity(1, Money.of("500.00")), figures.last7Days());
        assertEquals(new DashboardFigures.Activity(2, Money.of("1300.00")), figures.last30Days());
        assertEquals(new DashboardFigures.Activity(3, Money.of("2100.00")), figures.last12Months());

        assertEquals(12, figures.revenueByMonth().size());
        assertEquals(YearMonth.from(today), figures.revenueByMonth().get(11).month());
        Map<YearMonth, Money> expected = new HashMap<>();
        expected.merge(YearMonth.from(today), Money.of("500.00"), Money::plus);
        expected.merge(monthOf(twentyDaysAgo), Money.of("800.00"), Money::plus);
        expected.merge(monthOf(ninetyDaysAgo), Money.of("800.00"), Money::plus);
        for (DashboardFigures.MonthRevenue month : figures.revenueByMonth()) {
            assertEquals(expected.getOrDefault(month.month(), Money.ZERO), month.revenue(), month.month().toString());
        }

        assertEquals(List.of(new DashboardFigures.OriginCount(Origin.PHONE, 2),
                new DashboardFigures.OriginCount(Origin.WIDGET, 1)), figures.origins());

        // 30 % deposits, due at once: the stays start in less than the 30-day balance deadline
        assertEquals(List.of(new DashboardFigures.Reminder(lastMonth.id(), lastMonth.number(), "DURAND Claude",
                        Money.of("240.00"), today, false),
                new DashboardFigures.Reminder(earlier.id(), earlier.number(), "PETIT Claude", Money.of("240.00"),
                        today, false)), figures.awaitingDeposit());
        assertEquals(List.of(new DashboardFigures.Reminder(arrivingSoon.id(), arrivingSoon.number(), "MARTIN Claude",
                Money.of("350.00"), today, false)), figures.awaitingBalance());

        assertEquals(List.of(new DashboardFigures.Movement(arrivingSoon.id(), arrivingSoon.number(), "MARTIN Claude",
                "Gîte des Tilleuls", today.plusDays(3))), figures.arrivals());
        assertTrue(figures.departures().isEmpty(), "the first departure is in ten days");

        DashboardFigures others = queries.figures(other.accountId(), today);
        assertEquals(new DashboardFigures.Activity(1, Money.of("500.00")), others.last12Months());
        assertEquals(List.of(new DashboardFigures.OriginCount(Origin.CHANNEL, 1)), others.origins());
    }

    @Test
    void theBadgeCountsWhatIsNewToTheUserAndOpeningTheListResetsIt() throws SQLException {
        Owner owner = owner();
        Owner other = owner();
        assertEquals(0, newBookings.count(owner.accountId(), owner.userId()));
        Dossier first = book(owner, today.plusDays(3), Origin.PHONE, "Martin");
        Dossier second = book(owner, today.plusDays(10), Origin.WIDGET, "Durand");
        book(other, today.plusDays(3), Origin.PHONE, "Autre");
        assertEquals(2, newBookings.count(owner.accountId(), owner.userId()));

        List<NewBookings.NewBooking> listed = newBookings.openList(owner.accountId(), owner.userId());
        assertEquals(List.of(second.id(), first.id()), listed.stream().map(NewBookings.NewBooking::dossierId).toList(),
                "newest first, the other owner's dossier not among them");
        assertEquals(Money.of("800.00"), listed.get(0).total());
        assertEquals(0, newBookings.count(owner.accountId(), owner.userId()));
        assertTrue(newBookings.openList(owner.accountId(), owner.userId()).isEmpty());

        Dossier third = book(owner, today.plusDays(17), Origin.PHONE, "Petit");
        assertEquals(1, newBookings.count(owner.accountId(), owner.userId()));
        assertEquals(third.id(), newBookings.openList(owner.accountId(), owner.userId()).get(0).dossierId());

        // a user asking with another account's id sees nothing of it, and marks nothing
        assertEquals(0, newBookings.count(other.accountId(), owner.userId()));
        assertTrue(newBookings.openList(other.accountId(), owner.userId()).isEmpty());
        assertEquals(1, newBookings.count(other.accountId(), other.userId()));
        assertFalse(newBookings.openList(other.accountId(), other.userId()).isEmpty());
    }

    private YearMonth monthOf(Instant instant) {
        return YearMonth.from(instant.atZone(BusinessCalendar.ZONE));
    }

    /** Moves a dossier's creation back in time, as if booked {@code days} ago; answers the new instant. */
    private Instant backdate(long dossierId, int days) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "update dossier set created_at = created_at - make_interval(days => ?) where id = ? returning created_at")) {
            s.setInt(1, days);
            s.setLong(2, dossierId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getTimestamp(1).toInstant();
            }
        }
    }

    private long userId(String login) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select id from app_user where login = ?")) {
            s.setString(1, login);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
