package org.sejour.interfaces.backoffice.web;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.sejour.application.dossier.CleaningLine;
import org.sejour.application.dossier.DossierQueries;
import org.sejour.interfaces.security.CurrentUser;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** "Ménage": the days' departures and arrivals per unit, what to prepare, for housekeeping. */
@Named
@ViewScoped
public class CleaningListPage implements Serializable {

    private static final long serialVersionUID = 1L;
    /** Today and the next six days: a week of work. */
    static final int DAYS = 7;

    @Inject
    CurrentUser currentUser;
    @EJB
    DossierQueries queries;

    private LocalDate first;
    private List<Day> days;

    /** One day of the list; days with nothing to do are left out. */
    public record Day(LocalDate day, List<CleaningLine> lines) implements Serializable {
    }

    @PostConstruct
    void load() {
        first = LocalDate.now();
        read();
    }

    public void previous() {
        first = first.minusDays(DAYS);
        read();
    }

    public void next() {
        first = first.plusDays(DAYS);
        read();
    }

    private void read() {
        Map<LocalDate, List<CleaningLine>> byDay = queries.cleaningList(currentUser.accountId(), first,
                first.plusDays(DAYS - 1)).stream().collect(Collectors.groupingBy(CleaningLine::day, TreeMap::new,
                Collectors.toList()));
        days = byDay.entrySet().stream().map(e -> new Day(e.getKey(), e.getValue())).toList();
    }

    public LocalDate getFirst() { return first; }
    public LocalDate getLast() { return first.plusDays(DAYS - 1); }
    public List<Day> getDays() { return days; }
}
