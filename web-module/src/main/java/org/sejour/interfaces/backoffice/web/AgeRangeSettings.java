package org.sejour.interfaces.backoffice.web;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.sejour.application.catalog.AgeRangeService;
import org.sejour.domain.model.catalog.CatalogAgeRange;
import org.sejour.domain.model.shared.Language;
import org.sejour.domain.model.shared.NotFoundException;
import org.sejour.domain.model.shared.SejourException;
import org.sejour.domain.model.shared.TranslatedText;
import org.sejour.interfaces.security.CurrentUser;

import java.io.Serializable;
import java.util.EnumMap;
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
    private EnumMap<Language, String> labels = new EnumMap<>(Language.class);
    private LanguageSwitch languages = new LanguageSwitch(labels);
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
        labels = LanguageSwitch.editable(range.labels());
        languages = new LanguageSwitch(labels);
        minAge = range.minAge();
        maxAge = range.maxAge();
        taxable = range.taxable();
        editing = true;
    }

    public void startNew() {
        editedId = null;
        labels = new EnumMap<>(Language.class);
        languages = new LanguageSwitch(labels);
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
            TranslatedText typed = TranslatedText.of(labels);
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
    public EnumMap<Language, String> getLabels() { return labels; }
    public LanguageSwitch getLanguages() { return languages; }
    public Integer getMinAge() { return minAge; }
    public void setMinAge(Integer minAge) { this.minAge = minAge; }
    public Integer getMaxAge() { return maxAge; }
    public void setMaxAge(Integer maxAge) { this.maxAge = maxAge; }
    public boolean isTaxable() { return taxable; }
    public void setTaxable(boolean taxable) { this.taxable = taxable; }
}
