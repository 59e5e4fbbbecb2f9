package org.sejour.domain.model.pricing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One reason a stay is not bookable, with a detail for the owner or the logs
 * (the night concerned, the rule's figure). Interfaces translate the reason;
 * the detail is not meant for guests.
 *
 * @param night the night concerned, for the reasons given night by night (stock, ban, channel);
 *              null for the others
 */
public record Refusal(UnbookableReason reason, String detail, LocalDate night) {

    public Refusal {
        Objects.requireNonNull(reason, "reason is required");
        Objects.requireNonNull(detail, "detail is required");
    }

    public Refusal(UnbookableReason reason, String detail) {
        this(reason, detail, null);
    }

    /** A reason given once, with every night it concerns (none for a reason about the whole stay). */
    public record Grouped(UnbookableReason reason, List<LocalDate> nights, String detail) {
        public Grouped {
            nights = List.copyOf(nights);
        }
    }

    /**
     * The refusals with each reason once, in the order first met: a week without stock is one
     * "no stock" naming seven nights, not seven sentences.
     */
    public static List<Grouped> grouped(List<Refusal> refusals) {
        Map<UnbookableReason, List<LocalDate>> nights = new LinkedHashMap<>();
        Map<UnbookableReason, String> details = new LinkedHashMap<>();
        for (Refusal refusal : refusals) {
            List<LocalDate> of = nights.computeIfAbsent(refusal.reason(), r -> new ArrayList<>());
            details.putIfAbsent(refusal.reason(), refusal.detail());
            if (refusal.night() != null && !of.contains(refusal.night())) {
                of.add(refusal.night());
            }
        }
        List<Grouped> grouped = new ArrayList<>();
        nights.forEach((reason, of) -> grouped.add(new Grouped(reason, of, of.isEmpty() ? details.get(reason) : "")));
        return grouped;
    }
}
