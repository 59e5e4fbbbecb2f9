package org.sejour.application.catalog;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import org.sejour.application.access.Requires;
import org.sejour.domain.model.accommodation.Accommodation;
import org.sejour.domain.model.account.Permission;
import org.sejour.domain.model.catalog.NightStock;
import org.sejour.domain.model.catalog.NightStockRepository;
import org.sejour.domain.model.shared.InvalidInputException;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Units for sale per night. Bookings change "sold" in SQL; this service only sets "units",
 * and never below what is already sold.
 */
@Stateless
public class StockService {

    /** Two years of nights in one call: a season or a year at a time, as on the planning. */
    public static final int MAX_NIGHTS = 731;

    @Inject
    CatalogAccess access;
    @Inject
    NightStockRepository stock;

    /** Sets {@code units} on every night from {@code first} to {@code last} included, creating missing rows. */
    @Requires(Permission.CHANGE_PLANNING)
    public List<NightStock> setUnits(long accountId, long accommodationId, @NotNull LocalDate first,
                                     @NotNull LocalDate last, int units) {
        Accommodation accommodation = access.accommodation(accountId, accommodationId);
        checkRange(first, last);
        NightStock.requireAllowed(accommodation.stockManaged(), units);
        Map<LocalDate, NightStock> existing = stock.lockNights(accommodationId, first, last).stream()
                .collect(Collectors.toMap(NightStock::night, Function.identity()));
        if (existing.values().stream().anyMatch(s -> s.sold() > units)) {
            throw new InvalidInputException("units", "stock.belowSold");
        }
        return first.datesUntil(last.plusDays(1)).map(night -> {
            NightStock row = existing.get(night);
            if (row == null) {
                row = new NightStock(accommodationId, night, units);
                stock.add(row);
            } else {
                row.offer(units);
            }
            return row;
        }).toList();
    }

    /** The rows for {@code first … last}; a night without a row has no stock set. */
    public List<NightStock> nights(long accountId, long accommodationId, @NotNull LocalDate first,
                                   @NotNull LocalDate last) {
        access.accommodation(accountId, accommodationId);
        checkRange(first, last);
        return stock.nights(accommodationId, first, last);
    }

    private static void checkRange(LocalDate first, LocalDate last) {
        if (last.isBefore(first)) {
            throw new InvalidInputException("nights", "period.order");
        }
        if (ChronoUnit.DAYS.between(first, last) >= MAX_NIGHTS) {
            throw new InvalidInputException("nights", "stock.range.tooLong");
        }
    }
}
