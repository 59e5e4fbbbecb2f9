package org.sejour.domain.model.catalog;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Every method takes the owner's account, checked through the ban's accommodation. */
public interface SalesBanRepository {

    SalesBan store(SalesBan ban);

    Optional<SalesBan> find(long accountId, long banId);

    /** The accommodation's bans closing at least one night of {@code first … last}. */
    List<SalesBan> overlapping(long accountId, long accommodationId, LocalDate first, LocalDate last);

    void remove(SalesBan ban);
}
