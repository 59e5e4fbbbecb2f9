package org.sejour.interfaces.backoffice.web;

import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.sejour.application.AccommodationService;
import org.sejour.application.booking.BookingCommand;
import org.sejour.application.booking.BookingService;
import org.sejour.application.booking.QuoteService;
import org.sejour.application.booking.StayRequest;
import org.sejour.application.catalog.AgeRangeService;
import org.sejour.application.catalog.SupplementService;
import org.sejour.domain.model.accommodation.Accommodation;
import org.sejour.domain.model.catalog.CatalogAgeRange;
import org.sejour.domain.model.catalog.CatalogSupplement;
import org.sejour.domain.model.catalog.SupplementText;
import org.sejour.domain.model.dossier.Dossier;
import org.sejour.domain.model.dossier.Guest;
import org.sejour.domain.model.dossier.NotBookableException;
import org.sejour.domain.model.dossier.Origin;
import org.sejour.domain.model.dossier.StayTakenException;
import org.sejour.domain.model.pricing.Quote;
import org.sejour.domain.model.pricing.QuoteLine;
import org.sejour.domain.model.pricing.QuoteResult;
import org.sejour.domain.model.pricing.Refusal;
import org.sejour.domain.model.pricing.UnbookableReason;
import org.sejour.domain.model.shared.InvalidInputException;
import org.sejour.domain.model.shared.Language;
import org.sejour.domain.model.shared.Money;
import org.sejour.domain.model.shared.SejourException;
import org.sejour.domain.model.shared.StayPeriod;
import org.sejour.interfaces.security.CurrentUser;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A booking taken on the phone: the owner picks the stay, counts the persons, adds supplements
 * and a code, watches the engine's quote follow every change, then creates the dossier as an
 * option or confirmed. The quote shown is the engine's own (QuoteService), never recomputed here.
 */
