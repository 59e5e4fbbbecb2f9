package org.sejour.application.dossier;

import org.sejour.domain.model.dossier.DossierStatus;
import org.sejour.domain.model.dossier.Origin;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * What the owner searches dossiers by (SPEC §6); every field is optional and they combine with "and".
 * The arrival range is inclusive on both ends, as the owner types it.
 */
public record DossierCriteria(LocalDate arrivalFrom, LocalDate arrivalTo, String guest, Long accommodationId,
                              Integer number, DossierStatus status, BalanceFilter balance, Origin origin,
                              String promoCode) implements Serializable {

    public DossierCriteria {
        guest = blankToNull(guest);
        promoCode = blankToNull(promoCode);
        balance = balance == null ? BalanceFilter.ANY : balance;
    }

    public static DossierCriteria any() {
        return new DossierCriteria(null, null, null, null, null, null, BalanceFilter.ANY, null, null);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Whether the guest still owes something; a cancelled dossier is never "unpaid". */
    public enum BalanceFilter {
        ANY, PAID, UNPAID
    }
}
