package org.sejour.domain.model.pricing;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;

import org.sejour.domain.model.shared.Percentage;
import org.sejour.domain.model.shared.StayPeriod;

/**
 * A promotion created from the planning: a percentage off the accommodation
 * price for last-minute bookings (booked strictly less than {@code days} days
 * before arrival) or early bookings (booked strictly more than {@code days}
 * days before arrival), on chosen accommodations and stay periods.
 */
public record Promotion(String label,
                        Kind kind,
                        int days,
                        Percentage percentage,
                        AccommodationScope accommodations,
                        StayScope stays,
                        Map<String, String> labels) {

    public enum Kind {
        /** "Pour les réservations de dernière minute". */
        LAST_MINUTE,
        /** "Pour les réservations de séjours éloignés". */
        EARLY_BOOKING
    }

    /** A promotion labelled in French only. */
    public Promotion(String label, Kind kind, int days, Percentage percentage, AccommodationScope accommodations,
                     StayScope stays) {
        this(label, kind, days, percentage, accommodations, stays, Map.of());
    }

    public Promotion {
        Objects.requireNonNull(label, "label is required");
        labels = Map.copyOf(Objects.requireNonNull(labels, "labels are required"));
        Objects.requireNonNull(kind, "kind is required");
        Objects.requireNonNull(percentage, "percentage is required");
        Objects.requireNonNull(accommodations, "accommodations are required");
        Objects.requireNonNull(stays, "stays are required");
        if (label.isBlank()) {
            throw new IllegalArgumentException("label is required");
        }
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative, was " + days);
        }
        if (percentage.isZero()) {
            throw new IllegalArgumentException("a promotion percentage must be positive");
        }
    }

    /** The label a guest reading {@code language} ("de") sees on the quote; French when none was given for it. */
    public String label(String language) {
        return labels.getOrDefault(Objects.requireNonNull(language, "language is required"), label);
    }

    /** True if this promotion gives its percentage to that stay booked on {@code bookingDate}. */
    public boolean appliesTo(long accommodationId, StayPeriod stay, LocalDate bookingDate) {
        Objects.requireNonNull(stay, "stay is required");
        Objects.requireNonNull(bookingDate, "booking date is required");
        long daysAhead = ChronoUnit.DAYS.between(bookingDate, stay.arrival());
        boolean timely = switch (kind) {
            case LAST_MINUTE -> daysAhead < days;
            case EARLY_BOOKING -> daysAhead > days;
        };
        return timely && accommodations.includes(accommodationId) && stays.includes(stay);
    }
}
