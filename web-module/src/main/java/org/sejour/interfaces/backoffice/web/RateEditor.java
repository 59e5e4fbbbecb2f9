package org.sejour.interfaces.backoffice.web;

import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.sejour.application.AccommodationService;
import org.sejour.application.catalog.RateService;
import org.sejour.domain.model.catalog.CatalogRate;
import org.sejour.domain.model.catalog.DiscountKind;
import org.sejour.domain.model.shared.NotFoundException;
import org.sejour.domain.model.shared.SejourException;
import org.sejour.interfaces.security.CurrentUser;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

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
    private Integer nights;
    private List<String> arrivalDays = new ArrayList<>();
    private BigDecimal price;
    private String discountKind = "";
    private BigDecimal discountValue;

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
            nights = rate.nights();
            arrivalDays = rate.arrivalDays().stream().sorted().map(DayOfWeek::name)
                    .collect(Collectors.toCollection(ArrayList::new));
            price = rate.price();
            discountKind = rate.discount().map(d -> d.kind().name()).orElse("");
            discountValue = rate.discount().map(CatalogRate.Discount::value).orElse(null);
        } catch (NumberFormatException | NotFoundException e) {
            Faces.notFound();
        }
    }

    public void save() {
        try {
            Optional<CatalogRate.Discount> discount = discountKind == null || discountKind.isEmpty() ? Optional.empty()
                    : Optional.of(new CatalogRate.Discount(DiscountKind.valueOf(discountKind), discountValue));
            Set<DayOfWeek> days = arrivalDays.stream().map(DayOfWeek::valueOf)
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(DayOfWeek.class)));
            rates.redefine(currentUser.accountId(), id, periods.periods("periods"), nights == null ? 0 : nights, days,
                    price, discount);
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

    public void selectAllArrivalDays() {
        arrivalDays = Arrays.stream(DayOfWeek.values()).map(DayOfWeek::name)
                .collect(Collectors.toCollection(ArrayList::new));
    }

    /** Back to the planning where the rate starts. */
    public String getPlanningStart() {
        return periods.getRows().stream().map(DayRow::getFirstDay).filter(d -> d != null).min(LocalDate::compareTo)
                .map(LocalDate::toString).orElse("");
    }

    public List<String> getWeekdays() {
        return Arrays.stream(DayOfWeek.values()).map(DayOfWeek::name).toList();
    }

    public String weekdayName(String day) {
        return DayOfWeek.valueOf(day).getDisplayName(TextStyle.FULL, Formats.viewLocale());
    }

    public String getIdParam() { return idParam; }
    public void setIdParam(String idParam) { this.idParam = idParam; }
    public Long getId() { return id; }
    public String getAccommodationName() { return accommodationName; }
    public PeriodRows getPeriods() { return periods; }
    public Integer getNights() { return nights; }
    public void setNights(Integer nights) { this.nights = nights; }
    public List<String> getArrivalDays() { return arrivalDays; }
    public void setArrivalDays(List<String> arrivalDays) { this.arrivalDays = arrivalDays; }
    public BigDecimal getPrice() { return price; }
    public void setPrice(BigDecimal price) { this.price = price; }
    public String getDiscountKind() { return discountKind; }
    public void setDiscountKind(String discountKind) { this.discountKind = discountKind; }
    public BigDecimal getDiscountValue() { return discountValue; }
    public void setDiscountValue(BigDecimal discountValue) { this.discountValue = discountValue; }
}
