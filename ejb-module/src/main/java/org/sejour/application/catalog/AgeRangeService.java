package org.sejour.application.catalog;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import org.sejour.application.access.Requires;
import org.sejour.domain.model.account.AccountRepository;
import org.sejour.domain.model.account.Permission;
import org.sejour.domain.model.catalog.AgeRangeRepository;
import org.sejour.domain.model.catalog.CatalogAgeRange;
import org.sejour.domain.model.shared.InvalidInputException;
import org.sejour.domain.model.shared.Language;
import org.sejour.domain.model.shared.NotFoundException;
import org.sejour.domain.model.shared.TranslatedText;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Age ranges (tranches d'âges). An account that has none gets Adulte, Enfant and Bébé the
 * first time they are read, so that a new owner can take bookings without configuring them.
 */
@Stateless
public class AgeRangeService {

    private static final Logger LOG = Logger.getLogger(AgeRangeService.class.getName());

    @Inject
    AgeRangeRepository ranges;
    @Inject
    AccountRepository accounts;

    public List<CatalogAgeRange> list(long accountId) {
        List<CatalogAgeRange> existing = ranges.ofAccount(accountId);
        if (!existing.isEmpty()) {
            return existing;
        }
        // a page with three widgets reads a new account's ranges three times at once: the first
        // to hold the account's row creates them, the others then find them
        if (!accounts.lock(accountId)) {
            throw new NotFoundException("account", accountId);
        }
        existing = ranges.ofAccount(accountId);
        if (!existing.isEmpty()) {
            return existing;
        }
        LOG.log(Level.INFO, "Default age ranges created for account {0}", accountId);
        return CatalogAgeRange.defaultsFor(accountId).stream().map(ranges::store).toList();
    }

    /**
     * The ranges as {@link #list} gives them, without storing the defaults of an account that has
     * none yet: for the searches, which may run on the database's read-only replica.
     */
    public List<CatalogAgeRange> listForReading(long accountId) {
        List<CatalogAgeRange> existing = ranges.ofAccount(accountId);
        return existing.isEmpty() ? CatalogAgeRange.defaultsFor(accountId) : existing;
    }

    @Requires(Permission.MANAGE_SETTINGS)
    public CatalogAgeRange create(long accountId, @NotNull String label, int minAge, int maxAge, boolean taxable) {
        return create(accountId, french(label), minAge, maxAge, taxable);
    }

    /** A new range named in French (required: dossiers keep that label) and in any other language. */
    @Requires(Permission.MANAGE_SETTINGS)
    public CatalogAgeRange create(long accountId, @NotNull TranslatedText labels, int minAge, int maxAge,
                                  boolean taxable) {
        List<CatalogAgeRange> existing = list(accountId);
        String label = labels.isFilledIn(Language.FR) ? labels.in(Language.FR) : "";
        requireFreeLabel(existing, label, null);
        CatalogAgeRange range = new CatalogAgeRange(accountId, label, minAge, maxAge, taxable, existing.size());
        range.rename(labels);
        return ranges.store(range);
    }

    @Requires(Permission.MANAGE_SETTINGS)
    public CatalogAgeRange update(long accountId, long ageRangeId, @NotNull String label, int minAge, int maxAge,
                                  boolean taxable) {
        CatalogAgeRange range = get(accountId, ageRangeId);
        TranslatedText labels = range.labels();
        Map<Language, String> renamed = labels.asMap();
        renamed.put(Language.FR, label);
        return update(accountId, ageRangeId, TranslatedText.of(renamed), minAge, maxAge, taxable);
    }

    @Requires(Permission.MANAGE_SETTINGS)
    public CatalogAgeRange update(long accountId, long ageRangeId, @NotNull TranslatedText labels, int minAge,
                                  int maxAge, boolean taxable) {
        CatalogAgeRange range = get(accountId, ageRangeId);
        String label = labels.isFilledIn(Language.FR) ? labels.in(Language.FR) : "";
        requireFreeLabel(ranges.ofAccount(accountId), label, range.id());
        range.redefine(label, minAge, maxAge, taxable, range.position());
        range.rename(labels);
        return range;
    }

    private static TranslatedText french(String label) {
        return TranslatedText.of(label == null ? Map.of() : Map.of(Language.FR, label));
    }

    private static void requireFreeLabel(List<CatalogAgeRange> existing, String label, Long exceptId) {
        String wanted = label.strip().toLowerCase(Locale.ROOT);
        if (existing.stream().anyMatch(r -> !r.id().equals(exceptId)
                && r.label().toLowerCase(Locale.ROOT).equals(wanted))) {
            throw new InvalidInputException("label", "ageRange.label.taken");
        }
    }

    public CatalogAgeRange get(long accountId, long ageRangeId) {
        return ranges.find(accountId, ageRangeId).orElseThrow(() -> new NotFoundException("ageRange", ageRangeId));
    }

    /** Dossiers keep the label and taxability of their party, so removing a range leaves them intact. */
    @Requires(Permission.MANAGE_SETTINGS)
    public void delete(long accountId, long ageRangeId) {
        ranges.remove(get(accountId, ageRangeId));
    }
}
