package org.sejour.interfaces.backoffice.web;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.sejour.application.AccommodationService;
import org.sejour.application.catalog.PromoCodeService;
import org.sejour.domain.model.accommodation.Accommodation;
import org.sejour.domain.model.catalog.CatalogPromoCode;
import org.sejour.domain.model.catalog.PromoCodeSearch;
import org.sejour.domain.model.pricing.PromoCode;
import org.sejour.domain.model.shared.NotFoundException;
import org.sejour.domain.model.shared.SejourException;
import org.sejour.interfaces.security.CurrentUser;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** "Codes promo": search the owner's codes, create, edit and delete them. */
@Named
@ViewScoped
public class PromoCodeSettings implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CurrentUser currentUser;
    @EJB
    PromoCodeService promoCodes;
    @EJB
    AccommodationService accommodationService;

    private Long id;
    private Long editedId;
    private PromoCodeForm form;
    private List<CatalogPromoCode> list;
    private Map<Long, String> accommodationNames;

    private String searchCode;
    private String searchLabel;
    private PromoCode.Usage searchUsage;
    /** "", "yes" or "no" */
    private String searchConsumed = "";

    /** f:viewAction */
    public void load() {
        long accountId = currentUser.accountId();
        accommodationNames = accommodationService.list(accountId).stream()
                .collect(Collectors.toMap(Accommodation::id, Accommodation::name, (a, b) -> a, LinkedHashMap::new));
        search();
        if (id != null) {
            try {
                form = PromoCodeForm.of(promoCodes.get(accountId, id));
                editedId = id;
            } catch (NotFoundException e) {
                Faces.notFound();
            }
        }
    }

    public void search() {
        Optional<Boolean> consumed = searchConsumed == null || searchConsumed.isEmpty() ? Optional.empty()
                : Optional.of("yes".equals(searchConsumed));
        list = promoCodes.search(currentUser.accountId(), new PromoCodeSearch(Optional.ofNullable(searchCode),
                Optional.ofNullable(searchLabel), Optional.ofNullable(searchUsage), consumed));
    }

    public void startNew() {
        form = new PromoCodeForm();
        editedId = null;
    }

    public void edit(long promoCodeId) {
        try {
            form = PromoCodeForm.of(promoCodes.get(currentUser.accountId(), promoCodeId));
            editedId = promoCodeId;
        } catch (SejourException e) {
            Faces.error(null, e.messageKey());
        }
    }

    public void save() {
        try {
            long accountId = currentUser.accountId();
            if (editedId == null) {
                promoCodes.create(accountId, form.toDefinition());
                Faces.info("promoCode.created");
            } else {
                promoCodes.update(accountId, editedId, form.toDefinition());
                Faces.info("promoCode.saved");
            }
            close();
        } catch (SejourException e) {
            Faces.show("editor", e);
        }
    }

    public void close() {
        form = null;
        editedId = null;
        search();
    }

    public void delete(long promoCodeId) {
        try {
            promoCodes.delete(currentUser.accountId(), promoCodeId);
            Faces.info("promoCode.deleted");
            if (Long.valueOf(promoCodeId).equals(editedId)) {
                form = null;
                editedId = null;
            }
        } catch (SejourException e) {
            Faces.error(null, e.messageKey());
        }
        search();
    }

    public String accommodationsOf(CatalogPromoCode code) {
        return DiscountScope.accommodationsOf(code.allAccommodations() ? Set.of() : code.accommodationIds(),
                accommodationNames);
    }

    public List<PromoCode.Usage> getUsages() { return List.of(PromoCode.Usage.values()); }
    public Map<Long, String> getAccommodationNames() { return accommodationNames; }
    public boolean isEditing() { return form != null; }
    public boolean isNew() { return editedId == null; }
    public PromoCodeForm getForm() { return form; }
    public List<CatalogPromoCode> getList() { return list; }
    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getSearchCode() { return searchCode; }
    public void setSearchCode(String searchCode) { this.searchCode = searchCode; }
    public String getSearchLabel() { return searchLabel; }
    public void setSearchLabel(String searchLabel) { this.searchLabel = searchLabel; }
    public PromoCode.Usage getSearchUsage() { return searchUsage; }
    public void setSearchUsage(PromoCode.Usage searchUsage) { this.searchUsage = searchUsage; }
    public String getSearchConsumed() { return searchConsumed; }
    public void setSearchConsumed(String searchConsumed) { this.searchConsumed = searchConsumed; }
}
