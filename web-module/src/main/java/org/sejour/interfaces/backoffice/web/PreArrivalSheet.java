package org.sejour.interfaces.backoffice.web;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.sejour.application.booking.BusinessCalendar;
import org.sejour.application.prearrival.PreArrivalService;
import org.sejour.domain.model.prearrival.PreArrivalForm;
import org.sejour.interfaces.security.CurrentUser;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The guest's pre-arrival form on the dossier page, read-only: when they arrive, who comes, the
 * police form's fields and the link to print them. Read once a request for the owner signed in:
 * another owner's dossier shows nothing.
 */
@Named
@RequestScoped
public class PreArrivalSheet {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Inject
    CurrentUser currentUser;
    @EJB
    PreArrivalService service;

    private final Map<Long, Optional<PreArrivalForm>> read = new HashMap<>();

    /** The form of the owner's dossier, or null when none was sent. */
    public PreArrivalForm of(Long dossierId) {
        if (dossierId == null) {
            return null;
        }
        return read.computeIfAbsent(dossierId, id -> service.ofDossier(currentUser.accountId(), id)).orElse(null);
    }

    public String time(LocalTime time) {
        return time == null ? "" : String.format("%02d:%02d", time.getHour(), time.getMinute());
    }

    public String day(LocalDate day) {
        return day == null ? "" : DAY.format(day);
    }

    public String received(PreArrivalForm form) {
        return Faces.text("prearrival.received", DAY.format(form.updatedAt().atZone(BusinessCalendar.ZONE)));
    }

    /** A nationality's name in the owner's language. */
    public String country(String code) {
        Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
        return code == null ? "" : new Locale("", code).getDisplayCountry(locale);
    }
}
