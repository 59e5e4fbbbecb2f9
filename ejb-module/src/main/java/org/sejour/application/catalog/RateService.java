package org.sejour.application.catalog;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.sejour.application.access.Requires;
import org.sejour.domain.model.account.Permission;
import org.sejour.domain.model.catalog.CatalogRate;
import org.sejour.domain.model.catalog.DayPeriod;
import org.sejour.domain.model.catalog.RateRepository;
import org.sejour.domain.model.shared.InvalidInputException;
import org.sejour.domain.model.shared.NotFoundException;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The rates (tarifs) of an owner's accommodations, entered period by period. */
@Stateless
public class RateService {

    private static final Logger LOG = Logger.getLogger(RateService.class.getName());

    @Inject
    CatalogAccess access;
    @Inject
    RateRepository rates;

    @Requires(Permission.CHANGE_PLANNING)
    public CatalogRate create(long accountId, long accommodationId,
                              @NotEmpty(message = "{rate.periods.required}") List<DayPeriod> periods, int nights,
                              @NotEmpty(message = "{rate.arrivalDays.required}") Set<DayOfWeek> arrivalDays,
                              @NotNull(message = "{rate.price.invalid}") BigDecimal price,
                              @NotNull Optional<CatalogRate.Discount> discount) {
        access.accommodation(accountId, accommodationId);
        CatalogRate rate = rates.store(new CatalogRate(accountId, accommodationId, periods, nights, arrivalDays,
                price, discount, Instant.now()));
        LOG.log(Level.INFO, "Rate {0} created for accommodation {1}", new Object[] {rate.id(), accommodationId});
        return rate;
    }

    public CatalogRate get(long accountId, long rateId) {
        return rates.find(accountId, rateId).orElseThrow(() -> new NotFoundException("rate", rateId));
    }

    /** The accommodation's rates with a period sharing at least a day with {@code first … last}. */
    public List<CatalogRate> overlapping(long accountId, long accommodationId, @NotNull LocalDate first,
                                         @NotNull LocalDate last) {
        if (last.isBefore(first)) {
            throw new InvalidInputException("period", "period.order");
        }
        access.accommodation(accountId, accommodationId);
        return rates.overlapping(accountId, accommodationId, first, last);
    }

    @Requires(Permission.CHANGE_PLANNING)
    public CatalogRate reprice(long accountId, long rateId, @NotNull BigDecimal price,
                               @NotNull Optional<CatalogRate.Discount> discount) {
        CatalogRate rate = get(accountId, rateId);
        rate.reprice(price, discount);
        return rate;
    }

    /**
     * Changes a rate as a whole (periods, length, weekdays, price, remise). Dossiers already
     * booked keep the price they agreed; what is quoted, booked or changed from now on is priced
     * by the rate as it now is (the pricing cache follows at once: docs/booking-engine.md).
     */
    @Requires(Permission.CHANGE_PLANNING)
    public CatalogRate redefine(long accountId, long rateId,
                                @NotEmpty(message = "{rate.periods.required}") List<DayPeriod> periods, int nights,
                                @NotEmpty(message = "{rate.arrivalDays.required}") Set<DayOfWeek> arrivalDays,
                                @NotNull(message = "{rate.price.invalid}") BigDecimal price,
                                @NotNull Optional<CatalogRate.Discount> discount) {
        CatalogRate rate = get(accountId, rateId);
        rate.redefine(periods, nights, arrivalDays, price, discount);
        LOG.log(Level.INFO, "Rate {0} changed", rateId);
        return rate;
    }

    @Requires(Permission.CHANGE_PLANNING)
    public void delete(long accountId, long rateId) {
        rates.remove(get(accountId, rateId));
    }
}
