package org.sejour.interfaces.backoffice.web;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.sejour.application.dashboard.NewBookings;
import org.sejour.interfaces.security.CurrentUser;

import java.util.List;
import java.util.Locale;

/** The dossiers behind the header's badge; opening this page is what resets the badge. */
@Named
@RequestScoped
public class NewBookingList {

    @Inject
    CurrentUser currentUser;
    @EJB
    NewBookings newBookings;

    /** a new dossier as the list shows it, formatted here rather than in EL */
    public record Row(long dossierId, int number, String guest, String accommodation, String arrival,
                      String departure, String total) {
    }

    private List<Row> list = List.of();

    public void open() {
        Locale locale = Formats.viewLocale();
        list = newBookings.openList(currentUser.accountId(), currentUser.get().userId()).stream()
                .map(d -> new Row(d.dossierId(), d.number(), d.guest(), d.accommodation(),
                        Formats.date(d.arrival(), locale), Formats.date(d.departure(), locale),
                        Formats.money(d.total(), locale))).toList();
    }

    public List<Row> getList() { return list; }
}
