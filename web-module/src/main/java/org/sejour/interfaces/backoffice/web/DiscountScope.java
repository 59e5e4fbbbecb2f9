package org.sejour.interfaces.backoffice.web;

import org.sejour.domain.model.catalog.DayPeriod;
import org.sejour.domain.model.shared.InvalidInputException;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a discount applies, as typed on its form: every accommodation or those chosen, every stay
 * or the stays within the periods given (WEB-INF/includes/accommodation-scope.xhtml and
 * stay-scope.xhtml). A promo code and a promotion are scoped alike; the domain reads "none" as
 * "all", so a choice left empty is refused here, where the owner can see which one.
 */
public class DiscountScope implements Serializable {

    private static final long serialVersionUID = 1L;

    private boolean allAccommodations = true;
    private List<Long> accommodationIds = new ArrayList<>();
    private boolean allStays = true;
    private PeriodRows stays = new PeriodRows();

    /** The scope of a saved discount: an empty set or list means all. */
    public static DiscountScope of(Set<Long> accommodationIds, List<DayPeriod> stays) {
        DiscountScope scope = new DiscountScope();
        scope.allAccommodations = accommodationIds.isEmpty();
        scope.accommodationIds = new ArrayList<>(accommodationIds);
        scope.allStays = stays.isEmpty();
        scope.stays = PeriodRows.of(stays);
        return scope;
    }

    /** The accommodations chosen, none for all of them; "some" with none ticked is refused. */
    public Set<Long> accommodations() {
        if (allAccommodations) {
            return new HashSet<>();
        }
        if (accommodationIds.isEmpty()) {
            throw new InvalidInputException("accommodations", "settings.accommodations.noneChosen");
        }
        return new HashSet<>(accommodationIds);
    }

    /** The periods whose stays it discounts, none for every stay; "some" with no row is refused. */
    public List<DayPeriod> periods() {
        if (allStays) {
            return List.of();
        }
        if (stays.isEmpty()) {
            throw new InvalidInputException("stays", "promoCode.stays.noneChosen");
        }
        return stays.periods("stays");
    }

    /** "Tous les hébergements", or the names of those chosen, sorted, for a list's column. */
    public static String accommodationsOf(Set<Long> accommodationIds, Map<Long, String> names) {
        if (accommodationIds.isEmpty()) {
            return Faces.text("settings.allAccommodations");
        }
        return accommodationIds.stream().map(names::get).filter(Objects::nonNull).sorted()
                .collect(Collectors.joining(", "));
    }

    public boolean isAllAccommodations() { return allAccommodations; }
    public void setAllAccommodations(boolean allAccommodations) { this.allAccommodations = allAccommodations; }
    public List<Long> getAccommodationIds() { return accommodationIds; }
    public void setAccommodationIds(List<Long> accommodationIds) { this.accommodationIds = accommodationIds; }
    public boolean isAllStays() { return allStays; }
    public void setAllStays(boolean allStays) { this.allStays = allStays; }
    public PeriodRows getStays() { return stays; }
}
