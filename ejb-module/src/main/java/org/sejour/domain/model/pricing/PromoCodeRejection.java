package org.sejour.domain.model.pricing;

/**
 * Why a promo code the guest typed was not applied. A rejected code never blocks
 * the booking: the tutorial says that outside its period "la réduction ne sera
 * pas appliquée", so the stay is quoted at full price with this reason attached,
 * and the widget tells the guest why the code did nothing.
 */
public enum PromoCodeRejection {
    UNKNOWN,
    OUTSIDE_USAGE_PERIOD,
    EXCLUDED_ACCOMMODATION,
    EXCLUDED_STAY,
    SPENT
}
