package org.sejour.domain.model.pricing;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import org.sejour.domain.model.shared.DateRange;
import org.sejour.domain.model.shared.Percentage;
import org.sejour.domain.model.shared.StayPeriod;

/**
 * A promo code guests type when booking, e.g. NOEL2019, 25 %, single use,
 * usable from 1 September to 1 December 2019. The usage period is about the
 * BOOKING date ("période pendant laquelle le Code Promo sera utilisable en
 * ligne"); which stays it discounts is {@link #stays}.
 */
public record PromoCode(String code,
                        String internalLabel,
                        String publicLabel,
                        Usage usage,
                        DateRange usagePeriod,
                        Percentage percentage,
                        AccommodationScope accommodations,
                        StayScope stays,
                        int usageCount,
                        Map<String, String> translatedLabels) {

    /** Letters and digits only, short enough to read out on the phone. */
    private static final Pattern CODE = Pattern.compile("[A-Z0-9]{1,20}");

    public enum Usage {
        /** One booking, then spent ("unique"). */
        SINGLE,
        /** Any number of bookings ("multiple"). */
        MULTIPLE
    }

    /** A code whose public label is written in French only. */
    public PromoCode(String code, String internalLabel, String publicLabel, Usage usage, DateRange usagePeriod,
                     Percentage percentage, AccommodationScope accommodations, StayScope stays, int usageCount) {
        this(code, internalLabel, publicLabel, usage, usagePeriod, percentage, accommodations, stays, usageCount,
                Map.of());
    }

    public PromoCode {
        Objects.requireNonNull(code, "code is required");
        translatedLabels = Map.copyOf(Objects.requireNonNull(translatedLabels, "translated labels are required"));
        Objects.requireNonNull(internalLabel, "internal label is required");
        Objects.requireNonNull(publicLabel, "public label is required");
        Objects.requireNonNull(usage, "usage is required");
        Objects.requireNonNull(usagePeriod, "usage period is required");
        Objects.requireNonNull(percentage, "percentage is required");
        Objects.requireNonNull(accommodations, "accommodations are required");
        Objects.requireNonNull(stays, "stays are required");
        code = normalise(code);
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("code must be 1 to 20 letters and digits, was '" + code + "'");
        }
        if (publicLabel.isBlank()) {
            throw new IllegalArgumentException("public label is required");
        }
        if (percentage.isZero()) {
            throw new IllegalArgumentException("a promo code percentage must be positive");
        }
        if (usageCount < 0) {
            throw new IllegalArgumentException("usage count must not be negative, was " + usageCount);
        }
    }

    /** How a typed code is compared: trimmed, upper case ("noel2019 " is NOEL2019). */
    public static String normalise(String typed) {
        return Objects.requireNonNull(typed, "code is required").trim().toUpperCase(Locale.ROOT);
    }

    public boolean matches(String typed) {
        return code.equals(normalise(typed));
    }

    public boolean isSpent() {
        return usage == Usage.SINGLE && usageCount >= 1;
    }

    /** This code after one more booking used it. */
    public PromoCode recordUse() {
        return withUsageCount(usageCount + 1);
    }

    /** This code used {@code count} times. */
    public PromoCode withUsageCount(int count) {
        return new PromoCode(code, internalLabel, publicLabel, usage, usagePeriod, percentage,
                accommodations, stays, count, translatedLabels);
    }

    /**
     * The label a guest reading {@code language} (a code: "de") sees on the quote: the owner's in
     * that language, else in English, else in French.
     */
    public String publicLabel(String language) {
        String wanted = Objects.requireNonNull(language, "language is required").toLowerCase(Locale.ROOT);
        if (wanted.equals("fr")) {
            return publicLabel;
        }
        return Optional.ofNullable(translatedLabels.get(wanted))
                .or(() -> Optional.ofNullable(translatedLabels.get("en"))).orElse(publicLabel);
    }

    /**
     * Why this code does not apply to that booking, or empty if it does. Checked in
     * the order a guest can act on: spent, then dates, then what is booked.
     */
    public Optional<PromoCodeRejection> rejectionFor(long accommodationId, StayPeriod stay,
                                                      LocalDate bookingDate) {
        Objects.requireNonNull(stay, "stay is required");
        Objects.requireNonNull(bookingDate, "booking date is required");
        if (isSpent()) {
            return Optional.of(PromoCodeRejection.SPENT);
        }
        if (!usagePeriod.contains(bookingDate)) {
            return Optional.of(PromoCodeRejection.OUTSIDE_USAGE_PERIOD);
        }
        if (!accommodations.includes(accommodationId)) {
            return Optional.of(PromoCodeRejection.EXCLUDED_ACCOMMODATION);
        }
        if (!stays.includes(stay)) {
            return Optional.of(PromoCodeRejection.EXCLUDED_STAY);
        }
        return Optional.empty();
    }
}
