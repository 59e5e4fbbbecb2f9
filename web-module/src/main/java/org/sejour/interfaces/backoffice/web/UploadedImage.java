package org.sejour.interfaces.backoffice.web;

import jakarta.servlet.http.Part;
import org.sejour.domain.model.accommodation.StoredImage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/** An image an owner sent through a plain file input, with the name their browser gave it. */
record UploadedImage(String name, byte[] content) {

    /**
     * The part's bytes, or empty when it is larger than an image may be (then it is not read).
     * Its temporary copy on disk is removed either way: a view keeps no part.
     */
    static Optional<UploadedImage> of(Part part) {
        try (InputStream in = part.getInputStream()) {
            if (part.getSize() > StoredImage.MAX_UPLOAD_BYTES) {
                return Optional.empty();
            }
            return Optional.of(new UploadedImage(baseName(part.getSubmittedFileName()), in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                part.delete();
            } catch (IOException ignored) {
                // the container removes what is left at the end of the request
            }
        }
    }

    /** Some browsers send the whole path the file had on the owner's computer. */
    private static String baseName(String submitted) {
        if (submitted == null) {
            return "";
        }
        return submitted.substring(Math.max(submitted.lastIndexOf('/'), submitted.lastIndexOf('\\')) + 1);
    }
}
