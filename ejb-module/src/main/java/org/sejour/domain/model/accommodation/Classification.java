package org.sejour.domain.model.accommodation;

/** The official star rating of a meublé de tourisme; drives the tourist tax. */
public enum Classification {
    NON_CLASSE, ONE_STAR, TWO_STARS, THREE_STARS, FOUR_STARS, FIVE_STARS;

    public int stars() {
        return ordinal();
    }
}
