package org.sejour.interfaces.backoffice.web;

import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.sejour.application.booking.BookingCommand;
import org.sejour.application.booking.BookingService;
import org.sejour.application.booking.BusinessCalendar;
import org.sejour.application.booking.QuoteService;
import org.sejour.domain.model.dossier.Dossier;
import org.sejour.domain.model.dossier.NotBookableException;
import org.sejour.domain.model.dossier.Origin;
import org.sejour.domain.model.dossier.StayTakenException;
import org.sejour.domain.model.shared.InvalidInputException;
import org.sejour.domain.model.shared.Language;
import org.sejour.domain.model.shared.SejourException;
import org.sejour.interfaces.web.booking.BookingForm;
import org.sejour.interfaces.web.booking.GuestForm;
import org.sejour.interfaces.web.booking.QuoteSummary;
import org.sejour.interfaces.web.booking.StayForm;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A booking taken on the phone: the owner picks the stay, one accommodation or several for the
 * same nights (a family renting two gîtes: one dossier), counts the persons, adds supplements and
 * a code, watches the engine's quote follow every change, then creates the dossier as an option
 * or confirmed. The form is the one the site and the change screen share ({@link BookingForm});
 * the quote shown is the engine's own (QuoteService), never recomputed here.
 */
@Named
@ViewScoped
public class PhoneBooking extends OwnerBookingPage {

    private static final long serialVersionUID = 1L;
    static final String FORM = "booking";

    @EJB
    QuoteService quoteService;
    @EJB
    BookingService bookingService;

    // query parameters (the planning and the dashboard link here); accommodation: one id or several, comma-separated
    private String accommodationParam;
    private String arrivalParam;
    private String nightsParam;

    private Language language = Language.FR;
    private boolean confirmed;
    /** send the guest their mail (contract or notification) with the booking, in its transaction */
    private boolean mailGuest;

    /** one key per page: a double click books once (the engine answers the same dossier) */
    private final String idempotencyKey = "phone-" + UUID.randomUUID();
    private String quoteHint;
    private String stayTaken;

    /** Reads the parameters once; another owner's accommodation answers 404. */
    public void load() {
        if (FacesContext.getCurrentInstance().isPostback()) {
            return;
        }
        form = newForm();
        if (accommodationParam != null && !accommodationParam.isBlank()) {
            List<Long> wanted = new ArrayList<>();
            for (String id : accommodationParam.split(",")) {
                Long parsed = parseLong(id);
                if (parsed == null || !form.getAccommodations().containsKey(parsed)) {
                    Faces.notFound();
                    return;
                }
                wanted.add(parsed);
            }
            form.first().setAccommodationId(wanted.get(0));
            wanted.stream().skip(1).forEach(id -> form.addStay().setAccommodationId(id));
        }
        if (arrivalParam != null && !arrivalParam.isBlank()) {
            try {
                form.setArrival(LocalDate.parse(arrivalParam));
            } catch (DateTimeParseException e) {
                Faces.error(FORM + ":arrival", "phone.arrival.invalid");
            }
        }
        Long askedNights = parseLong(nightsParam);
        if (askedNights != null && askedNights >= 1 && askedNights <= BookingForm.MAX_NIGHTS) {
            form.setNights(askedNights.intValue());
        }
        form.getStays().forEach(this::offerSupplements);
        requote();
    }

