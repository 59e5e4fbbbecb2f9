package org.sejour.infrastructure.bootstrap;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sejour.application.AccommodationService;
import org.sejour.application.AccountService;
import org.sejour.application.CreatedOwner;
import org.sejour.application.OperatorService;
import org.sejour.domain.model.accommodation.AccommodationDetails;
import org.sejour.domain.model.accommodation.AccommodationType;
import org.sejour.domain.model.accommodation.Amenity;
import org.sejour.domain.model.accommodation.Classification;
import org.sejour.domain.model.accommodation.GpsPosition;
import org.sejour.domain.model.accommodation.Orientation;
import org.sejour.domain.model.accommodation.Visibility;
import org.sejour.domain.model.account.ContactDetails;
import org.sejour.domain.model.account.UserAccountRepository;
import org.sejour.domain.model.shared.Language;
import org.sejour.domain.model.shared.TranslatedText;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Creates the first operator and, where asked, a demo owner with one accommodation. The
 * passwords come from the server configuration (set by server-config from a file under
 * var/ that it generates), never from this code; an existing login is left untouched. The
 * members of a Deployment Group start at the same moment on a new database: each seeds under one
 * transaction-scoped lock, so the second finds what the first created instead of failing on it.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
public class Bootstrap {

    private static final Logger LOG = Logger.getLogger(Bootstrap.class.getName());

    @Inject
    @ConfigProperty(name = "sejour.bootstrap.operator-login", defaultValue = "operator")
    String operatorLogin;
    @Inject
    @ConfigProperty(name = "sejour.bootstrap.operator-password")
    Optional<String> operatorPassword;
    @Inject
    @ConfigProperty(name = "sejour.bootstrap.demo-login", defaultValue = "demo@sejour.test")
    String demoLogin;
    @Inject
    @ConfigProperty(name = "sejour.bootstrap.demo-password")
    Optional<String> demoPassword;

    @Inject
    UserAccountRepository users;
    @EJB
    OperatorService operators;
    @EJB
    AccountService accounts;
    @EJB
    AccommodationService accommodations;
    @PersistenceContext(unitName = "sejour")
    EntityManager em;

    /** The advisory lock's key: "sejour-" in ASCII, a number of Séjour's own. */
    private static final long LOCK = 0x73656a6f75722dL;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    void seed() {
        em.createNativeQuery("select 1 from (select pg_advisory_xact_lock(?1)) locked").setParameter(1, LOCK)
                .getSingleResult();
        operatorPassword.filter(p -> !p.isBlank()).ifPresent(password -> {
            if (users.findByLogin(operatorLogin).isEmpty()) {
                operators.createOperator(operatorLogin, password);
                LOG.log(Level.INFO, "Operator {0} created", operatorLogin);
            }
        });
        demoPassword.filter(p -> !p.isBlank()).ifPresent(password -> {
            if (users.findByLogin(demoLogin).isEmpty()) {
                seedDemoOwner(password);
            }
        });
    }

    private void seedDemoOwner(String password) {
        CreatedOwner demo = operators.createOwner(demoLogin, password, false);
        accounts.updateContactDetails(demo.accountId(), new ContactDetails("Gîtes du Val", "Claude", "Martin",
                demoLogin, "+33 4 76 00 00 00", null, "12 chemin des Prés", "38000", "Grenoble", "FR", null));
        accommodations.create(demo.accountId(), new AccommodationDetails("Le studio parisien", false,
                AccommodationType.STUDIO, Classification.TWO_STARS, null, "3 rue des Martyrs", "75009", "Paris",
                new GpsPosition(new BigDecimal("48.878300"), new BigDecimal("2.340000")), null, 1, 4,
                new BigDecimal("28"), 3, Orientation.SOUTH, new BigDecimal("300.00"), Visibility.BOOKABLE,
                TranslatedText.of(Map.of(
                        Language.FR, "Studio lumineux au cœur de Montmartre, à deux pas des commerces.",
                        Language.EN, "Bright studio in the heart of Montmartre, close to the shops.")),
                Set.of(Amenity.INTERNET, Amenity.TV, Amenity.WASHING_MACHINE)));
        LOG.log(Level.INFO, "Demo owner {0} created (account {1})", new Object[]{demoLogin, demo.accountNumber()});
    }
}
