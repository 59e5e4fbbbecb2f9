package org.sejour.domain.model.accommodation;

import java.util.Objects;

/** An image already resized and written to the photo store. */
public record StoredImage(String storageKey, int width, int height, int sizeBytes) {

    /** The largest upload accepted for a photo or a logo (the screens check it before sending). */
    public static final int MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
    public StoredImage {
        Objects.requireNonNull(storageKey, "storageKey is required");
        if (width <= 0 || height <= 0 || sizeBytes <= 0) {
            throw new IllegalArgumentException("a stored image has a size");
        }
    }
}
