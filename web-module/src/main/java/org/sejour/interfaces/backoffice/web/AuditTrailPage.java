package org.sejour.interfaces.backoffice.web;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.sejour.application.audit.AuditEntry;
import org.sejour.application.audit.AuditFilter;
import org.sejour.application.audit.AuditSubject;
import org.sejour.application.audit.AuditTrailService;
import org.sejour.domain.model.shared.InvalidInputException;
import org.sejour.interfaces.security.CurrentUser;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * "Journal des modifications": who changed what in the owner's account, when and from where,
 * most recent first, filtered by kind of object, person and period. Pages of 25 rows read from
 * the database as the owner pages.
 */
@Named
@ViewScoped
public class AuditTrailPage implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String FORM = "trail";

    @Inject
    CurrentUser currentUser;
    @EJB
    AuditTrailService trail;

    private AuditSubject subject;
    private Long userId;
    private LocalDate from;
    private LocalDate to;
    private AuditFilter applied = AuditFilter.ALL;
    private List<AuditTrailService.Person> people;

    private final LazyDataModel<AuditEntry> entries = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, trail.count(currentUser.accountId(), applied));
        }

        @Override
        public List<AuditEntry> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                     Map<String, FilterMeta> filterBy) {
            return trail.search(currentUser.accountId(), applied, first,
                    Math.max(1, Math.min(pageSize, AuditTrailService.MAX_PAGE)));
        }

        @Override
        public String getRowKey(AuditEntry entry) {
            return entry.id();
        }
    };

    /** The filter's form applied: the table goes back to its first page. */
    public void apply() {
        try {
            applied = new AuditFilter(subject, userId, from, to);
        } catch (InvalidInputException e) {
            Faces.show(FORM, e);
        }
    }

    public List<AuditTrailService.Person> getPeople() {
        if (people == null) {
            people = trail.people(currentUser.accountId());
        }
        return people;
    }

    public AuditSubject[] getSubjects() { return AuditSubject.values(); }
    public LazyDataModel<AuditEntry> getEntries() { return entries; }
    public AuditSubject getSubject() { return subject; }
    public void setSubject(AuditSubject subject) { this.subject = subject; }
    public Long getUserId() { return userId; }
    public void setUserId(Long userId) { this.userId = userId; }
    public LocalDate getFrom() { return from; }
    public void setFrom(LocalDate from) { this.from = from; }
    public LocalDate getTo() { return to; }
    public void setTo(LocalDate to) { this.to = to; }
}
