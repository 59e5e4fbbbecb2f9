package org.sejour.interfaces.guest.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Objects;

/**
 * What the API answers: shapes of its own, never entities. Amounts are decimal strings in euros
 * ("350.00") so that no client parses money into a binary float; links are paths on this server.
 */
public final class Views {

    private Views() {
    }

    @Schema(name = "Account")
    public record AccountView(int number, String name, String email, String phone, String city, String country,
                       String website, int minStayNights, String currency, List<AgeRangeView> ageRanges,
                       List<String> languages, String siteUrl) {
    }

    /** {@code label} names the range in a booking's party; {@code name} is what the guest reads, in their language. */
    @Schema(name = "AgeRange")
    public record AgeRangeView(String label, String name, int minAge, int maxAge) {
    }

    @Schema(name = "Terms")
    public record TermsView(String version, String language, String depositType, String depositPercent, int depositDueDays,
                     int balanceDueDays, int optionDays, int leadTimeDays, List<DepositRuleView> depositRules,
                     String conditions) {
    }

    @Schema(name = "DepositRule")
    public record DepositRuleView(int arrivalWithinDays, String depositPercent) {
    }

    @Schema(name = "AccommodationSummary")
    public record AccommodationSummary(long id, String reference, String name, String type, String classification,
                                String city, int capacityMin, int capacityMax, PhotoView cover, String siteUrl) {
    }

    @Schema(name = "Accommodation")
    public record AccommodationView(long id, String reference, String name, String type, String classification, String city,
                             String postalCode, int capacityMin, int capacityMax, String surface, Integer floor,
                             Integer altitude, String description, String language, GpsView gps,
                             List<AmenityView> amenities, List<PhotoView> photos, List<SupplementView> supplements,
                             String siteUrl, String bookUrl) {
    }

    @Schema(name = "Gps")
    public record GpsView(String latitude, String longitude) {
    }

    @Schema(name = "Amenity")
    public record AmenityView(String code, String label) {
    }

    @Schema(name = "Photo")
    public record PhotoView(long id, int width, int height, int sizeBytes, String url, String thumbnailUrl) {
    }

    @Schema(name = "Supplement")
    public record SupplementView(long id, String label, String description, String pricing, String price, int maxQuantity) {
    }

    @Schema(name = "SearchResult")
    public record SearchView(String arrival, int nights, int flexDays, List<SearchHitView> results) {
        /**
         * JSON-B puts every object it writes in a HashSet (its recursion check): the record's own
         * hash walked every field of every hit, twice per answer, a fifth of writing a long one.
         * These hashes read a few fields only; equals stays the record's, so they agree with it.
         */
        @Override
        public int hashCode() {
            return Objects.hash(arrival, nights, flexDays, results == null ? 0 : results.size());
        }
    }

    @Schema(name = "SearchHit")
    public record SearchHitView(long accommodationId, String name, String reference, String arrival, String departure,
                         int nights, String price, String struckOutPrice, String currency, String bookUrl) {
        @Override
        public int hashCode() {  // see SearchView
            return Objects.hash(accommodationId, arrival, nights);
        }
    }

    @Schema(name = "Calendar")
    public record CalendarView(String month, List<AccommodationMonthView> accommodations) {
        @Override
        public int hashCode() {  // see SearchView
            return Objects.hash(month, accommodations == null ? 0 : accommodations.size());
        }
    }

    @Schema(name = "AccommodationMonth")
    public record AccommodationMonthView(long accommodationId, String name, List<ArrivalDayView> days) {
        @Override
        public int hashCode() {  // see SearchView
            return Objects.hash(accommodationId, days == null ? 0 : days.size());
        }
    }

    @Schema(name = "ArrivalDay")
    public record ArrivalDayView(String date, List<StayOptionView> options) {
        @Override
        public int hashCode() {  // see SearchView
            return Objects.hash(date, options == null ? 0 : options.size());
        }
    }

    @Schema(name = "StayOption")
    public record StayOptionView(int nights, String departure, String price, String struckOutPrice, String label) {
    }

    /**
     * A quote. {@code balanceAmount} is total − deposit, due by {@code balanceDueDate};
     * {@code balanceDue} is the same date under its first name, kept for the clients that read it.
     */
    @Schema(name = "Quote")
    public record QuoteView(boolean bookable, List<Problem.FieldError> refusals, List<LineView> lines, String total,
                     String struckOutPrice, String currency, String depositAmount, String depositDue,
                     @Schema(description = "the balance (total − deposit)") String balanceAmount,
                     @Schema(deprecated = true, format = "date",
                             description = "Deprecated: the balance's due date; read balanceDueDate") String balanceDue,
                     @Schema(format = "date", description = "when the balance (total − deposit) is due")
                     String balanceDueDate,
                     String promoCodeApplied, String promoCodeRejection) {
    }

    @Schema(name = "QuoteLine")
    public record LineView(String kind, String label, int quantity, String amount) {
    }

    /**
     * A booking. Each amount has one meaning: {@code total}; {@code depositAmount} due by
     * {@code depositDue}; {@code balanceAmount} = total − deposit, due by {@code balanceDueDate};
     * {@code paid}; {@code refunded}; {@code remainingAmount} = what is left to pay; {@code amountToRefund} = what
     * the guest paid above the total (after a cancellation with a fee, say); {@code nextPayment…} = what is
     * asked for next and by when. All are the dossier's own (DossierAmounts), as the contract prints them. {@code balanceDue},
     * the first name of "what is left to pay" (total − paid, negative when overpaid), is kept for
     * the clients that read it. {@code accommodationId} and {@code accommodationName} are the
     * first of {@code accommodations}.
     */
    @Schema(name = "Booking")
    public record BookingView(int number, String reference, String status, long accommodationId, String accommodationName,
                       List<BookedAccommodationView> accommodations,
                       @Schema(format = "date") String arrival, @Schema(format = "date") String departure, int nights,
                       String total, String depositAmount, @Schema(format = "date") String depositDue,
                       @Schema(description = "the balance: total − deposit") String balanceAmount,
                       @Schema(format = "date", description = "when the balance is due") String balanceDueDate,
                       String paid,
                       @Schema(description = "what is left to pay: total − paid, never below 0") String remainingAmount,
                       @Schema(description = "what was paid above the total, owed back to the guest")
                       String amountToRefund,
                       @Schema(description = "what was given back to the guest (paid counts it still: paid + "
                               + "remainingAmount = total until more than the total was paid)")
                       String refunded,
                       @Schema(description = "what the guest is asked for next: DEPOSIT (the rest of the deposit) or "
                               + "BALANCE (what is left to pay); absent once nothing is due",
                               enumeration = {"DEPOSIT", "BALANCE"})
                       String nextPaymentKind,
                       @Schema(description = "the amount asked for next") String nextPaymentAmount,
                       @Schema(format = "date", description = "when the next payment is due") String nextPaymentDue,
                       @Schema(deprecated = true,
                               description = "Deprecated: total − paid (negative when overpaid); read remainingAmount and amountToRefund")
                       String balanceDue,
                       String currency, String optionExpiresAt,
                       String guestToken, String paymentUrl, String statusUrl, String acceptedTermsVersion,
                       String termsAcceptedAt) {
    }

    @Schema(name = "BookedAccommodation")
    public record BookedAccommodationView(long id, String name) {
    }
}
