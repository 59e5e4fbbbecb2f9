package org.sejour.interfaces.backoffice.web;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;
import org.sejour.application.AccommodationService;
import org.sejour.application.dossier.DossierCriteria;
import org.sejour.application.dossier.DossierCriteria.BalanceFilter;
import org.sejour.application.dossier.DossierQueries;
import org.sejour.application.dossier.DossierExports;
import org.sejour.application.catalog.SalesTermsService;
import org.sejour.application.dossier.ExportLabels;
import org.sejour.application.dossier.DossierRow;
import org.sejour.application.dossier.DossierSort;
import org.sejour.domain.model.accommodation.Accommodation;
import org.sejour.domain.model.dossier.DossierStatus;
import org.sejour.domain.model.dossier.Origin;
import org.sejour.domain.model.shared.SejourException;
import org.sejour.interfaces.security.CurrentUser;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * "Dossiers": the owner's search over their dossiers (SPEC §6 filters), a lazy table that asks
 * the database for one page at a time, and the Excel export of the whole search (a batch job
 * whose progress the page follows, then a download link).
 */
@Named
@ViewScoped
public class DossierSearch implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String TABLE = "search:dossiers";

    @Inject
    CurrentUser currentUser;
    @EJB
    DossierQueries queries;
    @EJB
    AccommodationService accommodations;
    @EJB
    DossierExports exports;
    @EJB
    SalesTermsService salesTerms;
    @Inject
    ExportWatch exportWatch;

    private LocalDate arrivalFrom;
    private LocalDate arrivalTo;
    private String guest;
    private Long accommodationId;
    private Integer number;
    private DossierStatus status;
    private BalanceFilter balance = BalanceFilter.ANY;
    private Origin origin;
    private String promoCode;
    /** what was typed in the header's search box */
    private String query;

    /** the criteria of the last search run: the table and the export show the same dossiers */
    private DossierCriteria criteria = DossierCriteria.any();
    private DossierSort sort = DossierSort.NUMBER;
    private boolean ascending;
    private List<Accommodation> accommodationChoices;
    private final Rows rows = new Rows();

    @PostConstruct
    void init() {
        accommodationChoices = accommodations.list(currentUser.accountId());
    }

    /** f:viewAction: the header's search box sends a guest's name (or a number no dossier has) here. */
    public void fromHeader() {
        if (FacesContext.getCurrentInstance().isPostback() || query == null || query.isBlank()) {
            return;
        }
        String typed = query.strip();
        if (typed.matches("\\d{1,9}")) {
            number = Integer.valueOf(typed);
        } else {
            guest = typed.length() > 120 ? typed.substring(0, 120) : typed;
        }
        search();
    }

    public void search() {
        if (arrivalFrom != null && arrivalTo != null && arrivalTo.isBefore(arrivalFrom)) {
            Faces.error("search:arrivalTo", "dossiers.arrivalTo.beforeFrom");
            FacesContext.getCurrentInstance().validationFailed();
            return;
        }
        criteria = new DossierCriteria(arrivalFrom, arrivalTo, guest, accommodationId, number, status, balance, origin,
                promoCode);
        firstPage();
    }

    /** A new search starts on its first page, whatever page the previous one was showing. */
    private static void firstPage() {
        UIComponent table = FacesContext.getCurrentInstance().getViewRoot().findComponent(TABLE);
        if (table instanceof DataTable dataTable) {
            dataTable.setFirst(0);
        }
    }

    public void reset() {
        arrivalFrom = null;
        arrivalTo = null;
        guest = null;
        accommodationId = null;
        number = null;
        status = null;
        balance = BalanceFilter.ANY;
        origin = null;
        promoCode = null;
        criteria = DossierCriteria.any();
        firstPage();
    }

    /**
     * Asks for the export of the current search, in the table's order, and starts its job; the
     * page then follows the job ({@link ExportWatch}) until the file can be downloaded.
     */
    public void export() {
        List<String> headers = List.of("dossier.number", "dossier.created", "dossier.status", "dossier.guest",
                "dossier.email", "dossier.phone", "dossier.accommodation", "dossier.arrival", "dossier.departure",
                "dossier.nights", "dossier.persons", "dossier.origin", "dossier.promoCode", "dossier.total",
                "dossier.deposit." + salesTerms.get(currentUser.accountId()).depositType().name(), "dossier.balance",
                "dossier.paid", "dossier.refunded", "dossier.remaining", "dossier.toRefund").stream().map(key -> Faces.text(key)).toList();
        Map<String, String> statuses = new HashMap<>();
        Labels.of(DossierStatus.class, "dossier.status.").forEach((k, v) -> statuses.put(k.name(), v));
        Map<String, String> origins = new HashMap<>();
        Labels.of(Origin.class, "dossier.origin.").forEach((k, v) -> origins.put(k.name(), v));
        try {
            exportWatch.start(exports.request(currentUser.accountId(), criteria, sort, ascending,
                    new ExportLabels(Faces.text("dossiers.title"), headers, statuses, origins), Instant.now()));
        } catch (SejourException e) {
            Faces.show("search", e);
        }
    }

    public String getQuery() { return query; }
    public void setQuery(String query) { this.query = query; }

    public ExportWatch getExportWatch() {
        return exportWatch;
    }

    /** The table's rows: a count and one page per request, sorted by a whitelisted column. */
    public class Rows extends LazyDataModel<DossierRow> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, queries.count(currentUser.accountId(), criteria));
        }

        @Override
        public List<DossierRow> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                     Map<String, FilterMeta> filterBy) {
            sortBy.values().stream().findFirst().ifPresent(meta -> DossierSort.ofField(meta.getField())
                    .ifPresent(s -> {
                        sort = s;
                        ascending = meta.getOrder() != SortOrder.DESCENDING;
                    }));
            return queries.page(currentUser.accountId(), criteria, sort, ascending, first, pageSize);
        }

        @Override
        public String getRowKey(DossierRow row) {
            return Long.toString(row.id());
        }
    }

    public Rows getRows() { return rows; }
    public List<Accommodation> getAccommodationChoices() { return accommodationChoices; }
    public List<DossierStatus> getStatuses() { return List.of(DossierStatus.values()); }
    public List<Origin> getOrigins() { return List.of(Origin.values()); }
    public List<BalanceFilter> getBalances() { return List.of(BalanceFilter.values()); }

    public LocalDate getArrivalFrom() { return arrivalFrom; }
    public void setArrivalFrom(LocalDate arrivalFrom) { this.arrivalFrom = arrivalFrom; }
    public LocalDate getArrivalTo() { return arrivalTo; }
    public void setArrivalTo(LocalDate arrivalTo) { this.arrivalTo = arrivalTo; }
    public String getGuest() { return guest; }
    public void setGuest(String guest) { this.guest = guest; }
    public Long getAccommodationId() { return accommodationId; }
    public void setAccommodationId(Long accommodationId) { this.accommodationId = accommodationId; }
    public Integer getNumber() { return number; }
    public void setNumber(Integer number) { this.number = number; }
    public DossierStatus getStatus() { return status; }
    public void setStatus(DossierStatus status) { this.status = status; }
    public BalanceFilter getBalance() { return balance; }
    public void setBalance(BalanceFilter balance) { this.balance = balance; }
    public Origin getOrigin() { return origin; }
    public void setOrigin(Origin origin) { this.origin = origin; }
    public String getPromoCode() { return promoCode; }
    public void setPromoCode(String promoCode) { this.promoCode = promoCode; }
}
