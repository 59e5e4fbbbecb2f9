package org.sejour.domain.model.pricing;

import java.util.Objects;

/**
 * One reason a stay is not bookable, with a detail for the owner or the logs
 * (the night concerned, the rule's figure). Interfaces translate the reason;
 * the detail is not meant for guests.
 */
public record Refusal(UnbookableReason reason, String detail) {

    public Refusal {
        Objects.requireNonNull(reason, "reason is required");
        Objects.requireNonNull(detail, "detail is required");
    }
}
