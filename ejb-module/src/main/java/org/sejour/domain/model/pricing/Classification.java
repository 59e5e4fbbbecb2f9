package org.sejour.domain.model.pricing;

/** Official classification of a furnished rental (meublé de tourisme). */
public enum Classification {
    UNCLASSIFIED,
    ONE_STAR,
    TWO_STARS,
    THREE_STARS,
    FOUR_STARS,
    FIVE_STARS
}
