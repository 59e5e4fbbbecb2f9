package org.sejour.domain.model.pricing;

/**
 * Why a person of a taxable age does not pay the tourist tax (Code général des collectivités
 * territoriales, art. L2333-31). Minors are not listed: they are exempt by their age range.
 */
public enum TaxExemption {
    /** holder of a seasonal work contract employed in the commune */
    SEASONAL_WORKER,
    /** given emergency accommodation or temporary rehousing */
    EMERGENCY_HOUSING,
    /** occupying premises whose rent is below the amount the council set */
    LOW_RENT
}
