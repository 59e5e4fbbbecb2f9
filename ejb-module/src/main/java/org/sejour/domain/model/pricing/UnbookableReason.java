package org.sejour.domain.model.pricing;

/**
 * Why a stay cannot be booked. Returned as values (see {@link Refusal}) so the
 * booking widgets can show every reason at once instead of the first failure.
 */
public enum UnbookableReason {
    /** No rate of this length has a period of application holding the arrival day. */
    NO_RATE_FOR_ARRIVAL_AND_LENGTH,
    /** A rate of this length covers the arrival day, but not on that weekday. */
    ARRIVAL_WEEKDAY_NOT_ALLOWED,
    /** Fewer nights than the account's minimum stay. */
    BELOW_MINIMUM_STAY,
    /** Arrival is in the past relative to the booking date. */
    ARRIVAL_IN_THE_PAST,
    /** Arrival is sooner than the booking lead time allows. */
    LEAD_TIME_NOT_MET,
    /** Fewer persons than the accommodation's minimum capacity. */
    BELOW_MINIMUM_CAPACITY,
    /** More persons than the accommodation's maximum capacity. */
    ABOVE_MAXIMUM_CAPACITY,
    /** A night of the stay has no unit left. */
    NO_STOCK,
    /** A night of the stay has no unit left, and an imported calendar's event holds one: sold elsewhere. */
    CLOSED_BY_CHANNEL,
    /** A night of the stay is closed by a sales ban. */
    SALES_BAN,
    /** A chosen supplement does not exist or is mandatory (mandatory ones are added anyway). */
    SUPPLEMENT_NOT_OPTIONAL,
    /** A chosen supplement is not offered for this accommodation or these dates. */
    SUPPLEMENT_NOT_OFFERED,
    /** A chosen supplement quantity is below 1 or above its maximum. */
    SUPPLEMENT_QUANTITY_INVALID
}
