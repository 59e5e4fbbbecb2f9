package org.sejour.domain.model.catalog;

import java.time.LocalDate;
import java.util.List;

/** Stock rows of an accommodation the caller has already checked belongs to the account. */
public interface NightStockRepository {

    /** The rows for nights {@code first … last}, locked until the transaction ends. */
    List<NightStock> lockNights(long accommodationId, LocalDate first, LocalDate last);

    List<NightStock> nights(long accommodationId, LocalDate first, LocalDate last);

    void add(NightStock stock);
}
