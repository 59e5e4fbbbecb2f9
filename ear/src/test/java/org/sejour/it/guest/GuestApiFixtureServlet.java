package org.sejour.it.guest;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.sejour.application.channel.ChannelExportService;
import org.sejour.application.AccommodationService;
import org.sejour.application.AccountService;
import org.sejour.application.CreatedOwner;
import org.sejour.application.OperatorService;
import org.sejour.domain.model.account.AccountMode;
import org.sejour.domain.model.account.ContactDetails;
import org.sejour.domain.model.accommodation.AccommodationDetails;
import org.sejour.domain.model.accommodation.AccommodationType;
import org.sejour.domain.model.accommodation.Amenity;
import org.sejour.domain.model.accommodation.Classification;
import org.sejour.domain.model.accommodation.Visibility;
import org.sejour.domain.model.shared.Language;
import org.sejour.domain.model.shared.TranslatedText;
import org.sejour.it.fixtures.DossierFixtures;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;

/**
 * Test-only door (in the tests' own web module, never shipped) that builds an owner for the
 * public API tests through the real services: a gîte bookable online with a weekly rate over
 * May–June 2027, a hidden one, an optional supplement, a promo code and a single-use one, a declared website; the
 * account in production unless {@code mode=TEST}. Answers ids as properties.
 */
@WebServlet("/fixtures/guest-api")
public class GuestApiFixtureServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    DossierFixtures fixtures;
    @EJB
    OperatorService operators;
    @EJB
    AccountService accounts;
    @EJB
    AccommodationService accommodations;
    @EJB
    ChannelExportService exports;
    @Resource(lookup = "jdbc/sejour")
    DataSource dataSource;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        CreatedOwner owner = fixtures.owner(request.getParameter("prefix"), "Secret-123-pass");
        accounts.updateContactDetails(owner.accountId(), new ContactDetails("Gîtes Rousseau", "Camille", "Rousseau",
                owner.login(), "+33 4 92 00 00 00", null, "12 chemin des Alpages", "05000", "Gap", "FR",
                request.getParameter("website")));
        long gite = fixtures.gite(owner.accountId(), "Gîte les Lauriers", "800.00");
        accommodations.update(owner.accountId(), gite, new AccommodationDetails("Gîte les Lauriers", false,
                AccommodationType.GITE, Classification.TWO_STARS, null, "1 chemin", "05000", "Gap", null, null, 1, 6,
                null, null, null, null, Visibility.BOOKABLE, TranslatedText.of(Map.of(Language.FR,
                "Une maison au calme.", Language.EN, "A quiet house.")), Set.of(Amenity.GARDEN, Amenity.PARKING)));
        long hidden = accommodations.create(owner.accountId(), new AccommodationDetails("Chalet caché", false,
                AccommodationType.CHALET, Classification.NON_CLASSE, null, "2 chemin", "05000", "Gap", null, null, 1, 4,
                null, null, null, null, Visibility.HIDDEN, TranslatedText.empty(), Set.of())).id();
        long cleaning = insert("insert into supplement (account_id, mandatory, pricing, amount, max_quantity) "
                + "values (?, false, 'FIXED', 60.00, 1) returning id", owner.accountId());
        insert("insert into supplement_text (supplement_id, lang, label) values (?, 'fr', 'Ménage'), "
                + "(?, 'en', 'Cleaning') returning supplement_id", cleaning, cleaning);
        fixtures.promoCode(owner.accountId(), "NOEL25", 25);
        insert("insert into promo_code (account_id, code, internal_label, public_label, single_use, valid_from, valid_to, "
                + "percent) values (?, 'UNIQUE10', 'UNIQUE10', 'UNIQUE10', true, current_date - 1, current_date + 60, 10) "
                + "returning id", owner.accountId());
        if (!"TEST".equals(request.getParameter("mode"))) {
            operators.switchMode(owner.accountId(), AccountMode.PRODUCTION);
            // these owners' guests pay through the offline provider: the operator's demo switch
            operators.allowDemoPayments(owner.accountId(), true);
        }
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write("number=" + owner.accountNumber() + "\naccountId=" + owner.accountId() + "\ngite="
                + gite + "\nhidden=" + hidden + "\ncleaning=" + cleaning + "\nlogin=" + owner.login() + "\nical=" + exports.exportToken(owner.accountId(), gite) + "\n");
    }

    private long insert(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
