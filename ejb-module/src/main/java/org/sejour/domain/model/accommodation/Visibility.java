package org.sejour.domain.model.accommodation;

public enum Visibility {
    /** not shown online */
    HIDDEN,
    /** shown online, booking not allowed */
    VISIBLE,
    /** shown online with online booking */
    BOOKABLE
}
