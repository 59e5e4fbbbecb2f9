package org.sejour.domain.model.pricing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.sejour.domain.model.shared.Money;
import org.sejour.domain.model.shared.Percentage;
import org.sejour.domain.model.shared.StayPeriod;

/**
 * Prices a stay: a pure function of its inputs, with no clock, no storage and no
 * state, so the booking widgets, phone bookings and contracts all get the same
 * figures. The rules are written down, with worked examples, in docs/pricing.md.
 *
 * <p>Order: rate price − rate discount − best promotion % (of the price after the
 * discount) − promo code % (of the price after the promotion) = accommodation
 * price; + supplements (percentages taken on that accommodation price); + tourist
 * tax. Every line is rounded to the cent when computed; the total is their sum.
 * Deposit = deposit % of (accommodation price + supplements marked for the
 * deposit); the tourist tax is never in the deposit, it is paid with the balance.
 */
public final class QuoteCalculator {

    public QuoteResult quote(QuoteRequest request, PricingCatalog catalog, NightAvailability availability) {
        Objects.requireNonNull(request, "quote request is required");
        Objects.requireNonNull(catalog, "pricing catalog is required");
        Objects.requireNonNull(availability, "night availability is required");

        AccommodationProfile accommodation = request.accommodation();
        StayPeriod stay = request.stay();
        List<Refusal> refusals = new ArrayList<>();

        RateTable rates = RateTable.of(accommodation.id(), catalog.rates());
        Optional<Rate> rate = rates.find(stay.arrival(), stay.nights());
        if (rate.isEmpty()) {
            refusals.add(new Refusal(rates.whyNoRate(stay.arrival(), stay.nights()),
                    stay.nights() + " nights arriving " + stay.arrival().getDayOfWeek() + " " + stay.arrival()));
        }
        refusals.addAll(StayRules.check(stay, request.bookingDate(), catalog.salesTerms(), availability));
        refusals.addAll(checkCapacity(accommodation, request.party()));
        refusals.addAll(checkOptionalSupplements(request, catalog.supplements()));
        if (!refusals.isEmpty()) {
            return new QuoteResult.Unbookable(refusals);
        }
        return new QuoteResult.Bookable(price(request, catalog, rate.orElseThrow()));
    }

    private static List<Refusal> checkCapacity(AccommodationProfile accommodation, GuestParty party) {
        int persons = party.totalPersons();
        if (persons < accommodation.capacityMin()) {
            return List.of(new Refusal(UnbookableReason.BELOW_MINIMUM_CAPACITY,
                    persons + " persons, minimum " + accommodation.capacityMin()));
        }
        if (persons > accommodation.capacityMax()) {
            return List.of(new Refusal(UnbookableReason.ABOVE_MAXIMUM_CAPACITY,
                    persons + " persons, maximum " + accommodation.capacityMax()));
        }
        return List.of();
    }

    private static List<Refusal> checkOptionalSupplements(QuoteRequest request, List<Supplement> supplements) {
        List<Refusal> refusals = new ArrayList<>();
        request.optionalSupplements().forEach((id, quantity) -> {
            if (quantity == 0) {
                return; // widgets send unticked supplements with quantity 0
            }
            Optional<Supplement> supplement = supplements.stream()
                    .filter(s -> s.id() == id && !s.isMandatory())
                    .findFirst();
            if (supplement.isEmpty()) {
                refusals.add(new Refusal(UnbookableReason.SUPPLEMENT_NOT_OPTIONAL, "supplement " + id));
            } else if (!supplement.get().isOfferedFor(request.accommodation().id(), request.stay().arrival())) {
                refusals.add(new Refusal(UnbookableReason.SUPPLEMENT_NOT_OFFERED, "supplement " + id));
            } else if (quantity < 1 || quantity > supplement.get().maxQuantity()) {
                refusals.add(new Refusal(UnbookableReason.SUPPLEMENT_QUANTITY_INVALID,
                        "supplement " + id + ": quantity " + quantity + ", maximum " + supplement.get().maxQuantity()));
            }
        });
        return refusals;
    }

