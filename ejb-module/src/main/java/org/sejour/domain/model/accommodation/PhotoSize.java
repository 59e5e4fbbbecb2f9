package org.sejour.domain.model.accommodation;

/** The two sizes every photo is kept in: the large view (1600 px) and the thumbnail (400 px). */
public enum PhotoSize {
    LARGE, THUMBNAIL
}
