package org.sejour.it.channels;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.sejour.application.AccommodationService;
import org.sejour.application.AccountService;
import org.sejour.application.CreatedOwner;
import org.sejour.application.OperatorService;
import org.sejour.application.booking.BookingCommand;
import org.sejour.application.booking.BookingService;
import org.sejour.application.booking.StayRequest;
import org.sejour.application.catalog.SalesBanService;
import org.sejour.application.catalog.StockService;
import org.sejour.application.channel.ChannelExportService;
import org.sejour.domain.model.accommodation.AccommodationDetails;
import org.sejour.domain.model.accommodation.AccommodationType;
import org.sejour.domain.model.accommodation.Classification;
import org.sejour.domain.model.accommodation.Visibility;
import org.sejour.domain.model.account.ContactDetails;
import org.sejour.domain.model.dossier.Guest;
import org.sejour.domain.model.dossier.Origin;
import org.sejour.domain.model.shared.Language;
import org.sejour.domain.model.shared.StayPeriod;
import org.sejour.domain.model.shared.TranslatedText;

import javax.sql.DataSource;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Test-only door (in the tests' own web module): a stock-managed accommodation with three
 * units over May and June 2027, two of them on 20–22 May, four weeks booked through the real
 * booking service (three on 1 May, one on 8 May) and sales closed on 5–6 June. Answers the
 * export tokens as properties; the test reads the feeds over HTTP like a platform.
 */
@WebServlet("/fixtures/unit-export")
public class UnitExportFixtureServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final LocalDate MAY_FIRST = LocalDate.of(2027, 5, 1);

    @EJB
    private transient OperatorService operators;
    @EJB
    private transient AccountService accounts;
    @EJB
    private transient AccommodationService accommodations;
    @EJB
    private transient StockService stock;
    @EJB
    private transient BookingService bookings;
    @EJB
    private transient SalesBanService salesBans;
    @EJB
    private transient ChannelExportService exports;
    @Resource(lookup = "jdbc/sejour")
    private transient DataSource dataSource;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // signs in with the password the test sends; contact details given, so no wizard
        String password = request.getParameter("password");
        CreatedOwner owner = operators.createOwner("units-" + UUID.randomUUID().toString().substring(0, 8)
                + "@example.test", password == null ? "Pw-" + UUID.randomUUID() + "!" : password, false);
        accounts.updateContactDetails(owner.accountId(), new ContactDetails(null, "Camille", "Rousseau",
                owner.login(), "+33 4 50 00 00 00", null, "1 quai du Lac", "74000", "Annecy", "FR", null));
        long rooms = accommodation(owner.accountId(), "Chambres du Lac", true);
        long gite = accommodation(owner.accountId(), "Gîte du Lac", false);
        stock.setUnits(owner.accountId(), rooms, MAY_FIRST, LocalDate.of(2027, 6, 30), 3);
        stock.setUnits(owner.accountId(), rooms, LocalDate.of(2027, 5, 20), LocalDate.of(2027, 5, 22), 2);
        for (String guest : List.of("Martin", "Durand", "Petit")) {
            book(owner.accountId(), rooms, MAY_FIRST, guest);
        }
        book(owner.accountId(), rooms, MAY_FIRST.plusWeeks(1), "Moreau");
        salesBans.close(owner.accountId(), rooms, LocalDate.of(2027, 6, 5), LocalDate.of(2027, 6, 6));

        StringBuilder answer = new StringBuilder("accommodation=")
                .append(exports.exportToken(owner.accountId(), rooms)).append('\n');
        List<String> units = exports.unitExportTokens(owner.accountId(), rooms);
        for (int unit = 1; unit <= units.size(); unit++) {
            answer.append("unit").append(unit).append('=').append(units.get(unit - 1)).append('\n');
        }
        answer.append("units=").append(units.size()).append('\n');
        answer.append("giteUnits=").append(exports.unitExportTokens(owner.accountId(), gite).size()).append('\n');
        answer.append("login=").append(owner.login()).append('\n');
        answer.append("account=").append(owner.accountId()).append("\nrooms=").append(rooms).append('\n');
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(answer.toString());
    }

    private long accommodation(long accountId, String name, boolean stockManaged) {
        long id = accommodations.create(accountId, new AccommodationDetails(name, stockManaged, AccommodationType.GITE,
                Classification.TWO_STARS, null, "1 chemin", "74000", "Annecy", null, null, 1, 6, null, null, null,
                null, Visibility.BOOKABLE, TranslatedText.empty(), Set.of())).id();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "insert into rate (account_id, accommodation_id, nights, arrival_days, price) values (?, ?, 7, 32, ?) "
                        + "returning id")) {
            s.setLong(1, accountId);
            s.setLong(2, id);
            s.setBigDecimal(3, new BigDecimal("500.00"));
            try (ResultSet r = s.executeQuery(); PreparedStatement p = c.prepareStatement(
                    "insert into rate_period (rate_id, first_day, last_day) values (?, ?, ?)")) {
                r.next();
                p.setLong(1, r.getLong(1));
                p.setObject(2, MAY_FIRST);
                p.setObject(3, LocalDate.of(2027, 6, 30));
                p.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return id;
    }

    private void book(long accountId, long accommodationId, LocalDate arrival, String lastName) {
        StayRequest stay = new StayRequest(accommodationId, StayPeriod.of(arrival, 7), Map.of("Adulte", 2), Map.of(),
                Optional.empty(), Language.FR);
        bookings.book(accountId, new BookingCommand(stay, new Guest("Claude", lastName, "claude@example.test",
                "+33 6 00 00 00 00", null, null, null, "FR", Language.FR), Origin.PHONE, null, false), null, "owner");
    }
}
