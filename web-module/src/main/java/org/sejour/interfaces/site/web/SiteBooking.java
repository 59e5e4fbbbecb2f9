package org.sejour.interfaces.site.web;

import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.sejour.application.booking.BookingCommand;
import org.sejour.application.booking.BookingService;
import org.sejour.application.booking.QuoteService;
import org.sejour.application.catalog.AgeRangeService;
import org.sejour.application.catalog.SupplementService;
import org.sejour.application.site.GuestSiteService;
import org.sejour.application.site.SiteListing;
import org.sejour.application.site.SiteProfile;
import org.sejour.domain.model.dossier.Dossier;
import org.sejour.domain.model.dossier.Guest;
import org.sejour.domain.model.dossier.NotBookableException;
import org.sejour.domain.model.dossier.Origin;
import org.sejour.domain.model.dossier.StayTakenException;
import org.sejour.domain.model.dossier.TermsAcceptance;
import org.sejour.domain.model.pricing.Quote;
import org.sejour.domain.model.pricing.QuoteLine;
import org.sejour.domain.model.pricing.Refusal;
import org.sejour.domain.model.pricing.UnbookableReason;
import org.sejour.domain.model.shared.InvalidInputException;
import org.sejour.domain.model.shared.Language;
import org.sejour.domain.model.shared.NotFoundException;
import org.sejour.domain.model.shared.SejourException;
import org.sejour.interfaces.backoffice.web.Faces;
import org.sejour.interfaces.security.CurrentUser;
import java.util.stream.Collectors;
import java.time.Clock;
import org.sejour.interfaces.web.booking.QuoteTexts;
import org.sejour.interfaces.web.booking.QuoteSummary;
import org.sejour.interfaces.web.booking.GuestForm;
import org.sejour.interfaces.web.booking.BookingForm;
import org.sejour.interfaces.web.booking.StayForm;
import org.sejour.domain.model.dossier.DossierStay;
import org.sejour.domain.model.shared.Money;
import org.sejour.domain.model.pricing.SalesTerms;
import org.sejour.domain.model.pricing.Basket;
import org.sejour.application.booking.BusinessCalendar;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The guest's booking flow on the hosted site: the stay, the persons by age range, optional
 * supplements and a promo code with the engine's live quote (QuoteService: no price is
 * computed here), then the guest's details and the owner's terms, then the dossier, created as
 * an option by BookingService, and the deposit payment. The same flow, started from the back
 * office's booking tests page, books the owner's own (test-mode) account with origin TEST.
 */
