package org.sejour.interfaces.backoffice.web;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import org.sejour.application.AccommodationService;
import org.sejour.application.catalog.AgeRangeService;
import org.sejour.application.catalog.SupplementService;
import org.sejour.domain.model.accommodation.Accommodation;
import org.sejour.domain.model.shared.Language;
import org.sejour.interfaces.security.CurrentUser;
import org.sejour.interfaces.web.booking.BookingForm;
import org.sejour.interfaces.web.booking.StayForm;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the owner's booking screens (the phone booking, the change of a booking) do the same way
 * with the shared {@link BookingForm}: stays added and removed, an accommodation chosen (its
 * supplements offered in the viewer's language), each followed by a new quote, which each screen
 * asks its own way.
 */
public abstract class OwnerBookingPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CurrentUser currentUser;
    @EJB
    SupplementService supplementService;
    @EJB
    AccommodationService accommodationService;
    @EJB
    AgeRangeService ageRangeService;

    protected BookingForm form = BookingForm.of(Map.of(), List.of());

    /** A fresh form over all the owner's accommodations (any visibility: the owner books them all) and age ranges. */
    protected BookingForm newForm() {
        long accountId = currentUser.accountId();
        Map<Long, String> accommodations = new LinkedHashMap<>();
        for (Accommodation a : accommodationService.list(accountId)) {
            accommodations.put(a.id(), a.name());
        }
        return BookingForm.of(accommodations, ageRangeService.list(accountId));
    }

    /** Asks the engine again, after any change of the form. */
    public abstract void requote();

    /** An accommodation changed: its supplements come with it, quantities kept where they still apply. */
    public void accommodationChanged(StayForm stay) {
        offerSupplements(stay);
        requote();
    }

    /** Another accommodation for the same nights, in the same dossier. */
    public void addStay() {
        form.addStay();
        requote();
    }

    public void removeStay(StayForm stay) {
        form.removeStay(stay);
        requote();
    }

    protected void offerSupplements(StayForm stay) {
        stay.offer(supplementService.list(currentUser.accountId()),
                Language.fromCode(Formats.viewLocale().getLanguage()).orElse(Language.FR));
    }

    public BookingForm getForm() {
        return form;
    }
}
