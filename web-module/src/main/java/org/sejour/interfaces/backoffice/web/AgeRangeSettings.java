package org.sejour.interfaces.backoffice.web;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.sejour.application.catalog.AgeRangeService;
import org.sejour.domain.model.catalog.CatalogAgeRange;
import org.sejour.domain.model.shared.NotFoundException;
import org.sejour.domain.model.shared.SejourException;
import org.sejour.interfaces.security.CurrentUser;

import java.io.Serializable;
import java.util.List;

/** "Tranches d'âges": the ranges guests are counted by, and whether they pay the tourist tax. */
@Named
@ViewScoped
public class AgeRangeSettings implements Serializable {

    private static final long serialVersionUID = 1L;
    /** what the domain refuses with its own message when an age is left empty */
    private static final int NO_AGE = -1;

    @Inject
    CurrentUser currentUser;
    @EJB
    AgeRangeService ageRanges;

    private Long id;
    private Long editedId;
    private boolean editing;
    private String label;
    private Integer minAge;
    private Integer maxAge;
    private boolean taxable;
    private List<CatalogAgeRange> list;

    /** f:viewAction */
    public void load() {
        list = ageRanges.list(currentUser.accountId());
        if (id != null) {
            try {
                fill(ageRanges.get(currentUser.accountId(), id));
            } catch (NotFoundException e) {
                Faces.notFound();
            }
        }
    }

    private void fill(CatalogAgeRange range) {
        editedId = range.id();
        label = range.label();
        minAge = range.minAge();
        maxAge = range.maxAge();
        taxable = range.taxable();
        editing = true;
    }

    public void startNew() {
        editedId = null;
        label = null;
        minAge = null;
        maxAge = null;
        taxable = false;
        editing = true;
    }

    public void edit(long ageRangeId) {
        try {
            fill(ageRanges.get(currentUser.accountId(), ageRangeId));
        } catch (SejourException e) {
            Faces.error(null, e.messageKey());
        }
    }

    public void save() {
        try {
            long accountId = currentUser.accountId();
            int min = minAge == null ? NO_AGE : minAge;
            int max = maxAge == null ? NO_AGE : maxAge;
            String typed = label == null ? "" : label;
            if (editedId == null) {
                ageRanges.create(accountId, typed, min, max, taxable);
                Faces.info("ageRange.created");
            } else {
                ageRanges.update(accountId, editedId, typed, min, max, taxable);
                Faces.info("ageRange.saved");
            }
            close();
        } catch (SejourException e) {
            Faces.show("editor", e);
        }
    }

    public void close() {
        editing = false;
        editedId = null;
        list = ageRanges.list(currentUser.accountId());
    }

    public void delete(long ageRangeId) {
        try {
            ageRanges.delete(currentUser.accountId(), ageRangeId);
            Faces.info("ageRange.deleted");
            if (Long.valueOf(ageRangeId).equals(editedId)) {
                editing = false;
                editedId = null;
            }
        } catch (SejourException e) {
            Faces.error(null, e.messageKey());
        }
        list = ageRanges.list(currentUser.accountId());
    }

    public boolean isEditing() { return editing; }
    public boolean isNew() { return editedId == null; }
    public List<CatalogAgeRange> getList() { return list; }
    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getLabel() { return label; }
    public void setLabel(String label) { this.label = label; }
    public Integer getMinAge() { return minAge; }
    public void setMinAge(Integer minAge) { this.minAge = minAge; }
    public Integer getMaxAge() { return maxAge; }
    public void setMaxAge(Integer maxAge) { this.maxAge = maxAge; }
    public boolean isTaxable() { return taxable; }
    public void setTaxable(boolean taxable) { this.taxable = taxable; }
}
