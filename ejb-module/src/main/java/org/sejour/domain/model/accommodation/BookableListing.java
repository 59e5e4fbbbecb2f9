package org.sejour.domain.model.accommodation;

/** What a guest-facing list shows of an accommodation open for booking, without loading it. */
public record BookableListing(long id, String name, String reference) {
}
