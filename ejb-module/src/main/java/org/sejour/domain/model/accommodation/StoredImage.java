package org.sejour.domain.model.accommodation;

import java.util.Objects;

/** An image already resized and written to the photo store. */
public record StoredImage(String storageKey, int width, int height, int sizeBytes) {
    public StoredImage {
        Objects.requireNonNull(storageKey, "storageKey is required");
        if (width <= 0 || height <= 0 || sizeBytes <= 0) {
            throw new IllegalArgumentException("a stored image has a size");
        }
    }
}
