package org.sejour.interfaces.backoffice.web;

import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.sejour.application.booking.BusinessCalendar;
import org.sejour.application.dossier.DossierQueries;
import org.sejour.application.dossier.DossierQueries.Movement;
import org.sejour.application.dossier.DossierExports;
import org.sejour.application.dossier.ExportLabels;
import org.sejour.application.dossier.MovementRow;
import org.sejour.application.payment.SecurityDeposits;
import org.sejour.application.prearrival.ArrivalNote;
import org.sejour.application.prearrival.PreArrivalService;
import org.sejour.domain.model.shared.SejourException;
import org.sejour.interfaces.security.CurrentUser;

import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * "Arrivées" and "Départs": who comes (or leaves) on a day or over a few days, with what is
 * still owed and a phone number; today in France by default. The list's export is a job the
 * page follows, like the dossier search's.
 */
@Named
@ViewScoped
public class Movements implements Serializable {

    private static final long serialVersionUID = 1L;
    /** a list spans at most two months: beyond that it is a search, not a day's work */
    static final int MAX_DAYS = 62;

    @Inject
    CurrentUser currentUser;
    @EJB
    DossierQueries queries;
    @EJB
    DossierExports exports;
    @Inject
    ExportWatch exportWatch;
    @EJB
    SecurityDeposits deposits;
    @EJB
    PreArrivalService preArrivals;

    private Movement movement = Movement.ARRIVAL;
    private LocalDate from;
    private LocalDate to;
    private List<MovementRow> rows = List.of();
    private Map<Long, SecurityDeposits.HoldView> holds = Map.of();
    /** the pre-arrival forms received, by dossier: arrivals only */
    private Map<Long, ArrivalNote> notes = Map.of();

    /** f:viewAction of arrivals.xhtml and departures.xhtml */
    public void showArrivals() {
        open(Movement.ARRIVAL);
    }

    public void showDepartures() {
        open(Movement.DEPARTURE);
    }

    private void open(Movement shown) {
        movement = shown;
        if (from == null) {
            from = BusinessCalendar.today(Clock.systemUTC());
        }
        if (to == null) {
            to = from;
        }
        refresh();
    }

    public void refresh() {
        if (from == null) {
            from = BusinessCalendar.today(Clock.systemUTC());
        }
        if (to == null || to.isBefore(from)) {
            to = from;
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            Faces.error("movements:to", "movements.range.tooLong", MAX_DAYS);
            FacesContext.getCurrentInstance().validationFailed();
            rows = List.of();
            return;
        }
        rows = queries.movements(currentUser.accountId(), movement, from, to);
        holds = deposits.holdsOf(currentUser.accountId(), rows.stream().map(MovementRow::dossierId).toList());
        notes = movement == Movement.ARRIVAL
                ? preArrivals.notesOf(currentUser.accountId(), rows.stream().map(MovementRow::dossierId).toList())
                : Map.of();
    }

    /** The guest's pre-arrival form of a listed arrival, or null when none was received. */
    public ArrivalNote note(MovementRow row) {
        return notes.get(row.dossierId());
    }

    /** The security deposit held for a listed dossier, or null. */
    public SecurityDeposits.HoldView hold(MovementRow row) {
        return holds.get(row.dossierId());
    }

    /** The column shows only when a listed dossier has a hold. */
    public boolean isHoldsShown() {
        return !holds.isEmpty();
    }

    /**
     * Asks for the export of the period chosen, shown again in the list so that the page and the
     * file agree (the job reads the database once more: what it holds then), and starts its job;
     * the page then follows it ({@link ExportWatch}) until the file can be downloaded.
     */
    public void export() {
        refresh();
        if (FacesContext.getCurrentInstance().isValidationFailed()) {
            return;
        }
        List<String> headers = List.of(movement == Movement.ARRIVAL ? "dossier.arrival" : "dossier.departure",
                "dossier.number", "dossier.guest", "dossier.accommodation", "dossier.nights", "dossier.persons",
                "dossier.remaining", "dossier.phone").stream().map(key -> Faces.text(key)).toList();
        try {
            exportWatch.start(exports.requestMovements(currentUser.accountId(), movement, from, to,
                    new ExportLabels(Faces.text(titleKey()), headers, Map.of(), Map.of()), Instant.now()));
        } catch (SejourException e) {
            Faces.show("movements", e);
        }
    }

    public ExportWatch getExportWatch() {
        return exportWatch;
    }

    public String titleKey() {
        return movement == Movement.ARRIVAL ? "arrivals.title" : "departures.title";
    }

    public boolean isArrivals() { return movement == Movement.ARRIVAL; }
    public List<MovementRow> getRows() { return rows; }
    public LocalDate getFrom() { return from; }
    public void setFrom(LocalDate from) { this.from = from; }
    public LocalDate getTo() { return to; }
    public void setTo(LocalDate to) { this.to = to; }
}
