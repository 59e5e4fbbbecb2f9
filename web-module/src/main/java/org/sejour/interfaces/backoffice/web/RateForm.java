package org.sejour.interfaces.backoffice.web;

import jakarta.faces.context.FacesContext;
import org.sejour.domain.model.catalog.CatalogRate;
import org.sejour.domain.model.catalog.DiscountKind;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a rate's form edits besides its periods, as typed: length, arrival weekdays ("Tout
 * sélectionner"), price and remise. The planning's dialog creates a rate with it, the rate's page
 * edits one; the domain checks it when it is saved.
 */
public class RateForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private Integer nights = 7;
    private List<String> arrivalDays = new ArrayList<>();
    private BigDecimal price;
    private String discountKind = "";
    private BigDecimal discountValue;

    /** The form of an existing rate. */
    public static RateForm of(CatalogRate rate) {
        RateForm form = new RateForm();
        form.nights = rate.nights();
        form.arrivalDays = rate.arrivalDays().stream().sorted().map(DayOfWeek::name)
                .collect(Collectors.toCollection(ArrayList::new));
        form.price = rate.price();
        form.discountKind = rate.discount().map(d -> d.kind().name()).orElse("");
        form.discountValue = rate.discount().map(CatalogRate.Discount::value).orElse(null);
        return form;
    }

    /**
     * Says next to each field of {@code formId} what is missing (the domain would refuse it with a
     * less precise message); true when nothing is.
     */
    public boolean complete(String formId) {
        boolean complete = true;
        if (nights == null) {
            Faces.error(formId + ":nights", "field.required");
            complete = false;
        }
        if (arrivalDays == null || arrivalDays.isEmpty()) {
            Faces.error(formId + ":arrivalDays", "rate.arrivalDays.required");
            complete = false;
        }
        if (price == null) {
            Faces.error(formId + ":price", "field.required");
            complete = false;
        }
        if (!discountKind.isEmpty() && discountValue == null) {
            Faces.error(formId + ":discountValue", "rate.discount.value.required");
            complete = false;
        }
        if (!complete) {
            FacesContext.getCurrentInstance().validationFailed();
        }
        return complete;
    }

    public Set<DayOfWeek> days() {
        return arrivalDays.stream().map(DayOfWeek::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(DayOfWeek.class)));
    }

    public Optional<CatalogRate.Discount> discount() {
        return discountKind == null || discountKind.isEmpty() ? Optional.empty()
                : Optional.of(new CatalogRate.Discount(DiscountKind.valueOf(discountKind), discountValue));
    }

    /** "Tout sélectionner". */
    public void selectAllArrivalDays() {
        arrivalDays = Arrays.stream(DayOfWeek.values()).map(DayOfWeek::name)
                .collect(Collectors.toCollection(ArrayList::new));
    }

    public List<String> getWeekdays() {
        return Arrays.stream(DayOfWeek.values()).map(DayOfWeek::name).toList();
    }

    public String weekdayName(String day) {
        return DayOfWeek.valueOf(day).getDisplayName(TextStyle.FULL, Formats.viewLocale());
    }

    public Integer getNights() { return nights; }
    public void setNights(Integer nights) { this.nights = nights; }
    public List<String> getArrivalDays() { return arrivalDays; }
    public void setArrivalDays(List<String> arrivalDays) { this.arrivalDays = arrivalDays; }
    public BigDecimal getPrice() { return price; }
    public void setPrice(BigDecimal price) { this.price = price; }
    public String getDiscountKind() { return discountKind; }
    public void setDiscountKind(String discountKind) { this.discountKind = discountKind == null ? "" : discountKind; }
    public BigDecimal getDiscountValue() { return discountValue; }
    public void setDiscountValue(BigDecimal discountValue) { this.discountValue = discountValue; }
}
