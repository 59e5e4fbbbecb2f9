package org.sejour.interfaces.backoffice.web;

import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.sejour.application.AccommodationService;
import org.sejour.application.catalog.RateService;
import org.sejour.domain.model.catalog.CatalogRate;
import org.sejour.domain.model.shared.NotFoundException;
import org.sejour.domain.model.shared.SejourException;
import org.sejour.interfaces.security.CurrentUser;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * One rate as a whole (/app/rate.xhtml?id=, from the planning's "Voir les tarifs"): its periods
 * of application, one or several, the stay length, the arrival weekdays, the price and the remise.
 * The page says the repricing rule: dossiers already booked keep their price.
 */
@Named
@ViewScoped
public class RateEditor implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String FORM = "rate";

    @Inject
    CurrentUser currentUser;
    @EJB
    RateService rates;
    @EJB
    AccommodationService accommodations;

    private String idParam;
    private Long id;
    private String accommodationName;
    private PeriodRows periods = new PeriodRows();
    private RateForm rate = new RateForm();

    /** f:viewAction: the rate named, or 404 for another owner's or a missing one. */
    public void load() {
        if (FacesContext.getCurrentInstance().isPostback()) {
            return;
        }
        try {
            id = Long.valueOf(idParam);
            CatalogRate rate = rates.get(currentUser.accountId(), id);
            accommodationName = accommodations.get(currentUser.accountId(), rate.accommodationId()).name();
            periods = PeriodRows.of(rate.periods());
            this.rate = RateForm.of(rate);
        } catch (NumberFormatException | NotFoundException e) {
            Faces.notFound();
        }
    }

    public void save() {
        if (!rate.complete(FORM)) {
            return;
        }
        try {
            rates.redefine(currentUser.accountId(), id, periods.periods("periods"), rate.getNights(), rate.days(),
                    rate.getPrice(), rate.discount());
            Faces.info("rate.saved");
        } catch (SejourException e) {
            Faces.show(FORM, e);
        }
    }

    /** Deletes the rate and goes back to the planning, on the rate's first period. */
    public void delete() {
        try {
            LocalDate first = rates.get(currentUser.accountId(), id).periods().get(0).firstDay();
            rates.delete(currentUser.accountId(), id);
            Faces.redirect("/app/planning.xhtml?start=" + first, "planning.rate.deleted");
        } catch (SejourException e) {
            Faces.show(FORM, e);
        }
    }

    /** Back to the planning where the rate starts. */
    public String getPlanningStart() {
        return periods.getRows().stream().map(DayRow::getFirstDay).filter(d -> d != null).min(LocalDate::compareTo)
                .map(LocalDate::toString).orElse("");
    }

    public String getIdParam() { return idParam; }
    public void setIdParam(String idParam) { this.idParam = idParam; }
    public Long getId() { return id; }
    public String getAccommodationName() { return accommodationName; }
    public PeriodRows getPeriods() { return periods; }
    public RateForm getRate() { return rate; }
}
