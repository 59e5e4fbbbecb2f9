package org.sejour.domain.model.catalog;

import org.sejour.domain.model.pricing.AccommodationScope;
import org.sejour.domain.model.pricing.StayScope;

import java.util.List;
import java.util.Set;

/** Pricing scopes from the catalog's rows: no accommodation rows means all, no period rows means all stays. */
final class Scopes {

    private Scopes() {
    }

    static AccommodationScope accommodations(Set<Long> ids) {
        return ids.isEmpty() ? AccommodationScope.all() : AccommodationScope.only(ids);
    }

    static StayScope stays(List<DayPeriod> periods) {
        return periods.isEmpty() ? StayScope.all()
                : StayScope.only(periods.stream().map(DayPeriod::toDateRange).toList());
    }
}
