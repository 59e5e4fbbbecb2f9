package org.sejour.interfaces.guest.rest;

import org.sejour.application.booking.AvailabilityService.Offer;
import org.sejour.application.guest.PublicBookingService.Terms;
import org.sejour.domain.model.account.Account;
import org.sejour.domain.model.account.ContactDetails;
import org.sejour.domain.model.accommodation.Accommodation;
import org.sejour.domain.model.accommodation.AccommodationDetails;
import org.sejour.domain.model.accommodation.AccommodationPhoto;
import org.sejour.domain.model.catalog.AccountSalesTerms;
import org.sejour.domain.model.catalog.CatalogAgeRange;
import org.sejour.domain.model.dossier.Dossier;
import org.sejour.domain.model.dossier.DossierAmounts;
import org.sejour.domain.model.dossier.DossierStatus;
import org.sejour.domain.model.dossier.TermsAcceptance;
import org.sejour.domain.model.pricing.ArrivalCalendar.ArrivalDay;
import org.sejour.domain.model.pricing.ArrivalCalendar.StayOption;
import org.sejour.domain.model.pricing.Quote;
import org.sejour.domain.model.pricing.QuoteResult;
import org.sejour.domain.model.pricing.Refusal;
import org.sejour.domain.model.pricing.Supplement;
import org.sejour.domain.model.shared.Language;
import org.sejour.domain.model.shared.Money;
import org.sejour.domain.model.shared.StayPeriod;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Domain objects to the API's views, in the guest's language. */
final class PublicAssembler {

    private static final String API = "/api/v1/accounts/";

    private PublicAssembler() {
    }

    static Views.AccountView account(Account account, List<CatalogAgeRange> ranges, Language language) {
        Optional<ContactDetails> contact = account.contact();
        return new Views.AccountView(account.number(),
                contact.map(c -> c.companyName() != null ? c.companyName() : c.firstName() + " " + c.lastName())
                        .orElse(null),
                contact.map(ContactDetails::email).orElse(null), contact.map(ContactDetails::phone).orElse(null),
                contact.map(ContactDetails::city).orElse(null), contact.map(ContactDetails::country).orElse(null),
                contact.map(ContactDetails::website).orElse(null), account.minStayNights(), Money.CURRENCY.getCurrencyCode(),
                ranges.stream().sorted(Comparator.comparingInt(CatalogAgeRange::position))
                        .map(r -> new Views.AgeRangeView(r.label(), r.labelIn(language), r.minAge(), r.maxAge())).toList(),
                Arrays.stream(Language.values()).map(Language::code).toList(), "/site/" + account.number());
    }

    static Views.TermsView terms(Terms terms, Language language) {
        AccountSalesTerms t = terms.terms();
        return new Views.TermsView(terms.version(), language.code(), t.depositType().name(),
                t.depositPercent().stripTrailingZeros().toPlainString(), t.depositDueDays(), t.balanceDueDays(),
                t.optionDays(), t.leadTimeDays(), t.depositRules().stream()
                .map(r -> new Views.DepositRuleView(r.arrivalWithinDays(), r.depositPercent().stripTrailingZeros()
                        .toPlainString())).toList(), t.conditions().in(language));
    }

    static Views.AccommodationSummary summary(int accountNumber, Accommodation a, Language language) {
        return new Views.AccommodationSummary(a.id(), a.reference(), a.name(),
                GuestTexts.textOr(language, "accommodation.type." + a.type().name(), a.type().name()),
                a.classification().name(), a.city(), a.capacityMin(), a.capacityMax(),
                a.coverPhoto().map(p -> photo(accountNumber, p)).orElse(null), sitePage(accountNumber, a.id()));
    }

    static Views.AccommodationView accommodation(int accountNumber, Accommodation a, List<Supplement> supplements,
                                                 Language language) {
        AccommodationDetails d = a.details();
        return new Views.AccommodationView(a.id(), a.reference(), a.name(),
                GuestTexts.textOr(language, "accommodation.type." + a.type().name(), a.type().name()),
                a.classification().name(), a.city(), d.postalCode(), a.capacityMin(), a.capacityMax(),
                d.surface() == null ? null : d.surface().stripTrailingZeros().toPlainString(), d.floor(), d.altitude(),
                a.description().in(language), language.code(),
                a.gps().map(g -> new Views.GpsView(g.latitude().toPlainString(), g.longitude().toPlainString()))
                        .orElse(null),
                a.amenities().stream().sorted().map(x -> new Views.AmenityView(x.name(),
                        GuestTexts.textOr(language, "amenity." + x.name(), x.name()))).toList(),
                a.photos().stream().map(p -> photo(accountNumber, p)).toList(),
                supplements.stream().map(s -> supplement(s, language)).toList(),
                sitePage(accountNumber, a.id()),
                "/site/" + accountNumber + "/book?accommodation=" + a.id() + "&lang=" + language.code());
    }

    private static Views.SupplementView supplement(Supplement s, Language language) {
        return new Views.SupplementView(s.id(), s.label(language.code()), s.description(language.code()),
                s.pricing().name(), s.price().standard().map(PublicAssembler::decimal).orElse(null), s.maxQuantity());
    }