    private static Long parseLong(String text) {
        try {
            return text == null ? null : Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Asks the engine again; called by every change of the stay, the party, the supplements or the code. */
    @Override
    public void requote() {
        quoteHint = null;
        stayTaken = null;
        form.forget();
        if (!form.isComplete()) {
            quoteHint = "phone.quote.incomplete";
            return;
        }
        try {
            LocalDate today = BusinessCalendar.today(Clock.systemUTC());
            form.requote(language, stays -> quoteService.quote(currentUser.accountId(), stays, today));
        } catch (InvalidInputException e) {
            quoteHint = e.violations().isEmpty() ? "phone.quote.incomplete" : e.violations().get(0).messageKey();
        }
    }

    /** Books through the engine and opens the new dossier; on any refusal the form stays as typed. */
    public void create() {
        if (!valid()) {
            FacesContext.getCurrentInstance().validationFailed();
            requote();
            return;
        }
        try {
            GuestForm guest = form.getGuest();
            Dossier dossier = bookingService.book(currentUser.accountId(),
                    new BookingCommand(form.requests(language), guest.toGuest(language), Origin.PHONE, null,
                            confirmed, null, mailGuest), idempotencyKey, currentUser.get().login());
            Faces.redirect("/app/dossier.xhtml?id=" + dossier.id());
        } catch (StayTakenException e) {
            requote();
            taken(e.byChannel());
        } catch (NotBookableException e) {
            requote();
            // no stock left where the quote a moment ago had some: someone else just took the stay
            boolean taken = BackOfficeTexts.takenMeanwhile(e.refusals());
            if (taken) {
                taken(BackOfficeTexts.byChannel(e.refusals()));
            } else {
                Faces.error(null, "phone.notBookable");
                FacesContext.getCurrentInstance().validationFailed();
            }
        } catch (SejourException e) {
            requote();
            Faces.show(FORM, e);
            FacesContext.getCurrentInstance().validationFailed();
        }
    }

    private void taken(boolean byChannel) {
        stayTaken = byChannel ? "phone.closedByChannel" : "phone.stayTaken";
        Faces.error(null, stayTaken);
        FacesContext.getCurrentInstance().validationFailed();
    }

    private boolean valid() {
        boolean valid = true;
        if (form.getStays().stream().anyMatch(s -> s.getAccommodationId() == null
                || !form.getAccommodations().containsKey(s.getAccommodationId()))) {
            Faces.error(FORM + ":accommodation", "phone.accommodation.required");
            valid = false;
        }
        if (form.getArrival() == null) {
            Faces.error(FORM + ":arrival", "phone.arrival.required");
            valid = false;
        }
        if (!form.nightsValid()) {
            Faces.error(FORM + ":nights", "phone.nights.range", BookingForm.MAX_NIGHTS);
            valid = false;
        }
        if (!form.getStays().stream().allMatch(StayForm::hasPersons)) {
            Faces.error(FORM + ":party", "booking.party.empty");
            valid = false;
        }
        GuestForm guest = form.getGuest();
        if (GuestForm.isBlank(guest.getLastName())) {
            Faces.error(FORM + ":lastName", "phone.lastName.required");
            valid = false;
        }
        if (GuestForm.isBlank(guest.getFirstName())) {
            Faces.error(FORM + ":firstName", "phone.firstName.required");
            valid = false;
        }
        if (guest.emailMalformed()) {
            Faces.error(FORM + ":email", "phone.email.invalid");
            valid = false;
        } else if (mailGuest && GuestForm.isBlank(guest.getEmail())) {
            Faces.error(FORM + ":email", "booking.mailGuest.noEmail");
            valid = false;
        }
        if (guest.countryMalformed()) {
            Faces.error(FORM + ":country", "phone.country.invalid");
            valid = false;
        }
        return valid;
    }

    // ---------------------------------------------------------------- what the quote panel shows

    public boolean isQuoted() { return form.isQuoted(); }
    public boolean isRefused() { return form.isRefused(); }
    public List<BookingForm.ShownStay> getShownStays() { return form.shownStays(BackOfficeTexts.QUOTES); }
    public QuoteSummary getSummary() {
        return QuoteSummary.of(form.basket(), BackOfficeTexts.QUOTES, r -> Faces.text("quote.promoCode." + r));
    }
    public List<String> getRefusals() { return form.refusals(BackOfficeTexts.QUOTES); }
    public String getQuoteHint() { return quoteHint == null ? "" : Faces.text(quoteHint); }
    public String getStayTaken() { return stayTaken == null ? "" : Faces.text(stayTaken); }

    public String getDeparture() {
        LocalDate departure = form.departure();
        return departure == null ? "" : Formats.date(departure, Formats.viewLocale());
    }

    // ---------------------------------------------------------------- form properties

    public String getAccommodationParam() { return accommodationParam; }
    public void setAccommodationParam(String v) { accommodationParam = v; }
    public String getArrivalParam() { return arrivalParam; }
    public void setArrivalParam(String v) { arrivalParam = v; }
    public String getNightsParam() { return nightsParam; }
    public void setNightsParam(String v) { nightsParam = v; }
    public Language getLanguage() { return language; }
    public void setLanguage(Language v) { language = v; }
    public boolean isConfirmed() { return confirmed; }
    public void setConfirmed(boolean v) { confirmed = v; }
    public boolean isMailGuest() { return mailGuest; }
    public void setMailGuest(boolean v) { mailGuest = v; }
}
