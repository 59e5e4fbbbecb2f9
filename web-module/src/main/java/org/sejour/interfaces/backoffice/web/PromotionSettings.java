package org.sejour.interfaces.backoffice.web;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.sejour.application.AccommodationService;
import org.sejour.application.catalog.PromotionService;
import org.sejour.domain.model.accommodation.Accommodation;
import org.sejour.domain.model.catalog.CatalogPromotion;
import org.sejour.domain.model.catalog.DayPeriod;
import org.sejour.domain.model.pricing.Promotion;
import org.sejour.domain.model.shared.InvalidInputException;
import org.sejour.domain.model.shared.SejourException;
import org.sejour.interfaces.security.CurrentUser;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * "Promotions": the owner's last-minute and early-booking promotions listed, edited as a whole
 * and deleted (the planning creates them from a selection and draws them on its promotions line).
 */
@Named
@ViewScoped
public class PromotionSettings implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CurrentUser currentUser;
    @EJB
    PromotionService promotions;
    @EJB
    AccommodationService accommodationService;

    /** What the promotion form edits, as typed. */
    public static class Form implements Serializable {
        private static final long serialVersionUID = 1L;
        private Promotion.Kind kind = Promotion.Kind.LAST_MINUTE;
        private Integer days;
        private BigDecimal percent;
        private String label;
        private boolean allAccommodations = true;
        private List<Long> accommodationIds = new ArrayList<>();
        private boolean allStays = true;
        private PeriodRows stays = new PeriodRows();

        static Form of(CatalogPromotion p) {
            Form form = new Form();
            form.kind = p.kind();
            form.days = p.days();
            form.percent = p.percent();
            form.label = p.label().orElse(null);
            form.allAccommodations = p.accommodationIds().isEmpty();
            form.accommodationIds = new ArrayList<>(p.accommodationIds());
            form.allStays = p.stays().isEmpty();
            form.stays = PeriodRows.of(p.stays());
            return form;
        }

        List<DayPeriod> periods() {
            if (allStays) {
                return List.of();
            }
            List<DayPeriod> periods = stays.periods("stays");
            if (periods.isEmpty()) {
                throw new InvalidInputException("stays", "promoCode.stays.noneChosen");
            }
            return periods;
        }

        public Promotion.Kind getKind() { return kind; }
        public void setKind(Promotion.Kind kind) { this.kind = kind; }
        public Integer getDays() { return days; }
        public void setDays(Integer days) { this.days = days; }
        public BigDecimal getPercent() { return percent; }
        public void setPercent(BigDecimal percent) { this.percent = percent; }
        public String getLabel() { return label; }
        public void setLabel(String label) { this.label = label; }
        public boolean isAllAccommodations() { return allAccommodations; }
        public void setAllAccommodations(boolean allAccommodations) { this.allAccommodations = allAccommodations; }
        public List<Long> getAccommodationIds() { return accommodationIds; }
        public void setAccommodationIds(List<Long> accommodationIds) { this.accommodationIds = accommodationIds; }
        public boolean isAllStays() { return allStays; }
        public void setAllStays(boolean allStays) { this.allStays = allStays; }
        public PeriodRows getStays() { return stays; }
    }

    private Map<Long, String> accommodationNames;
    private List<CatalogPromotion> list;
    private Long editedId;
    private Form form;

    /** f:viewAction */
    public void load() {
        accommodationNames = accommodationService.list(currentUser.accountId()).stream()
                .collect(Collectors.toMap(Accommodation::id, Accommodation::name, (a, b) -> a, LinkedHashMap::new));
        list = promotions.list(currentUser.accountId());
    }

    public void startNew() {
        form = new Form();
        editedId = null;
    }

    public void edit(long promotionId) {
        try {
            form = Form.of(promotions.get(currentUser.accountId(), promotionId));
            editedId = promotionId;
        } catch (SejourException e) {
            Faces.show("list", e);
        }
    }

    public void save() {
        try {
            if (!form.allAccommodations && form.accommodationIds.isEmpty()) {
                throw new InvalidInputException("accommodations", "settings.accommodations.noneChosen");
            }
            long accountId = currentUser.accountId();
            String label = form.label == null || form.label.isBlank() ? null : form.label.strip();
            java.util.Set<Long> scope = form.allAccommodations ? new HashSet<>() : new HashSet<>(form.accommodationIds);
            int days = form.days == null ? -1 : form.days;
            if (editedId == null) {
                promotions.create(accountId, form.kind, days, form.percent, label, scope, form.periods());
                Faces.info("promotions.created");
            } else {
                promotions.update(accountId, editedId, form.kind, days, form.percent, label, scope, form.periods());
                Faces.info("promotions.saved");
            }
            close();
        } catch (SejourException e) {
            Faces.show("editor", e);
        }
    }

    public void close() {
        form = null;
        editedId = null;
        list = promotions.list(currentUser.accountId());
    }

    public void delete(long promotionId) {
        try {
            promotions.delete(currentUser.accountId(), promotionId);
            Faces.info("promotions.deleted");
            if (Long.valueOf(promotionId).equals(editedId)) {
                form = null;
                editedId = null;
            }
        } catch (SejourException e) {
            Faces.show("list", e);
        }
        list = promotions.list(currentUser.accountId());
    }

    public String accommodationsOf(CatalogPromotion promotion) {
        if (promotion.accommodationIds().isEmpty()) {
            return Faces.text("settings.allAccommodations");
        }
        return promotion.accommodationIds().stream().map(accommodationNames::get).filter(Objects::nonNull).sorted()
                .collect(Collectors.joining(", "));
    }

    public String staysOf(CatalogPromotion promotion) {
        if (promotion.stays().isEmpty()) {
            return Faces.text("promoCode.allStays");
        }
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT).withLocale(Formats.viewLocale());
        return promotion.stays().stream().map(p -> p.firstDay().format(dates) + " – " + p.lastDay().format(dates))
                .collect(Collectors.joining(", "));
    }

    public List<Promotion.Kind> getKinds() { return List.of(Promotion.Kind.values()); }
    public Map<Long, String> getAccommodationNames() { return accommodationNames; }
    public List<CatalogPromotion> getList() { return list; }
    public boolean isEditing() { return form != null; }
    public boolean isNew() { return editedId == null; }
    public Form getForm() { return form; }
}