    private static Views.PhotoView photo(int accountNumber, AccommodationPhoto p) {
        String base = API + accountNumber + "/photos/" + p.id();
        return new Views.PhotoView(p.id(), p.width(), p.height(), p.sizeBytes(), base + "/large", base + "/thumb");
    }

    static Views.SearchHitView hit(int accountNumber, Offer hit, Language language) {
        StayPeriod stay = hit.stay();
        return new Views.SearchHitView(hit.accommodationId(), hit.name(), hit.reference(), stay.arrival().toString(),
                stay.departure().toString(), stay.nights(), amount(hit.price()),
                hit.struckOutPrice().map(PublicAssembler::amount).orElse(null), Money.CURRENCY.getCurrencyCode(),
                bookUrl(accountNumber, hit.accommodationId(), stay.arrival(), stay.nights(), language));
    }

    static Views.ArrivalDayView day(ArrivalDay day, Language language) {
        return new Views.ArrivalDayView(day.date().toString(), day.options().stream().map(o -> option(o, language))
                .toList());
    }

    /** "1 semaine / 350,00 €", as the calendar widget shows a stay option. */
    private static Views.StayOptionView option(StayOption option, Language language) {
        int nights = option.nights();
        String length = nights % 7 == 0 ? GuestTexts.text(language, "api.stay.weeks", nights / 7)
                : GuestTexts.text(language, "api.stay.nights", nights);
        NumberFormat currency = NumberFormat.getCurrencyInstance(language.locale());
        currency.setCurrency(Money.CURRENCY);
        return new Views.StayOptionView(nights, option.stay().departure().toString(), amount(option.price()),
                option.wasPrice().map(PublicAssembler::amount).orElse(null),
                length + " / " + currency.format(option.price().amount()));
    }

    static Views.QuoteView quote(QuoteResult result, Language language) {
        if (result.quote().isEmpty()) {
            // each reason once, the nights it concerns named in its message
            return new Views.QuoteView(false, Refusal.grouped(result.refusals()).stream().map(r -> new Problem.FieldError(
                    r.reason().name(), ProblemMapper.refusalText(language, r))).toList(), List.of(), null, null,
                    Money.CURRENCY.getCurrencyCode(),
                    null, null, null, null, null, null, null);
        }
        Quote q = result.quote().get();
        return new Views.QuoteView(true, List.of(), q.lines().stream().map(l -> new Views.LineView(l.kind().name(),
                l.label().isBlank() ? GuestTexts.textOr(language, "quote.line." + l.kind().name(), l.kind().name())
                        : l.label(), l.quantity(), amount(l.amount()))).toList(),
                amount(q.total()), q.struckOutPrice().map(PublicAssembler::amount).orElse(null),
                Money.CURRENCY.getCurrencyCode(), amount(q.deposit().amount()), q.deposit().dueDate().toString(),
                amount(q.balance().amount()), q.balance().dueDate().toString(), q.balance().dueDate().toString(),
                q.appliedPromoCode().orElse(null),
                q.promoCodeRejection().map(r -> GuestTexts.textOr(language, "quote.promoCode." + r.name(), r.name()))
                        .orElse(null));
    }

    static Views.BookingView booking(int accountNumber, Dossier d) {
        StayPeriod stay = d.stay();
        DossierAmounts amounts = d.amounts();
        Optional<DossierAmounts.Due> next = d.status() == DossierStatus.CANCELLED ? Optional.empty() : amounts.nextDue();
        return new Views.BookingView(d.number(), accountNumber + "-" + d.number(), d.status().name(),
                d.accommodation().id(), d.accommodation().name(),
                d.stays().stream().map(s -> new Views.BookedAccommodationView(s.accommodation().id(),
                        s.accommodation().name())).toList(),
                stay.arrival().toString(), stay.departure().toString(), stay.nights(), amount(amounts.total()),
                amount(amounts.deposit()), amounts.depositDue().map(LocalDate::toString).orElse(null),
                amount(amounts.balance()), amounts.balanceDue().map(LocalDate::toString).orElse(null),
                amount(amounts.paid()), amount(amounts.owed()), amount(amounts.toRefund()), amount(amounts.refunded()),
                next.map(due -> due.kind().name()).orElse(null), next.map(due -> amount(due.amount())).orElse(null),
                next.flatMap(DossierAmounts.Due::by).map(LocalDate::toString).orElse(null),
                amount(amounts.remaining()), Money.CURRENCY.getCurrencyCode(),
                d.optionExpiresAt().map(Object::toString).orElse(null),
                d.guestToken(), "/pay/" + d.guestToken(), "/booking/" + d.guestToken(),
                d.termsAccepted().map(TermsAcceptance::version).orElse(null),
                d.termsAccepted().map(t -> t.acceptedAt().toString()).orElse(null));
    }

    static String bookUrl(int accountNumber, long accommodationId, LocalDate arrival, int nights, Language language) {
        return "/site/" + accountNumber + "/book?accommodation=" + accommodationId + "&arrival=" + arrival
                + "&nights=" + nights + "&lang=" + language.code();
    }

    private static String sitePage(int accountNumber, long accommodationId) {
        return "/site/" + accountNumber + "/accommodation/" + accommodationId;
    }

    private static String amount(Money money) {
        return money.amount().toPlainString();
    }

    private static String decimal(BigDecimal value) {
        return value.toPlainString();
    }
}
