package org.sejour.interfaces.backoffice.web;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.sejour.application.AccommodationService;
import org.sejour.application.catalog.PromotionService;
import org.sejour.domain.model.accommodation.Accommodation;
import org.sejour.domain.model.catalog.CatalogPromotion;
import org.sejour.domain.model.pricing.Promotion;
import org.sejour.domain.model.shared.Language;
import org.sejour.domain.model.shared.SejourException;
import org.sejour.domain.model.shared.TranslatedText;
import org.sejour.interfaces.security.CurrentUser;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    /** What the promotion form edits, as typed; where it applies is a {@link DiscountScope}, as for a promo code. */
    public static class Form implements Serializable {
        private static final long serialVersionUID = 1L;
        private Promotion.Kind kind = Promotion.Kind.LAST_MINUTE;
        private Integer days;
        private BigDecimal percent;
        private EnumMap<Language, String> labels = new EnumMap<>(Language.class);
        private LanguageSwitch languages = new LanguageSwitch(labels);
        private DiscountScope scope = new DiscountScope();

        static Form of(CatalogPromotion p) {
            Form form = new Form();
            form.kind = p.kind();
            form.days = p.days();
            form.percent = p.percent();
            form.labels = LanguageSwitch.editable(p.labels());
            form.languages = new LanguageSwitch(form.labels);
            form.scope = DiscountScope.of(p.accommodationIds(), p.stays());
            return form;
        }

        public Promotion.Kind getKind() { return kind; }
        public void setKind(Promotion.Kind kind) { this.kind = kind; }
        public Integer getDays() { return days; }
        public void setDays(Integer days) { this.days = days; }
        public BigDecimal getPercent() { return percent; }
        public void setPercent(BigDecimal percent) { this.percent = percent; }
        public EnumMap<Language, String> getLabels() { return labels; }
        public LanguageSwitch getLanguages() { return languages; }
        public DiscountScope getScope() { return scope; }
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
            long accountId = currentUser.accountId();
            TranslatedText label = TranslatedText.of(form.labels);
            Set<Long> accommodations = form.scope.accommodations();
            int days = form.days == null ? -1 : form.days;
            if (editedId == null) {
                promotions.create(accountId, form.kind, days, form.percent, label, accommodations, form.scope.periods());
                Faces.info("promotions.created");
            } else {
                promotions.update(accountId, editedId, form.kind, days, form.percent, label, accommodations,
                        form.scope.periods());
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
        return DiscountScope.accommodationsOf(promotion.accommodationIds(), accommodationNames);
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
