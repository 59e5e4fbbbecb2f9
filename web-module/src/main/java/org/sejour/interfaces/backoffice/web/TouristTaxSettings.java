package org.sejour.interfaces.backoffice.web;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.sejour.application.AccommodationService;
import org.sejour.application.catalog.TouristTaxService;
import org.sejour.domain.model.accommodation.Accommodation;
import org.sejour.domain.model.catalog.AccommodationTouristTax;
import org.sejour.domain.model.shared.SejourException;
import org.sejour.interfaces.security.CurrentUser;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The tourist tax (taxe de séjour) each accommodation collects, on the terms-of-sale screen:
 * none, an amount per adult per night, or a percentage with a ceiling for unclassified rentals.
 */
@Named
@ViewScoped
public class TouristTaxSettings implements Serializable {

    private static final long serialVersionUID = 1L;
    public static final String NONE = "NONE";
    public static final String FIXED = "FIXED_PER_ADULT_NIGHT";
    public static final String PERCENT = "PERCENT_UNCLASSIFIED";

    @Inject
    CurrentUser currentUser;
    @EJB
    TouristTaxService taxes;
    @EJB
    AccommodationService accommodations;

    /** one row per accommodation, with its tax or null (Optional would not survive the view's serialisation) */
    public record Row(Accommodation accommodation, AccommodationTouristTax tax) implements Serializable {
    }

    private List<Row> rows;
    private Long editedId;
    private String editedName;
    private String mode = NONE;
    private BigDecimal amount;
    private BigDecimal percent;
    private BigDecimal ceiling;
    private BigDecimal surchargePercent;

    @PostConstruct
    void load() {
        long accountId = currentUser.accountId();
        rows = accommodations.list(accountId).stream()
                .map(a -> new Row(a, taxes.find(accountId, a.id()).orElse(null))).toList();
    }

    public void edit(long accommodationId) {
        rows.stream().filter(r -> r.accommodation().id() == accommodationId).findFirst().ifPresent(row -> {
            Optional<AccommodationTouristTax> tax = Optional.ofNullable(row.tax());
            editedId = accommodationId;
            editedName = row.accommodation().name();
            mode = tax.map(t -> t.mode().name()).orElse(NONE);
            amount = tax.flatMap(AccommodationTouristTax::amount).orElse(null);
            percent = tax.flatMap(AccommodationTouristTax::percent).orElse(null);
            ceiling = tax.flatMap(AccommodationTouristTax::ceiling).orElse(null);
            surchargePercent = tax.map(AccommodationTouristTax::surchargePercent).orElse(null);
        });
    }

    public void save() {
        try {
            long accountId = currentUser.accountId();
            switch (mode) {
                case FIXED -> taxes.chargePerAdultNight(accountId, editedId, amount, surchargePercent);
                case PERCENT -> taxes.chargePercentUnclassified(accountId, editedId, percent, ceiling, surchargePercent);
                default -> taxes.remove(accountId, editedId);
            }
            Faces.info("touristTax.saved", editedName);
            close();
        } catch (SejourException e) {
            Faces.show("tax", e);
        }
    }

    public void close() {
        editedId = null;
        load();
    }

    public List<String> getModes() { return List.of(NONE, FIXED, PERCENT); }
    public List<Row> getRows() { return rows; }
    public boolean isEditing() { return editedId != null; }
    public String getEditedName() { return editedName; }
    public String getMode() { return mode; }
    public void setMode(String mode) { this.mode = mode; }
    public BigDecimal getAmount() { return amount; }
    public void setAmount(BigDecimal amount) { this.amount = amount; }
    public BigDecimal getPercent() { return percent; }
    public void setPercent(BigDecimal percent) { this.percent = percent; }
    public BigDecimal getCeiling() { return ceiling; }
    public void setCeiling(BigDecimal ceiling) { this.ceiling = ceiling; }
    public BigDecimal getSurchargePercent() { return surchargePercent; }
    public void setSurchargePercent(BigDecimal surchargePercent) { this.surchargePercent = surchargePercent; }
}