    private static Quote price(QuoteRequest request, PricingCatalog catalog, Rate rate) {
        long accommodationId = request.accommodation().id();
        StayPeriod stay = request.stay();
        LocalDate bookingDate = request.bookingDate();
        List<QuoteLine> lines = new ArrayList<>();

        lines.add(QuoteLine.of(QuoteLine.Kind.ACCOMMODATION, "", rate.price(), true));
        if (rate.discountAmount().isPositive()) {
            lines.add(QuoteLine.of(QuoteLine.Kind.RATE_DISCOUNT, "", rate.discountAmount().negate(), true));
        }
        Money price = rate.discountedPrice();

        Optional<Promotion> promotion = bestPromotion(catalog.promotions(), accommodationId, stay, bookingDate);
        if (promotion.isPresent()) {
            Money off = price.percentage(promotion.get().percentage());
            lines.add(QuoteLine.of(QuoteLine.Kind.PROMOTION, promotion.get().label(request.language()), off.negate(), true));
            price = price.minus(off);
        }

        Optional<String> appliedCode = Optional.empty();
        Optional<PromoCodeRejection> rejection = Optional.empty();
        if (request.promoCode().isPresent()) {
            String typed = request.promoCode().get();
            Optional<PromoCode> code = catalog.promoCodes().stream().filter(c -> c.matches(typed)).findFirst();
            rejection = code.isEmpty()
                    ? Optional.of(PromoCodeRejection.UNKNOWN)
                    : code.get().rejectionFor(accommodationId, stay, bookingDate);
            if (rejection.isEmpty()) {
                Money off = price.percentage(code.get().percentage());
                lines.add(QuoteLine.of(QuoteLine.Kind.PROMO_CODE, code.get().publicLabel(request.language()), off.negate(), true));
                price = price.minus(off);
                appliedCode = Optional.of(code.get().code());
            }
        }
        Money accommodationPrice = price;

        for (Supplement supplement : catalog.supplements()) {
            int quantity = supplement.isMandatory() ? 1 : request.optionalSupplements().getOrDefault(supplement.id(), 0);
            if (quantity == 0 || !supplement.isOfferedFor(accommodationId, stay.arrival())) {
                continue;
            }
            Money amount = supplement.charge(stay.arrival(), stay.nights(), quantity, accommodationPrice).orElseThrow();
            lines.add(new QuoteLine(QuoteLine.Kind.SUPPLEMENT, supplement.label(request.language()), quantity,
                    amount, supplement.depositApplies(), Optional.of(supplement.id())));
        }

        catalog.touristTax()
                .flatMap(tax -> tax.assess(request.accommodation().classification(), accommodationPrice,
                        stay.nights(), request.party()))
                .ifPresent(tax -> {
                    lines.add(new QuoteLine(QuoteLine.Kind.TOURIST_TAX, "", tax.taxablePersons() * tax.nights(),
                            tax.tax(), false, Optional.empty()));
                    if (tax.surcharge().isPositive()) {
                        lines.add(QuoteLine.of(QuoteLine.Kind.TOURIST_TAX_SURCHARGE, "", tax.surcharge(), false));
                    }
                });

        SalesTerms terms = catalog.salesTerms();
        Money total = Money.ZERO;
        Money depositBase = Money.ZERO;
        for (QuoteLine line : lines) {
            total = total.plus(line.amount());
            depositBase = line.inDepositBase() ? depositBase.plus(line.amount()) : depositBase;
        }
        Percentage depositPercentage = terms.depositPercentageFor(bookingDate, stay.arrival());
        Money depositAmount = depositBase.percentage(depositPercentage);
        Quote.Deposit deposit = new Quote.Deposit(terms.depositType(), depositPercentage, depositBase,
                depositAmount, terms.depositDueDate(bookingDate, stay.arrival()));
        Quote.Balance balance = new Quote.Balance(total.minus(depositAmount),
                terms.balanceDueDate(bookingDate, stay.arrival()));
        return new Quote(accommodationId, stay, lines, appliedCode, rejection, deposit, balance);
    }

    /** Promotions do not add up: the highest percentage among those that apply wins. */
    private static Optional<Promotion> bestPromotion(List<Promotion> promotions, long accommodationId,
                                                     StayPeriod stay, LocalDate bookingDate) {
        return promotions.stream()
                .filter(p -> p.appliesTo(accommodationId, stay, bookingDate))
                .max(Comparator.comparing(Promotion::percentage));
    }
}
