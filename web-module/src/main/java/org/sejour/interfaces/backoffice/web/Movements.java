package org.sejour.interfaces.backoffice.web;

import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.sejour.application.booking.BusinessCalendar;
import org.sejour.application.dossier.DossierQueries;
import org.sejour.application.dossier.DossierQueries.Movement;
import org.sejour.application.dossier.MovementRow;
import org.sejour.infrastructure.export.Spreadsheet;
import org.sejour.infrastructure.export.Spreadsheet.Column;
import org.sejour.infrastructure.export.Spreadsheet.Type;
import org.sejour.interfaces.security.CurrentUser;

import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * "Arrivées" and "Départs": who comes (or leaves) on a day or over a few days, with what is
 * still owed and a phone number; today in France by default.
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

    private Movement movement = Movement.ARRIVAL;
    private LocalDate from;
    private LocalDate to;
    private List<MovementRow> rows = List.of();

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
    }

    public void export() {
        Spreadsheet sheet = new Spreadsheet(Faces.text(titleKey()), List.of(
                new Column(Faces.text(movement == Movement.ARRIVAL ? "dossier.arrival" : "dossier.departure"),
                        Type.DATE, 12),
                new Column(Faces.text("dossier.number"), Type.INTEGER, 10),
                new Column(Faces.text("dossier.guest"), Type.TEXT, 28),
                new Column(Faces.text("dossier.accommodation"), Type.TEXT, 28),
                new Column(Faces.text("dossier.nights"), Type.INTEGER, 8),
                new Column(Faces.text("dossier.persons"), Type.INTEGER, 8),
                new Column(Faces.text("dossier.balance"), Type.MONEY, 12),
                new Column(Faces.text("dossier.phone"), Type.TEXT, 18)));
        // what the database holds now, not when the list was last drawn, read a chunk at a time
        queries.forEachMovement(currentUser.accountId(), movement, from, to, row -> sheet.row(row.day(), row.number(),
                row.guestName(), row.accommodation(), row.nights(), row.persons(), row.balance(), row.guestPhone()));
        Downloads.send((movement == Movement.ARRIVAL ? "arrivals-" : "departures-") + from
                + (to.equals(from) ? "" : "_" + to) + ".xlsx", sheet);
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