@Named
@ViewScoped
public class SiteBooking implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String FORM = "book";

    @EJB
    GuestSiteService site;
    @EJB
    AgeRangeService ageRanges;
    @EJB
    SupplementService supplementService;
    @EJB
    QuoteService quotes;
    @EJB
    BookingService bookings;
    @Inject
    SiteLanguage siteLanguage;
    @Inject
    CurrentUser currentUser;

    // the address's parameters (widgets and the accommodation page link here)
    private String accountParam;
    private String accommodationParam;
    private String arrivalParam;
    private String nightsParam;

    private boolean test;
    private SiteProfile profile;
    private BookingForm form = BookingForm.of(Map.of(), List.of());
    private int step = 1;
    private boolean termsAccepted;
    /** the version of the terms shown with the guest's details, which the checkbox accepts */
    private String termsVersion;

    /** one key per page: a double submit books once, the engine answering the same dossier */
    private final String idempotencyKey = "site-" + UUID.randomUUID();
    private String promoPercent;
    private String notice;

    /** The public flow: a production account's site. */
    public void load() {
        if (FacesContext.getCurrentInstance().isPostback()) {
            return;
        }
        SitePages.open(site, accountParam).ifPresent(this::start);
    }

    /** The booking tests page's flow: the signed-in owner's own account, whatever its mode; dossiers are TEST. */
    public void loadForTest() {
        if (FacesContext.getCurrentInstance().isPostback()) {
            return;
        }
        test = true;
        start(site.ownSite(currentUser.accountId()));
    }

    private void start(SiteProfile opened) {
        profile = opened;
        Map<Long, String> accommodations = new LinkedHashMap<>();
        for (SiteListing listing : site.listings(profile.accountId())) {
            accommodations.put(listing.id(), listing.name());
        }
        form = BookingForm.of(accommodations, ageRanges.list(profile.accountId()));
        if (accommodationParam != null && !accommodationParam.isBlank()) {
            Optional<Long> wanted = SitePages.parseLong(accommodationParam);
            if (wanted.isEmpty() || !accommodations.containsKey(wanted.get())) {
                Faces.notFound();
                return;
            }
            form.first().setAccommodationId(wanted.get());
        }
        if (arrivalParam != null && !arrivalParam.isBlank()) {
            try {
                form.setArrival(LocalDate.parse(arrivalParam.strip()));
            } catch (DateTimeParseException e) {
                SiteTexts.error(FORM + ":arrival", "book.arrival.invalid");
            }
        }
        SitePages.parseLong(nightsParam).filter(n -> n >= 1 && n <= BookingForm.MAX_NIGHTS)
                .ifPresent(n -> form.setNights(n.intValue()));
        offerSupplements();
        requote();
    }

    /** The accommodation changed: its supplements come with it, quantities kept where they still apply. */
    public void accommodationChanged() {
        accommodationChanged(form.first());
    }

    public void accommodationChanged(StayForm stay) {
        offerSupplements(stay);
        requote();
    }

    private void offerSupplements() {
        form.getStays().forEach(this::offerSupplements);
    }

    private void offerSupplements(StayForm stay) {
        stay.offer(supplementService.list(profile.accountId()), language());
    }

    /**
     * Another accommodation for the same nights in the same booking: only where the owner allows
     * it (advanced settings) and the site has another one to offer.
     */
    public void addStay() {
        if (isSeveralStaysOffered() && form.getStays().size() < Math.min(DossierStay.MAX_STAYS,
                form.getAccommodations().size())) {
            offerSupplements(form.addStay());
        }
        requote();
    }

    public void removeStay(StayForm stay) {
        form.removeStay(stay);
        requote();
    }

    public boolean isSeveralStaysOffered() {
        return profile != null && profile.severalStays() && form.getAccommodations().size() > 1;
    }

    /** "Hébergement 2" above the second stay's fields. */
    public String otherStayTitle(int index) {
        return SiteTexts.text("book.otherStay", index + 2);
    }

    private Language language() {
        return siteLanguage.getLanguage();
    }

    /** Asks the engine again; every change of the stay, the party, the supplements or the code calls it. */
    public void requote() {
        promoPercent = null;
        notice = null;
        form.forget();
        if (!form.isComplete()) {
            notice = "book.quote.incomplete";
            return;
        }
        try {
            LocalDate today = BusinessCalendar.today(Clock.systemUTC());
            form.requote(language(), stays -> quotes.quote(profile.accountId(), stays, today));
            form.basket().flatMap(Basket::appliedPromoCode)
                    .flatMap(code -> site.promoCodePercent(profile.accountId(), code))
                    .ifPresent(p -> promoPercent = p.stripTrailingZeros().toPlainString());
        } catch (InvalidInputException e) {
            notice = e.violations().isEmpty() ? "book.quote.incomplete" : "book.party.empty";
        } catch (NotFoundException e) {
            notice = "book.quote.incomplete";
        }
    }

    /** From the stay to the guest's details: only with a stay the engine can book. */
    public void next() {
        requote();
        if (!isQuoted()) {
            SiteTexts.error(null, "book.notBookable");
            FacesContext.getCurrentInstance().validationFailed();
            return;
        }
        termsVersion = site.termsVersion(profile.accountId());
        step = 2;
    }

    public void back() {
        step = 1;
        requote();
    }

    /** Books through the engine and sends the guest to the payment step; on any refusal the form stays as typed. */
    public void book() {
        if (!validGuest()) {
            FacesContext.getCurrentInstance().validationFailed();
            requote();
            return;
        }
        try {
            Guest guest = form.getGuest().toGuest(language());
            Dossier dossier = bookings.book(profile.accountId(), new BookingCommand(form.requests(language()), guest,
                            test ? Origin.TEST : Origin.BOOKING_SITE, test ? "booking-tests" : "site", false,
                            new TermsAcceptance(termsVersion, Instant.now()), false),
                    idempotencyKey, test ? currentUser.get().login() : "guest");
            Faces.redirect("/pay/" + dossier.guestToken() + "?lang=" + language().code());
        } catch (StayTakenException e) {
            refused(e.byChannel() ? "book.closedByChannel" : "book.stayTaken");
        } catch (InvalidInputException e) {
            if (e.violations().stream().anyMatch(v -> "stays".equals(v.field()))) {
                // the owner stopped offering several accommodations while the guest was choosing them
                refused("book.severalStays.notOffered");
                return;
            }
            if (e.violations().stream().noneMatch(v -> "acceptedTermsVersion".equals(v.field()))) {
                throw e;
            }
            // the owner changed the terms while the guest read them: show the new ones, to accept again
            termsVersion = site.termsVersion(profile.accountId());
            termsAccepted = false;
            requote();
            SiteTexts.error(FORM + ":terms", "book.terms.changed");
            FacesContext.getCurrentInstance().validationFailed();
        } catch (NotBookableException e) {
            refused(e.refusals().stream().anyMatch(r -> r.reason() == UnbookableReason.CLOSED_BY_CHANNEL)
                    ? "book.closedByChannel"
                    : e.refusals().stream().anyMatch(r -> r.reason() == UnbookableReason.NO_STOCK) ? "book.stayTaken"
                    : "book.notBookable");
        } catch (SejourException e) {
            refused(e.messageKey().startsWith("booking.promoCode") ? "book.promoCodeSpent" : "book.notBookable");
        }
    }

    private void refused(String key) {
        step = 1;
        requote();
        SiteTexts.error(null, key);
        FacesContext.getCurrentInstance().validationFailed();
    }

    private boolean validGuest() {
        GuestForm guest = form.getGuest();
        boolean valid = true;
        valid &= required(guest.getLastName(), "lastName");
        valid &= required(guest.getFirstName(), "firstName");
        if (!required(guest.getEmail(), "email")) {
            valid = false;
        } else if (guest.emailMalformed()) {
            SiteTexts.error(FORM + ":email", "book.email.invalid");
            valid = false;
        }
        valid &= required(guest.getPhone(), "phone");
        if (guest.countryMalformed()) {
            SiteTexts.error(FORM + ":country", "book.country.invalid");
            valid = false;
        }
        if (!termsAccepted) {
            SiteTexts.error(FORM + ":terms", "book.terms.required");
            valid = false;
        }
        return valid;
    }

    private boolean required(String value, String field) {
        if (value == null || value.isBlank()) {
            SiteTexts.error(FORM + ":" + field, "book.required");
            return false;
        }
        return true;
    }

    // ---------------------------------------------------------------- what the quote panel shows

    /** How the hosted site words and formats a quote: its own bundle, the guest's language. */
    private static final QuoteTexts TEXTS = new QuoteTexts() {
        @Override
        public String lineKind(String kind) {
            return SiteTexts.text("line." + kind);
        }

        @Override
        public String money(Money amount) {
            return SiteTexts.money(amount);
        }

        @Override
        public String date(LocalDate day) {
            return SiteTexts.shortDate(day);
        }

        @Override
        public String refusal(Refusal.Grouped refusal) {
            // the detail is for the owner; a guest reads each reason once, with its nights
            String text = SiteTexts.text("refusal." + refusal.reason().name());
            return refusal.nights().isEmpty() ? text : text + " (" + SiteTexts.text("refusal.nights",
                    refusal.nights().stream().map(this::date).collect(Collectors.joining(", "))) + ")";
        }

        @Override
        public String deposit(SalesTerms.DepositType type, String percent) {
            return SiteTexts.text("deposit." + type.name(), percent);
        }
    };

    public boolean isQuoted() {
        return form.isQuoted();
    }

    public boolean isRefused() {
        return form.isRefused();
    }

    private Quote quote() {
        return form.basket().orElseThrow().quotes().get(0);
    }

    /** The quote's lines, under each accommodation's name when the booking has several. */
    public List<BookingForm.ShownStay> getShownStays() {
        return form.shownStays(TEXTS);
    }

    public boolean isSeveralStays() {
        return form.getStays().size() > 1;
    }

    public QuoteSummary getSummary() {
        return QuoteSummary.of(form.basket(), TEXTS, r -> SiteTexts.text("promo." + r));
    }

    /** "-25 % Promotion Noël 2019" when a code applied. */
    public String getPromoBadge() {
        if (!isQuoted()) {
            return "";
        }
        return quote().lines(QuoteLine.Kind.PROMO_CODE).stream().findFirst()
                .map(l -> (promoPercent == null ? "" : "-" + promoPercent + " % ") + l.label()).orElse("");
    }

    /** The price before the code, struck out; with several accommodations each has its own lines instead. */
    public String getStruckOutPrice() {
        return isQuoted() && !isSeveralStays() ? quote().struckOutPrice().map(SiteTexts::money).orElse("") : "";
    }

    /** What the accommodations cost, all of them, before supplements and taxes. */
    public String getAccommodationPrice() {
        return isQuoted() ? SiteTexts.money(form.basket().orElseThrow().quotes().stream().map(Quote::accommodationPrice)
                .reduce(Money.ZERO, Money::plus)) : "";
    }

    public List<String> getRefusals() {
        return form.refusals(TEXTS);
    }

    public String getNotice() { return notice == null ? "" : SiteTexts.text(notice); }

    public String getStaySummary() {
        LocalDate departure = form.departure();
        if (departure == null) {
            return "";
        }
        return SiteTexts.text("book.staySummary", SiteTexts.shortDate(form.getArrival()), SiteTexts.shortDate(departure),
                SiteFormat.length(form.getNights()));
    }

    /** The owner's terms and conditions in the guest's language (French when not translated). */
    public String getConditions() {
        return profile == null ? "" : site.conditions(profile.accountId()).in(language());
    }

    /** Where this flow starts again, for the language switch (a postback's address is the page's own). */
    public String getEntryUrl() {
        if (test) {
            return "";
        }
        StringBuilder url = new StringBuilder("/site/" + (profile == null ? accountParam : profile.accountNumber()) + "/book?");
        if (form.first().getAccommodationId() != null) {
            url.append("accommodation=").append(form.first().getAccommodationId()).append('&');
        }
        if (form.getArrival() != null) {
            url.append("arrival=").append(form.getArrival()).append('&');
        }
        if (form.getNights() != null) {
            url.append("nights=").append(form.getNights());
        }
        return url.toString();
    }

    public List<Integer> getNightChoices() {
        List<Integer> choices = new ArrayList<>();
        for (int n = 1; n <= BookingForm.MAX_NIGHTS; n++) {
            choices.add(n);
        }
        return choices;
    }

    public String nightsLabel(int n) {
        return SiteFormat.length(n);
    }

    // ---------------------------------------------------------------- form properties

    public boolean isTest() { return test; }
    public int getStep() { return step; }
    public SiteProfile getProfile() { return profile; }
    public BookingForm getForm() { return form; }
    public String getAccountParam() { return accountParam; }
    public void setAccountParam(String v) { accountParam = v; }
    public String getAccommodationParam() { return accommodationParam; }
    public void setAccommodationParam(String v) { accommodationParam = v; }
    public String getArrivalParam() { return arrivalParam; }
    public void setArrivalParam(String v) { arrivalParam = v; }
    public String getNightsParam() { return nightsParam; }
    public void setNightsParam(String v) { nightsParam = v; }
    public boolean isTermsAccepted() { return termsAccepted; }
    public void setTermsAccepted(boolean v) { termsAccepted = v; }
}
