package org.sejour.interfaces.guest.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

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

    @Schema(name = "AgeRange")
    public record AgeRangeView(String label, int minAge, int maxAge) {
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
    }

    @Schema(name = "SearchHit")
    public record SearchHitView(long accommodationId, String name, String reference, String arrival, String departure,
                         int nights, String price, String struckOutPrice, String currency, String bookUrl) {
    }

    @Schema(name = "Calendar")
    public record CalendarView(String month, List<AccommodationMonthView> accommodations) {
    }

    @Schema(name = "AccommodationMonth")
    public record AccommodationMonthView(long accommodationId, String name, List<ArrivalDayView> days) {
    }

    @Schema(name = "ArrivalDay")
    public record ArrivalDayView(String date, List<StayOptionView> options) {
    }

    @Schema(name = "StayOption")
    public record StayOptionView(int nights, String departure, String price, String struckOutPrice, String label) {
    }

    @Schema(name = "Quote")
    public record QuoteView(boolean bookable, List<Problem.FieldError> refusals, List<LineView> lines, String total,
                     String struckOutPrice, String currency, String depositAmount, String depositDue,
                     String balanceAmount, String balanceDue, String promoCodeApplied, String promoCodeRejection) {
    }

    @Schema(name = "QuoteLine")
    public record LineView(String kind, String label, int quantity, String amount) {
    }

    @Schema(name = "Booking")
    public record BookingView(int number, String reference, String status, long accommodationId, String accommodationName,
                       String arrival, String departure, int nights, String total, String depositAmount,
                       String depositDue, String paid, String balanceDue, String currency, String optionExpiresAt,
                       String guestToken, String paymentUrl, String statusUrl, String acceptedTermsVersion,
                       String termsAcceptedAt) {
    }
}
