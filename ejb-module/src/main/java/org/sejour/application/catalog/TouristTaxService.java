package org.sejour.application.catalog;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.sejour.application.access.Requires;
import org.sejour.domain.model.account.Permission;
import org.sejour.domain.model.catalog.AccommodationTouristTax;
import org.sejour.domain.model.catalog.TouristTaxRepository;

import java.math.BigDecimal;
import java.util.Optional;

/** The tourist tax an owner collects for an accommodation; none configured means no tax line. */
@Stateless
public class TouristTaxService {

    @Inject
    CatalogAccess access;
    @Inject
    TouristTaxRepository taxes;

    public Optional<AccommodationTouristTax> find(long accountId, long accommodationId) {
        access.accommodation(accountId, accommodationId);
        return taxes.find(accommodationId);
    }

    @Requires(Permission.MANAGE_SETTINGS)
    public AccommodationTouristTax chargePerAdultNight(long accountId, long accommodationId, BigDecimal amount,
                                                       BigDecimal surchargePercent) {
        access.accommodation(accountId, accommodationId);
        Optional<AccommodationTouristTax> existing = taxes.find(accommodationId);
        existing.ifPresent(tax -> tax.chargePerAdultNight(amount, surchargePercent));
        return existing.orElseGet(() -> taxes.store(
                AccommodationTouristTax.fixedPerAdultNight(accommodationId, amount, surchargePercent)));
    }

    @Requires(Permission.MANAGE_SETTINGS)
    public AccommodationTouristTax chargePercentUnclassified(long accountId, long accommodationId, BigDecimal percent,
                                                             BigDecimal ceiling, BigDecimal surchargePercent) {
        access.accommodation(accountId, accommodationId);
        Optional<AccommodationTouristTax> existing = taxes.find(accommodationId);
        existing.ifPresent(tax -> tax.chargePercentUnclassified(percent, ceiling, surchargePercent));
        return existing.orElseGet(() -> taxes.store(
                AccommodationTouristTax.percentUnclassified(accommodationId, percent, ceiling, surchargePercent)));
    }

    /** Stops collecting the tax for that accommodation. */
    @Requires(Permission.MANAGE_SETTINGS)
    public void remove(long accountId, long accommodationId) {
        access.accommodation(accountId, accommodationId);
        taxes.find(accommodationId).ifPresent(taxes::remove);
    }
}
