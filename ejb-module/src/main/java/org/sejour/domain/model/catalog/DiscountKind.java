package org.sejour.domain.model.catalog;

/** The kind of a rate's remise, as stored in rate.discount_kind. */
public enum DiscountKind {
    AMOUNT,
    PERCENT
}