@Named
@ViewScoped
public class PhoneBooking implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String FORM = "booking";
    static final int MAX_NIGHTS = 90;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    @Inject
    CurrentUser currentUser;
    @EJB
    AccommodationService accommodationService;
    @EJB
    AgeRangeService ageRangeService;
    @EJB
    SupplementService supplementService;
    @EJB
    QuoteService quoteService;
    @EJB
    BookingService bookingService;

    /** one age range of the owner and how many persons of it come */
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

    /** an optional supplement offered for the chosen accommodation and its quantity (0: not taken) */
    public static class SupplementChoice implements Serializable {
        private static final long serialVersionUID = 1L;
        private final long id;
        private final String label;
        private final int maxQuantity;
        private Integer quantity = 0;

        SupplementChoice(long id, String label, int maxQuantity) {
            this.id = id;
            this.label = label;
            this.maxQuantity = maxQuantity;
        }

        public long getId() { return id; }
        public String getLabel() { return label; }
        public int getMaxQuantity() { return maxQuantity; }
        public Integer getQuantity() { return quantity; }
        public void setQuantity(Integer quantity) { this.quantity = quantity; }
    }

    /** a line of the quote as shown: text in the user's language, signed amount */
    public record ShownLine(String kind, String label, int quantity, String amount) implements Serializable {
    }

    // query parameters (the planning and the dashboard link here)
    private String accommodationParam;
    private String arrivalParam;
    private String nightsParam;

    private Map<Long, String> accommodations = new LinkedHashMap<>();
    private Long accommodationId;
    private LocalDate arrival;
    private Integer nights = 7;
    private List<PartyLine> party = new ArrayList<>();
    private List<SupplementChoice> supplements = new ArrayList<>();
    private String promoCode;
    private String firstName;
    private String lastName;
    private String email;
    private String phone;
    private String address;
    private String postalCode;
    private String city;
    private String country = "FR";
    private Language language = Language.FR;
    private boolean confirmed;
    /** send the guest their mail (contract or notification) with the booking, in its transaction */
    private boolean mailGuest;

    /** one key per page: a double click books once (the engine answers the same dossier) */
    private final String idempotencyKey = "phone-" + UUID.randomUUID();
    private transient QuoteResult result;
    private String quoteHint;
    private String stayTaken;

    /** Reads the parameters once; another owner's accommodation answers 404. */
    public void load() {
        if (FacesContext.getCurrentInstance().isPostback()) {
            return;
        }
        long accountId = currentUser.accountId();
        for (Accommodation a : accommodationService.list(accountId)) {
            accommodations.put(a.id(), a.name());
        }
        for (CatalogAgeRange range : ageRangeService.list(accountId)) {
            // the first range is the adults': a phone booking starts with two of them
            party.add(new PartyLine(range.label(), range.minAge(), range.maxAge(), party.isEmpty() ? 2 : 0));
        }
        if (accommodationParam != null && !accommodationParam.isBlank()) {
            Long wanted = parseLong(accommodationParam);
            if (wanted == null || !accommodations.containsKey(wanted)) {
                Faces.notFound();
                return;
            }
            accommodationId = wanted;
        } else if (accommodations.size() == 1) {
            accommodationId = accommodations.keySet().iterator().next();
        }
        if (arrivalParam != null && !arrivalParam.isBlank()) {
            try {
                arrival = LocalDate.parse(arrivalParam);
            } catch (DateTimeParseException e) {
                Faces.error(FORM + ":arrival", "phone.arrival.invalid");
            }
        }
        Long askedNights = parseLong(nightsParam);
        if (askedNights != null && askedNights >= 1 && askedNights <= MAX_NIGHTS) {
            nights = askedNights.intValue();
        }
        offerSupplements();
        requote();
    }

    private static Long parseLong(String text) {
        try {
            return text == null ? null : Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The accommodation changed: the supplements offered change with it, quantities kept where they still apply. */
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
        for (CatalogSupplement s : supplementService.list(currentUser.accountId())) {
            if (!s.isMandatory() && (s.allAccommodations() || s.accommodationIds().contains(accommodationId))) {
                SupplementChoice choice = new SupplementChoice(s.id(), label(s), s.maxQuantity());
                choice.setQuantity(kept.getOrDefault(s.id(), 0));
                supplements.add(choice);
            }
        }
    }

    private String label(CatalogSupplement supplement) {
        Map<Language, SupplementText> texts = supplement.texts();
        Language shown = Language.fromCode(locale().getLanguage()).orElse(Language.FR);
        SupplementText text = texts.getOrDefault(shown, texts.get(Language.FR));
        if (text == null) {
            text = texts.values().stream().findFirst().orElse(null);
        }
        return text == null ? "#" + supplement.id() : text.label();
    }

    /** Asks the engine again; called by every change of the stay, the party, the supplements or the code. */
    public void requote() {
        result = null;
        quoteHint = null;
        stayTaken = null;
        if (accommodationId == null || arrival == null || nights == null || nights < 1 || nights > MAX_NIGHTS) {
            quoteHint = "phone.quote.incomplete";
            return;
        }
        try {
            result = quoteService.quote(currentUser.accountId(), stayRequest());
        } catch (InvalidInputException e) {
            quoteHint = e.violations().isEmpty() ? "phone.quote.incomplete" : e.violations().get(0).messageKey();
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
                Optional.ofNullable(promoCode), language);
    }

    /** Books through the engine and opens the new dossier; on any refusal the form stays as typed. */
    public void create() {
        if (!valid()) {
            FacesContext.getCurrentInstance().validationFailed();
            requote();
            return;
        }
        try {
            Guest guest = new Guest(firstName, lastName, email, phone, address, postalCode, city, country, language);
            Dossier dossier = bookingService.book(currentUser.accountId(),
                    new BookingCommand(stayRequest(), guest, Origin.PHONE, null, confirmed, mailGuest), idempotencyKey,
                    currentUser.get().login());
            Faces.redirect("/app/dossier.xhtml?id=" + dossier.id());
        } catch (StayTakenException e) {
            requote();
            stayTaken = "phone.stayTaken";
            Faces.error(null, "phone.stayTaken");
            FacesContext.getCurrentInstance().validationFailed();
        } catch (NotBookableException e) {
            requote();
            // no stock left where the quote a moment ago had some: someone else just took the stay
            boolean taken = e.refusals().stream().anyMatch(r -> r.reason() == UnbookableReason.NO_STOCK);
            stayTaken = taken ? "phone.stayTaken" : null;
            Faces.error(null, taken ? "phone.stayTaken" : "phone.notBookable");
            FacesContext.getCurrentInstance().validationFailed();
        } catch (SejourException e) {
            requote();
            Faces.show(FORM, e);
            FacesContext.getCurrentInstance().validationFailed();
        }
    }

    private boolean valid() {
        boolean valid = true;
        if (accommodationId == null || !accommodations.containsKey(accommodationId)) {
            Faces.error(FORM + ":accommodation", "phone.accommodation.required");
            valid = false;
        }
        if (arrival == null) {
            Faces.error(FORM + ":arrival", "phone.arrival.required");
            valid = false;
        }
        if (nights == null || nights < 1 || nights > MAX_NIGHTS) {
            Faces.error(FORM + ":nights", "phone.nights.range", MAX_NIGHTS);
            valid = false;
        }
        if (party.stream().allMatch(p -> p.getPersons() == null || p.getPersons() <= 0)) {
            Faces.error(FORM + ":party", "booking.party.empty");
            valid = false;
        }
        if (lastName == null || lastName.isBlank()) {
            Faces.error(FORM + ":lastName", "phone.lastName.required");
            valid = false;
        }
        if (firstName == null || firstName.isBlank()) {
            Faces.error(FORM + ":firstName", "phone.firstName.required");
            valid = false;
        }
        if (email != null && !email.isBlank() && !EMAIL.matcher(email.strip()).matches()) {
            Faces.error(FORM + ":email", "phone.email.invalid");
            valid = false;
        } else if (mailGuest && (email == null || email.isBlank())) {
            Faces.error(FORM + ":email", "booking.mailGuest.noEmail");
            valid = false;
        }
        if (country != null && !country.isBlank() && !country.strip().matches("[A-Za-z]{2}")) {
            Faces.error(FORM + ":country", "phone.country.invalid");
            valid = false;
        }
        return valid;
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
            String text = Faces.text("quote.line." + line.kind().name());
            String label = line.label().isBlank() ? text : text + " : " + line.label();
            lines.add(new ShownLine(line.kind().name(), label, line.quantity(), money(line.amount())));
        }
        return lines;
    }

    public String getTotal() { return isQuoted() ? money(quote().total()) : ""; }
    public String getDepositAmount() { return isQuoted() ? money(quote().deposit().amount()) : ""; }
    public String getDepositDue() { return isQuoted() ? date(quote().deposit().dueDate()) : ""; }
    public String getBalanceAmount() { return isQuoted() ? money(quote().balance().amount()) : ""; }
    public String getBalanceDue() { return isQuoted() ? date(quote().balance().dueDate()) : ""; }

    public String getDepositLabel() {
        if (!isQuoted()) {
            return "";
        }
        Quote.Deposit deposit = quote().deposit();
        return Faces.text("quote.deposit." + deposit.type().name(), deposit.percentage().value().stripTrailingZeros().toPlainString());
    }

    /** Why a typed code gave nothing; empty when it applied or none was typed. */
    public String getPromoCodeRejection() {
        return isQuoted() ? quote().promoCodeRejection().map(r -> Faces.text("quote.promoCode." + r.name())).orElse("")
                : "";
    }

    public List<String> getRefusals() {
        if (!isRefused()) {
            return List.of();
        }
        List<String> reasons = new ArrayList<>();
        for (Refusal refusal : result.refusals()) {
            String text = Faces.text("quote.refusal." + refusal.reason().name());
            reasons.add(refusal.detail().isBlank() ? text : text + " (" + refusal.detail() + ")");
        }
        return reasons;
    }

    public String getQuoteHint() { return quoteHint == null ? "" : Faces.text(quoteHint); }

    public String getDeparture() {
        return arrival == null || nights == null || nights < 1 || nights > MAX_NIGHTS ? ""
                : date(arrival.plusDays(nights));
    }

    private Locale locale() {
        return Formats.viewLocale();
    }

    private String money(Money amount) {
        return Formats.money(amount, locale());
    }

    private String date(LocalDate day) {
        return Formats.date(day, locale());
    }

    // ---------------------------------------------------------------- form properties

    public Map<Long, String> getAccommodations() { return accommodations; }
    public List<PartyLine> getParty() { return party; }
    public List<SupplementChoice> getSupplements() { return supplements; }
    public String getStayTaken() { return stayTaken == null ? "" : Faces.text(stayTaken); }

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
    public Language getLanguage() { return language; }
    public void setLanguage(Language v) { language = v; }
    public boolean isConfirmed() { return confirmed; }
    public void setConfirmed(boolean v) { confirmed = v; }
    public boolean isMailGuest() { return mailGuest; }
    public void setMailGuest(boolean v) { mailGuest = v; }
}
