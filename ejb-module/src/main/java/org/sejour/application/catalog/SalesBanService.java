package org.sejour.application.catalog;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import org.sejour.application.access.Requires;
import org.sejour.domain.model.account.Permission;
import org.sejour.domain.model.catalog.SalesBan;
import org.sejour.domain.model.catalog.SalesBanRepository;
import org.sejour.domain.model.shared.InvalidInputException;
import org.sejour.domain.model.shared.NotFoundException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Nights closed on the planning (interdictions de vente). */
@Stateless
public class SalesBanService {

    @Inject
    CatalogAccess access;
    @Inject
    SalesBanRepository bans;

    @Requires(Permission.CHANGE_PLANNING)
    public SalesBan close(long accountId, long accommodationId, @NotNull LocalDate firstNight,
                          @NotNull LocalDate lastNight) {
        access.accommodation(accountId, accommodationId);
        return bans.store(new SalesBan(accommodationId, firstNight, lastNight, Instant.now()));
    }

    public List<SalesBan> overlapping(long accountId, long accommodationId, @NotNull LocalDate first,
                                      @NotNull LocalDate last) {
        if (last.isBefore(first)) {
            throw new InvalidInputException("period", "period.order");
        }
        access.accommodation(accountId, accommodationId);
        return bans.overlapping(accountId, accommodationId, first, last);
    }

    /**
     * Opens the nights {@code firstNight … lastNight} again: each ban overlapping them is removed,
     * and what it closed outside them is closed again by a ban of its own. Answers how many bans
     * were touched (0: nothing was closed there).
     */
    @Requires(Permission.CHANGE_PLANNING)
    public int lift(long accountId, long accommodationId, @NotNull LocalDate firstNight,
                    @NotNull LocalDate lastNight) {
        List<SalesBan> overlapping = overlapping(accountId, accommodationId, firstNight, lastNight);
        Instant now = Instant.now();
        for (SalesBan ban : overlapping) {
            bans.remove(ban);
            if (ban.firstNight().isBefore(firstNight)) {
                bans.store(new SalesBan(accommodationId, ban.firstNight(), firstNight.minusDays(1), now));
            }
            if (ban.lastNight().isAfter(lastNight)) {
                bans.store(new SalesBan(accommodationId, lastNight.plusDays(1), ban.lastNight(), now));
            }
        }
        return overlapping.size();
    }

    @Requires(Permission.CHANGE_PLANNING)
    public void delete(long accountId, long banId) {
        bans.remove(bans.find(accountId, banId).orElseThrow(() -> new NotFoundException("salesBan", banId)));
    }
}
