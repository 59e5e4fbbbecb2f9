package org.sejour.interfaces.site.web;

import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.sejour.application.booking.BookingCommand;
import org.sejour.application.booking.BookingService;
import org.sejour.application.booking.QuoteService;
import org.sejour.application.booking.StayRequest;
import org.sejour.application.catalog.AgeRangeService;
import org.sejour.application.catalog.SupplementService;
import org.sejour.application.site.GuestSiteService;
import org.sejour.application.site.SiteListing;
import org.sejour.application.site.SiteProfile;
import org.sejour.domain.model.catalog.CatalogAgeRange;
import org.sejour.domain.model.catalog.CatalogSupplement;
import org.sejour.domain.model.catalog.SupplementText;
import org.sejour.domain.model.dossier.Dossier;
import org.sejour.domain.model.dossier.Guest;
import org.sejour.domain.model.dossier.NotBookableException;
import org.sejour.domain.model.dossier.Origin;
import org.sejour.domain.model.dossier.StayTakenException;
import org.sejour.domain.model.dossier.TermsAcceptance;
import org.sejour.domain.model.pricing.Quote;
import org.sejour.domain.model.pricing.QuoteLine;
import org.sejour.domain.model.pricing.QuoteResult;
import org.sejour.domain.model.pricing.Refusal;
import org.sejour.domain.model.pricing.UnbookableReason;
import org.sejour.domain.model.shared.InvalidInputException;
import org.sejour.domain.model.shared.Language;
import org.sejour.domain.model.shared.NotFoundException;
import org.sejour.domain.model.shared.SejourException;
import org.sejour.domain.model.shared.StayPeriod;
import org.sejour.interfaces.backoffice.web.Faces;
import org.sejour.interfaces.security.CurrentUser;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

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
    static final int MAX_NIGHTS = 90;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

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

    /** one age range and how many persons of it come */
    public static class PartyLine implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String label;
        private final int minAge;
        private final int maxAge;
        private Integer persons;

        PartyLine(String label, int minAge, int maxAge, int persons) {
            this.label = label;
            this.minAge = minAge;
            this.maxAge = maxAge;
            this.persons = persons;
        }

        public String getLabel() { return label; }
        public int getMinAge() { return minAge; }
        public int getMaxAge() { return maxAge; }
        public Integer getPersons() { return persons; }
        public void setPersons(Integer persons) { this.persons = persons; }
    }

    /** an optional supplement and how many the guest takes (0: none) */
    public static class SupplementChoice implements Serializable {
        private static final long serialVersionUID = 1L;
        private final long id;
        private final String label;
        private final String description;
        private final int maxQuantity;
        private Integer quantity = 0;

        SupplementChoice(long id, String label, String description, int maxQuantity) {
            this.id = id;
            this.label = label;
            this.description = description;
            this.maxQuantity = maxQuantity;
        }

        public long getId() { return id; }
        public String getLabel() { return label; }
        public String getDescription() { return description; }
        public List<Integer> getQuantities() {
            List<Integer> q = new ArrayList<>();
            for (int i = 0; i <= maxQuantity; i++) {
                q.add(i);
            }
            return q;
        }
        public Integer getQuantity() { return quantity; }
        public void setQuantity(Integer quantity) { this.quantity = quantity; }
    }

    /** a line of the quote as shown: text in the guest's language, signed amount */
    public record ShownLine(String kind, String label, int quantity, String amount) implements Serializable {
    }

    // the address's parameters (widgets and the accommodation page link here)
    private String accountParam;
    private String accommodationParam;
    private String arrivalParam;
    private String nightsParam;

    private boolean test;
    private SiteProfile profile;
    private final Map<Long, String> accommodations = new LinkedHashMap<>();
    private Long accommodationId;
    private LocalDate arrival;
    private Integer nights = 7;
    private final List<PartyLine> party = new ArrayList<>();
    private List<SupplementChoice> supplements = new ArrayList<>();
    private String promoCode;
    private int step = 1;

    private String firstName;
    private String lastName;
    private String email;
    private String phone;
    private String address;
    private String postalCode;
    private String city;
    private String country = "FR";
    private boolean termsAccepted;
    /** the version of the terms shown with the guest's details, which the checkbox accepts */
    private String termsVersion;

    /** one key per page: a double submit books once, the engine answering the same dossier */
    private final String idempotencyKey = "site-" + UUID.randomUUID();
    private transient QuoteResult result;
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
        for (SiteListing listing : site.listings(profile.accountId())) {
            accommodations.put(listing.id(), listing.name());
        }
        for (CatalogAgeRange range : ageRanges.list(profile.accountId())) {
            // the first range is the adults': a stay starts with two of them
            party.add(new PartyLine(range.label(), range.minAge(), range.maxAge(), party.isEmpty() ? 2 : 0));
        }
        if (accommodationParam != null && !accommodationParam.isBlank()) {
            Optional<Long> wanted = SitePages.parseLong(accommodationParam);
            if (wanted.isEmpty() || !accommodations.containsKey(wanted.get())) {
                Faces.notFound();
                return;
            }
            accommodationId = wanted.get();
        } else if (accommodations.size() == 1) {
            accommodationId = accommodations.keySet().iterator().next();
        }
        if (arrivalParam != null && !arrivalParam.isBlank()) {
            try {
                arrival = LocalDate.parse(arrivalParam.strip());
            } catch (DateTimeParseException e) {
                SiteTexts.error(FORM + ":arrival", "book.arrival.invalid");
            }
        }
        SitePages.parseLong(nightsParam).filter(n -> n >= 1 && n <= MAX_NIGHTS).ifPresent(n -> nights = n.intValue());
        offerSupplements();
        requote();
    }

    /** The accommodation changed: its supplements come with it, quantities kept where they still apply. */
    public void accommodationChanged() {
        offerSupplements();
        requote();
    }

    private void offerSupplements() {
        Map<Long, Integer> kept = new LinkedHashMap<>();
        supplements.forEach(s -> kept.put(s.getId(), s.getQuantity()));
        supplements = new ArrayList<>();
        if (accommodationId == null) {
            return;
        }
        for (CatalogSupplement s : supplementService.list(profile.accountId())) {
            if (!s.isMandatory() && (s.allAccommodations() || s.accommodationIds().contains(accommodationId))) {
                SupplementText text = text(s);
                SupplementChoice choice = new SupplementChoice(s.id(), text == null ? "#" + s.id() : text.label(),
                        text == null ? "" : text.description().orElse(""), s.maxQuantity());
                choice.setQuantity(kept.getOrDefault(s.id(), 0));
                supplements.add(choice);
            }
        }
    }

    private SupplementText text(CatalogSupplement supplement) {
        Map<Language, SupplementText> texts = supplement.texts();
        SupplementText text = texts.getOrDefault(language(), texts.get(Language.FR));
        return text != null ? text : texts.values().stream().findFirst().orElse(null);
    }

    private Language language() {
        return siteLanguage.getLanguage();
    }

    /** Asks the engine again; every change of the stay, the party, the supplements or the code calls it. */
    public void requote() {
        result = null;
        promoPercent = null;
        notice = null;
        if (accommodationId == null || arrival == null || nights == null || nights < 1 || nights > MAX_NIGHTS) {
            notice = "book.quote.incomplete";
            return;
        }
        try {
            result = quotes.quote(profile.accountId(), stayRequest());
            result.quote().flatMap(Quote::appliedPromoCode)
                    .flatMap(code -> site.promoCodePercent(profile.accountId(), code))
                    .ifPresent(p -> promoPercent = p.stripTrailingZeros().toPlainString());
        } catch (InvalidInputException e) {
            notice = e.violations().isEmpty() ? "book.quote.incomplete" : "book.party.empty";
        } catch (NotFoundException e) {
            notice = "book.quote.incomplete";
        }
    }

    private StayRequest stayRequest() {
        Map<String, Integer> persons = new LinkedHashMap<>();
        for (PartyLine line : party) {
            persons.put(line.getLabel(), line.getPersons() == null ? 0 : line.getPersons());
        }
        Map<Long, Integer> chosen = new LinkedHashMap<>();
        for (SupplementChoice s : supplements) {
            if (s.getQuantity() != null && s.getQuantity() > 0) {
                chosen.put(s.getId(), s.getQuantity());
            }
        }
        return new StayRequest(accommodationId, StayPeriod.of(arrival, nights), persons, chosen,
                Optional.ofNullable(promoCode), language());
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
            Guest guest = new Guest(firstName, lastName, email, phone, address, postalCode, city, country, language());
            Dossier dossier = bookings.book(profile.accountId(), new BookingCommand(stayRequest(), guest,
                            test ? Origin.TEST : Origin.BOOKING_SITE, test ? "booking-tests" : "site", false,
                            new TermsAcceptance(termsVersion, Instant.now())),
                    idempotencyKey, test ? currentUser.get().login() : "guest");
            Faces.redirect("/pay/" + dossier.guestToken() + "?lang=" + language().code());
        } catch (StayTakenException e) {
            refused("book.stayTaken");
        } catch (InvalidInputException e) {
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
            boolean taken = e.refusals().stream().anyMatch(r -> r.reason() == UnbookableReason.NO_STOCK);
            refused(taken ? "book.stayTaken" : "book.notBookable");
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
        boolean valid = true;
        valid &= required(lastName, "lastName");
        valid &= required(firstName, "firstName");
        if (!required(email, "email")) {
            valid = false;
        } else if (!EMAIL.matcher(email.strip()).matches() || email.strip().length() > 254) {
            SiteTexts.error(FORM + ":email", "book.email.invalid");
            valid = false;
        }
        valid &= required(phone, "phone");
        if (country != null && !country.isBlank() && !country.strip().matches("[A-Za-z]{2}")) {
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

    public boolean isQuoted() {
        return result != null && result.isBookable();
    }

    public boolean isRefused() {
        return result != null && !result.isBookable();
    }

    private Quote quote() {
        return result.quote().orElseThrow();
    }

    public List<ShownLine> getLines() {
        if (!isQuoted()) {
            return List.of();
        }
        List<ShownLine> lines = new ArrayList<>();
        for (QuoteLine line : quote().lines()) {
            String text = SiteTexts.text("line." + line.kind().name());
            String label = line.label().isBlank() ? text : text + " : " + line.label();
            lines.add(new ShownLine(line.kind().name(), label, line.quantity(), SiteTexts.money(line.amount())));
        }
        return lines;
    }

    /** "-25 % Promotion Noël 2019" when a code applied. */
    public String getPromoBadge() {
        if (!isQuoted()) {
            return "";
        }
        return quote().lines(QuoteLine.Kind.PROMO_CODE).stream().findFirst()
                .map(l -> (promoPercent == null ? "" : "-" + promoPercent + " % ") + l.label()).orElse("");
    }

    public String getStruckOutPrice() {
        return isQuoted() ? quote().struckOutPrice().map(SiteTexts::money).orElse("") : "";
    }

    public String getAccommodationPrice() { return isQuoted() ? SiteTexts.money(quote().accommodationPrice()) : ""; }
    public String getTotal() { return isQuoted() ? SiteTexts.money(quote().total()) : ""; }
    public String getDepositAmount() { return isQuoted() ? SiteTexts.money(quote().deposit().amount()) : ""; }
    public String getDepositDue() { return isQuoted() ? SiteTexts.shortDate(quote().deposit().dueDate()) : ""; }
    public String getBalanceAmount() { return isQuoted() ? SiteTexts.money(quote().balance().amount()) : ""; }
    public String getBalanceDue() { return isQuoted() ? SiteTexts.shortDate(quote().balance().dueDate()) : ""; }

    public String getDepositLabel() {
        if (!isQuoted()) {
            return "";
        }
        Quote.Deposit deposit = quote().deposit();
        return SiteTexts.text("deposit." + deposit.type().name(),
                deposit.percentage().value().stripTrailingZeros().toPlainString());
    }

    public String getPromoCodeRejection() {
        return isQuoted() ? quote().promoCodeRejection().map(r -> SiteTexts.text("promo." + r.name())).orElse("") : "";
    }

    public List<String> getRefusals() {
        if (!isRefused()) {
            return List.of();
        }
        // the detail is for the owner; a guest reads each reason once
        Set<String> reasons = new LinkedHashSet<>();
        for (Refusal refusal : result.refusals()) {
            reasons.add(SiteTexts.text("refusal." + refusal.reason().name()));
        }
        return new ArrayList<>(reasons);
    }

    public String getNotice() { return notice == null ? "" : SiteTexts.text(notice); }

    public String getStaySummary() {
        if (arrival == null || nights == null || nights < 1 || nights > MAX_NIGHTS) {
            return "";
        }
        return SiteTexts.text("book.staySummary", SiteTexts.shortDate(arrival), SiteTexts.shortDate(arrival.plusDays(nights)),
                SiteFormat.length(nights));
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
        if (accommodationId != null) {
            url.append("accommodation=").append(accommodationId).append('&');
        }
        if (arrival != null) {
            url.append("arrival=").append(arrival).append('&');
        }
        if (nights != null) {
            url.append("nights=").append(nights);
        }
        return url.toString();
    }

    public List<Integer> getNightChoices() {
        List<Integer> choices = new ArrayList<>();
        for (int n = 1; n <= MAX_NIGHTS; n++) {
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
    public Map<Long, String> getAccommodations() { return accommodations; }
    public List<PartyLine> getParty() { return party; }
    public List<SupplementChoice> getSupplements() { return supplements; }
    public String getAccountParam() { return accountParam; }
    public void setAccountParam(String v) { accountParam = v; }
    public String getAccommodationParam() { return accommodationParam; }
    public void setAccommodationParam(String v) { accommodationParam = v; }
    public String getArrivalParam() { return arrivalParam; }
    public void setArrivalParam(String v) { arrivalParam = v; }
    public String getNightsParam() { return nightsParam; }
    public void setNightsParam(String v) { nightsParam = v; }
    public Long getAccommodationId() { return accommodationId; }
    public void setAccommodationId(Long v) { accommodationId = v; }
    public LocalDate getArrival() { return arrival; }
    public void setArrival(LocalDate v) { arrival = v; }
    public Integer getNights() { return nights; }
    public void setNights(Integer v) { nights = v; }
    public String getPromoCode() { return promoCode; }
    public void setPromoCode(String v) { promoCode = v; }
    public String getFirstName() { return firstName; }
    public void setFirstName(String v) { firstName = v; }
    public String getLastName() { return lastName; }
    public void setLastName(String v) { lastName = v; }
    public String getEmail() { return email; }
    public void setEmail(String v) { email = v; }
    public String getPhone() { return phone; }
    public void setPhone(String v) { phone = v; }
    public String getAddress() { return address; }
    public void setAddress(String v) { address = v; }
    public String getPostalCode() { return postalCode; }
    public void setPostalCode(String v) { postalCode = v; }
    public String getCity() { return city; }
    public void setCity(String v) { city = v; }
    public String getCountry() { return country; }
    public void setCountry(String v) { country = v; }
    public boolean isTermsAccepted() { return termsAccepted; }
    public void setTermsAccepted(boolean v) { termsAccepted = v; }
}
