package org.sejour.interfaces.backoffice.web;

import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.sejour.application.booking.BookingService;
import org.sejour.application.booking.ChangeCommand;
import org.sejour.application.booking.ChangePreview;
import org.sejour.application.dossier.DossierQueries;
import org.sejour.application.dossier.DossierView;
import org.sejour.domain.model.dossier.NotBookableException;
import org.sejour.domain.model.dossier.Repricing;
import org.sejour.domain.model.dossier.StayTakenException;
import org.sejour.domain.model.pricing.QuoteLine;
import org.sejour.domain.model.shared.InvalidInputException;
import org.sejour.domain.model.shared.Language;
import org.sejour.domain.model.shared.Money;
import org.sejour.domain.model.shared.NotFoundException;
import org.sejour.domain.model.shared.SejourException;
import org.sejour.interfaces.web.booking.BookingForm;
import org.sejour.interfaces.web.booking.StayForm;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Changing a booking (dates, nights, accommodations, persons, supplements, code): the same form
 * as the phone booking, filled in from the dossier; the stay as booked and as it would now be
 * priced side by side; the owner keeps the agreed price, takes the new one, or types an adjustment
 * with its reason; the nights move in one transaction ({@link BookingService#change}).
 */
@Named
@ViewScoped
public class BookingChange extends OwnerBookingPage {

    private static final long serialVersionUID = 1L;
    static final String FORM = "change";

    @EJB
    DossierQueries queries;
    @EJB
    BookingService bookings;

    private String idParam;
    private Long id;
    private DossierView dossier;
    private Repricing.Choice choice = Repricing.Choice.NEW_PRICE;
    private BigDecimal adjustment;
    private String reason;
    private boolean mailGuest;
    private transient ChangePreview preview;
    private String quoteHint;

    /** f:viewAction: the dossier named in the URL, its stays in the form; another owner's id is a 404. */
    public void load() {
        if (FacesContext.getCurrentInstance().isPostback()) {
            return;
        }
        try {
            id = Long.valueOf(idParam);
            dossier = queries.view(currentUser.accountId(), id);
        } catch (NumberFormatException | NotFoundException e) {
            Faces.notFound();
            return;
        }
        form = newForm();
        form.setArrival(dossier.arrival());
        form.setNights(dossier.nights());
        form.setPromoCode(dossier.promoCode());
        for (DossierView.Stay booked : dossier.stays()) {
            StayForm stay = booked.position() == 0 ? form.first() : form.addStay();
            stay.setAccommodationId(booked.accommodationId());
            stay.persons(booked.party().stream().collect(Collectors.toMap(DossierView.Party::label,
                    DossierView.Party::persons, Integer::sum)));
            stay.exempt(booked.exemptions());
            offerSupplements(stay);
            stay.choose(dossier.linesOf(booked.position()).stream()
                    .filter(l -> QuoteLine.Kind.SUPPLEMENT.name().equals(l.kind()) && l.reference() != null)
                    .collect(Collectors.toMap(DossierView.Line::reference, DossierView.Line::quantity, Integer::sum)));
        }
        requote();
    }

    private Language language() {
        return dossier.guest().language();
    }

    /** Prices the stays as typed, and the owner's choice of price, without changing anything. */
    @Override
    public void requote() {
        preview = null;
        quoteHint = null;
        form.forget();
        if (dossier == null || dossier.isCancelled()) {
            return;
        }
        if (!form.isComplete()) {
            quoteHint = "phone.quote.incomplete";
            return;
        }
        try {
            preview = bookings.previewChange(currentUser.accountId(), id, form.requests(language()), decision(false));
            form.requote(language(), stays -> preview.quotes());
        } catch (InvalidInputException e) {
            quoteHint = e.violations().isEmpty() ? "phone.quote.incomplete" : e.violations().get(0).messageKey();
        } catch (SejourException e) {
            quoteHint = e.messageKey();
        }
    }

    /**
     * The owner's choice; while they are still typing an adjustment, the preview shows today's
     * price ({@code strict} false), the change itself insists on an amount and a reason.
     */
    private Repricing.Decision decision(boolean strict) {
        if (choice == Repricing.Choice.ADJUSTMENT) {
            try {
                return new Repricing.Decision(choice, adjustment == null ? null : Money.of(adjustment), reason);
            } catch (InvalidInputException e) {
                if (strict) {
                    throw e;
                }
                return Repricing.Decision.of(Repricing.Choice.NEW_PRICE);
            }
        }
        return Repricing.Decision.of(choice);
    }

    /** Applies the change: nights moved, price agreed, contract issued again, the mail if ticked. */
    public void apply() {
        if (!form.getStays().stream().allMatch(StayForm::hasPersons)) {
            Faces.error(FORM + ":party", "booking.party.empty");
            FacesContext.getCurrentInstance().validationFailed();
            return;
        }
        try {
            bookings.change(currentUser.accountId(), id, new ChangeCommand(form.requests(language()), decision(true),
                    mailGuest), currentUser.get().login());
            Faces.redirect("/app/dossier.xhtml?id=" + id, mailGuest ? "change.done.mailed" : "change.done");
        } catch (StayTakenException e) {
            refused(e.byChannel() ? "phone.closedByChannel" : "phone.stayTaken");
        } catch (NotBookableException e) {
            refused(BackOfficeTexts.takenMeanwhile(e.refusals())
                    ? BackOfficeTexts.byChannel(e.refusals()) ? "phone.closedByChannel" : "phone.stayTaken"
                    : "phone.notBookable");
        } catch (SejourException e) {
            requote();
            Faces.show(FORM, e);
            FacesContext.getCurrentInstance().validationFailed();
        }
    }

    private void refused(String key) {
        requote();
        Faces.error(null, key);
        FacesContext.getCurrentInstance().validationFailed();
    }

    // ---------------------------------------------------------------- what the page shows

    /** The lines of the dossier as booked, each stay's under its accommodation when there are several. */
    public List<BookingForm.ShownLine> getBookedLines() {
        List<String> names = dossier.stays().stream().map(DossierView.Stay::accommodation).toList();
        return dossier.lines().stream().map(l -> shown(l.kind(), l.label(), l.quantity(), l.amount(),
                named(names, l.stay()))).toList();
    }

    /** The lines as they would be, the owner's choice applied. */
    public List<BookingForm.ShownLine> getNewLines() {
        if (!isPriced()) {
            return List.of();
        }
        List<String> names = form.getStays().stream()
                .map(s -> form.getAccommodations().getOrDefault(s.getAccommodationId(), "")).toList();
        return getPrice().lines().stream().map(l -> shown(l.kind(), l.label(), l.quantity(), l.amount(),
                named(names, l.stay()))).toList();
    }

    /** The accommodation a line prices, when the dossier books several; null otherwise. */
    private static String named(List<String> names, Integer stay) {
        return names.size() < 2 || stay == null || stay >= names.size() ? null : names.get(stay);
    }

    private static BookingForm.ShownLine shown(String kind, String own, int quantity, BigDecimal amount,
                                               String accommodation) {
        String text = own == null || own.isBlank() ? Faces.text("dossier.line." + kind)
                : Faces.text("dossier.line." + kind) + " : " + own;
        return new BookingForm.ShownLine(kind, accommodation == null ? text : accommodation + " — " + text, quantity,
                Formats.money(Money.of(amount), Formats.viewLocale()));
    }

    public boolean isPriced() {
        return preview != null && preview.price().isPresent();
    }

    public ChangePreview.Price getPrice() {
        return isPriced() ? preview.price().get() : null;
    }

    public List<String> getRefusals() {
        return form.refusals(BackOfficeTexts.QUOTES);
    }

    public String getQuoteHint() {
        return quoteHint == null ? "" : Faces.text(quoteHint);
    }

    public boolean isGuestHasEmail() {
        return dossier != null && dossier.guest().email() != null;
    }

    public List<Repricing.Choice> getChoices() {
        return List.of(Repricing.Choice.values());
    }

    public String getDeparture() {
        return form.departure() == null ? "" : Formats.date(form.departure(), Formats.viewLocale());
    }

    public Long getId() { return id; }
    public String getIdParam() { return idParam; }
    public void setIdParam(String idParam) { this.idParam = idParam; }
    public DossierView getDossier() { return dossier; }
    public Repricing.Choice getChoice() { return choice; }
    public void setChoice(Repricing.Choice choice) { this.choice = choice; }
    public BigDecimal getAdjustment() { return adjustment; }
    public void setAdjustment(BigDecimal adjustment) { this.adjustment = adjustment; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public boolean isMailGuest() { return mailGuest; }
    public void setMailGuest(boolean mailGuest) { this.mailGuest = mailGuest; }
}
