package org.sejour.interfaces.backoffice.web;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.sejour.application.AccommodationService;
import org.sejour.application.catalog.SupplementService;
import org.sejour.domain.model.accommodation.Accommodation;
import org.sejour.domain.model.catalog.CatalogSupplement;
import org.sejour.domain.model.catalog.SupplementAvailability;
import org.sejour.domain.model.catalog.SupplementPricing;
import org.sejour.domain.model.shared.InvalidInputException;
import org.sejour.domain.model.shared.Language;
import org.sejour.domain.model.shared.NotFoundException;
import org.sejour.domain.model.shared.SejourException;
import org.sejour.interfaces.security.CurrentUser;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** "Suppléments": the owner's supplements, and the form that creates or edits one. */
@Named
@ViewScoped
public class SupplementSettings implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CurrentUser currentUser;
    @EJB
    SupplementService supplements;
    @EJB
    AccommodationService accommodationService;

    /** ?id= opens that supplement's form; another owner's id answers 404 */
    private Long id;
    private Long editedId;
    private SupplementForm form;
    private List<CatalogSupplement> list;
    private Map<Long, String> accommodationNames;

    /** f:viewAction */
    public void load() {
        long accountId = currentUser.accountId();
        accommodationNames = accommodationService.list(accountId).stream()
                .collect(Collectors.toMap(Accommodation::id, Accommodation::name, (a, b) -> a,
                        LinkedHashMap::new));
        list = supplements.list(accountId);
        if (id != null) {
            try {
                form = SupplementForm.of(supplements.get(accountId, id));
                editedId = id;
            } catch (NotFoundException e) {
                Faces.notFound();
            }
        }
    }

    public void startNew() {
        form = new SupplementForm();
        editedId = null;
    }

    public void edit(long supplementId) {
        try {
            form = SupplementForm.of(supplements.get(currentUser.accountId(), supplementId));
            editedId = supplementId;
        } catch (SejourException e) {
            Faces.error(null, e.messageKey());
        }
    }

    public void save() {
        try {
            long accountId = currentUser.accountId();
            if (editedId == null) {
                supplements.create(accountId, form.toDefinition());
                Faces.info("supplement.created");
            } else {
                supplements.update(accountId, editedId, form.toDefinition());
                Faces.info("supplement.saved");
            }
            close();
        } catch (InvalidInputException e) {
            Faces.show("editor", form.placed(e));
        } catch (SejourException e) {
            Faces.show("editor", e);
        }
    }

    public void close() {
        form = null;
        editedId = null;
        list = supplements.list(currentUser.accountId());
    }

    public void delete(long supplementId) {
        try {
            supplements.delete(currentUser.accountId(), supplementId);
            Faces.info("supplement.deleted");
            if (Long.valueOf(supplementId).equals(editedId)) {
                form = null;
                editedId = null;
            }
        } catch (SejourException e) {
            Faces.error(null, e.messageKey());
        }
        list = supplements.list(currentUser.accountId());
    }

    /** The label in French, the language every supplement has. */
    public String labelOf(CatalogSupplement supplement) {
        return supplement.texts().get(Language.FR).label();
    }

    public String accommodationsOf(CatalogSupplement supplement) {
        if (supplement.allAccommodations()) {
            return Faces.text("settings.allAccommodations");
        }
        return supplement.accommodationIds().stream().map(accommodationNames::get)
                .filter(Objects::nonNull).sorted().collect(Collectors.joining(", "));
    }

    public List<SupplementPricing> getPricings() { return List.of(SupplementPricing.values()); }
    public List<SupplementAvailability> getAvailabilities() { return List.of(SupplementAvailability.values()); }
    public Map<Long, String> getAccommodationNames() { return accommodationNames; }
    public boolean isEditing() { return form != null; }
    public boolean isNew() { return editedId == null; }
    public SupplementForm getForm() { return form; }
    public List<CatalogSupplement> getList() { return list; }
    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
}
