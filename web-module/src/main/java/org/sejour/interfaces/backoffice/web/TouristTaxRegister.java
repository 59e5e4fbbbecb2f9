package org.sejour.interfaces.backoffice.web;

import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.sejour.application.booking.BusinessCalendar;
import org.sejour.application.touristtax.TaxRegister;
import org.sejour.application.touristtax.TaxRegisterFiles;
import org.sejour.application.touristtax.TaxRegisterService;
import org.sejour.domain.model.shared.InvalidInputException;
import org.sejour.interfaces.security.CurrentUser;

import java.io.Serializable;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * "Registre de la taxe de séjour": the owner picks a period and one of their communes, reads the
 * register and downloads it (Excel or CSV) to hand to the commune. Last month by default, the
 * period a monthly declaration asks for. Bad input gives a message and no file.
 */
@Named
@ViewScoped
public class TouristTaxRegister implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String FORM = "register";

    @Inject
    CurrentUser currentUser;
    @EJB
    TaxRegisterService registers;

    private String fromParam;
    private String toParam;
    private List<String> communes = List.of();
    private LocalDate from;
    private LocalDate to;
    private String commune;
    private TaxRegister register;

    /**
     * f:viewAction: the owner's communes, the period the address names ({@code from}, {@code to}
     * as 2027-05-01) or else last month, and the first commune's register when there is one.
     */
    public void open() {
        if (FacesContext.getCurrentInstance().isPostback()) {
            return;
        }
        communes = registers.communes(currentUser.accountId());
        YearMonth last = YearMonth.from(BusinessCalendar.today(Clock.systemUTC())).minusMonths(1);
        from = Faces.isoDate(fromParam).orElse(last.atDay(1));
        to = Faces.isoDate(toParam).orElse(last.atEndOfMonth());
        if (!communes.isEmpty()) {
            commune = communes.get(0);
            show();
        }
    }

    public void show() {
        register = compute();
    }

    public void downloadExcel() {
        send(compute(), "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    public void downloadCsv() {
        send(compute(), "csv", "text/csv; charset=UTF-8");
    }

    /** The register asked for, or null after putting the service's reasons next to the fields. */
    private TaxRegister compute() {
        try {
            return registers.register(currentUser.accountId(), from, to, commune);
        } catch (InvalidInputException e) {
            Faces.show(FORM, e);
            return null;
        }
    }

    private void send(TaxRegister shown, String extension, String contentType) {
        if (shown == null) {
            return;
        }
        register = shown;
        TaxRegisterFiles.Labels labels = labels();
        byte[] file = "csv".equals(extension) ? TaxRegisterFiles.csv(shown, labels) : TaxRegisterFiles.excel(shown, labels);
        Faces.attachment(fileName(shown, extension), contentType, file);
    }

    /** "taxe-de-sejour-annecy-2026-07-01-2026-07-31.xlsx": ASCII only, for every browser and mail client. */
    static String fileName(TaxRegister shown, String extension) {
        String commune = Normalizer.normalize(shown.commune(), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replaceAll("[^A-Za-z0-9]+", "-").replaceAll("(^-|-$)", "")
                .toLowerCase(Locale.ROOT);
        return "taxe-de-sejour-" + commune + "-" + shown.from() + "-" + shown.to() + "." + extension;
    }

    private TaxRegisterFiles.Labels labels() {
        List<String> headers = List.of("taxRegister.dossier", "taxRegister.accommodation", "taxRegister.arrival",
                "taxRegister.departure", "taxRegister.nights", "taxRegister.persons", "taxRegister.minors",
                "exemption.SEASONAL_WORKER", "exemption.EMERGENCY_HOUSING", "exemption.LOW_RENT",
                "taxRegister.taxable", "taxRegister.taxableNights", "taxRegister.rate", "taxRegister.tax",
                "taxRegister.surcharge", "taxRegister.total").stream().map(key -> Faces.text(key)).toList();
        return new TaxRegisterFiles.Labels(Faces.text("taxRegister.sheet"), headers,
                Faces.text("taxRegister.total.month", "{0}"), Faces.text("taxRegister.total.accommodation", "{0}"),
                Faces.text("taxRegister.total.period"), FacesContext.getCurrentInstance().getViewRoot().getLocale());
    }

    /** A month's name for the totals table, in the page's language ("juillet 2026"). */
    public String month(YearMonth month) {
        return DateTimeFormatter.ofPattern("MMMM yyyy",
                FacesContext.getCurrentInstance().getViewRoot().getLocale()).format(month);
    }

    public List<Map.Entry<YearMonth, TaxRegister.Figures>> getMonths() {
        return register == null ? List.of() : List.copyOf(register.byMonth().entrySet());
    }

    public List<Map.Entry<String, TaxRegister.Figures>> getAccommodations() {
        return register == null ? List.of() : List.copyOf(register.byAccommodation().entrySet());
    }

    public String getPending() {
        return register == null ? "" : String.join(", ", register.pendingDossiers().stream().map(String::valueOf).toList());
    }

    public String getFromParam() { return fromParam; }
    public void setFromParam(String v) { fromParam = v; }
    public String getToParam() { return toParam; }
    public void setToParam(String v) { toParam = v; }
    public List<String> getCommunes() { return communes; }
    public TaxRegister getRegister() { return register; }
    public LocalDate getFrom() { return from; }
    public void setFrom(LocalDate from) { this.from = from; }
    public LocalDate getTo() { return to; }
    public void setTo(LocalDate to) { this.to = to; }
    public String getCommune() { return commune; }
    public void setCommune(String commune) { this.commune = commune; }
}
