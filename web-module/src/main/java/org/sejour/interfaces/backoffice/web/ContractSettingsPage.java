package org.sejour.interfaces.backoffice.web;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import org.sejour.application.catalog.SalesTermsService;
import org.sejour.application.document.ContractService;
import org.sejour.application.document.DocumentSettingsService;
import org.sejour.domain.model.document.ContractField;
import org.sejour.domain.model.document.ContractSettings;
import org.sejour.domain.model.shared.InvalidInputException;
import org.sejour.domain.model.shared.Language;
import org.sejour.domain.model.shared.SejourException;
import org.sejour.interfaces.security.CurrentUser;

import java.io.Serializable;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * "Personnalisation des contrats": the owner's texts in French and in any of the six other
 * languages ({@link OwnerTexts}), the hours, the logo and the optional parts. Saved all at once; the preview shows the latest dossier's contract with them.
 */
@Named
@ViewScoped
public class ContractSettingsPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm");

    @Inject
    CurrentUser currentUser;
    @EJB
    DocumentSettingsService settings;
    @EJB
    ContractService contracts;
    @EJB
    SalesTermsService salesTerms;

    private OwnerTexts<ContractField> texts = new OwnerTexts<>(ContractField.class, Map.of());
    private String arrivalFrom;
    private String arrivalUntil;
    private String departureBefore;
    private boolean showPhotos;
    private boolean showTerms;
    private boolean hasLogo;
    /** The file of the request being answered; a part lives no longer than its request. */
    private transient Part logoUpload;
    private boolean hasDossier;
    private String salesConditions;

    @PostConstruct
    void load() {
        ContractSettings contract = settings.contract(currentUser.accountId());
        texts = new OwnerTexts<>(ContractField.class, contract.texts());
        salesConditions = salesTerms.get(currentUser.accountId()).conditions().in(Language.FR);
        arrivalFrom = contract.arrivalFrom().map(HOURS::format).orElse("");
        arrivalUntil = contract.arrivalUntil().map(HOURS::format).orElse("");
        departureBefore = contract.departureBefore().map(HOURS::format).orElse("");
        showPhotos = contract.showPhotos();
        showTerms = contract.showTerms();
        hasLogo = contract.logo().isPresent();
        hasDossier = contracts.latestDossierId(currentUser.accountId()).isPresent();
    }

    public void save() {
        try {
            settings.changeContract(currentUser.accountId(), new ContractSettings.Changes(
                    hour(arrivalFrom), hour(arrivalUntil), hour(departureBefore), showPhotos, showTerms, texts.toTexts()));
            Faces.info("contract.saved");
        } catch (InvalidInputException e) {
            // a text too long is named by its field, which has no single input id in the repeats
            e.violations().forEach(v -> Faces.error(isText(v.field()) ? null : "contract:" + v.field(), v.messageKey()));
            FacesContext.getCurrentInstance().validationFailed();
        } catch (SejourException e) {
            Faces.show("contract", e);
        }
    }

    private static boolean isText(String field) {
        return java.util.Arrays.stream(ContractField.values()).anyMatch(f -> f.name().equals(field));
    }

    public void uploadLogo() {
        Part part = logoUpload;
        logoUpload = null;
        if (part == null) {
            return;
        }
        try {
            UploadedImage image = UploadedImage.of(part).orElse(null);
            if (image == null) {
                Faces.error("contract:logo", "photo.tooLarge");
                return;
            }
            settings.replaceLogo(currentUser.accountId(), image.content());
            hasLogo = true;
            Faces.info("contract.logo.saved");
        } catch (SejourException e) {
            Faces.error("contract:logo", e.messageKey());
        }
    }

    public void removeLogo() {
        settings.replaceLogo(currentUser.accountId(), null);
        hasLogo = false;
        Faces.info("contract.logo.removed");
    }

    private static LocalTime hour(String text) {
        return text == null || text.isBlank() ? null : LocalTime.parse(text, HOURS);
    }

    /** Every half hour of the day, as the hour menus offer them. */
    public List<String> getHourChoices() {
        List<String> hours = new ArrayList<>();
        for (LocalTime t = LocalTime.MIDNIGHT; ; t = t.plusMinutes(30)) {
            hours.add(HOURS.format(t));
            if (t.equals(LocalTime.of(23, 30))) {
                return hours;
            }
        }
    }

    public List<ContractField> getHeaderFields() { return List.of(ContractField.HEADER, ContractField.SLOGAN); }

    /** The terms of sale the contract prints, as written on the sales terms page (French, the reference). */
    public String getSalesConditions() { return salesConditions; }

    public List<ContractField> getRecapFields() {
        return List.of(ContractField.ARRIVAL_REMARKS, ContractField.DEPARTURE_REMARKS, ContractField.PAYMENT_TERMS,
                ContractField.ADDITIONAL_INFO, ContractField.SIGNATURE, ContractField.STATE_OPTION,
                ContractField.STATE_BALANCE, ContractField.STATE_PAID);
    }
    public OwnerTexts<ContractField> getTexts() { return texts; }
    public String getArrivalFrom() { return arrivalFrom; }
    public void setArrivalFrom(String arrivalFrom) { this.arrivalFrom = arrivalFrom; }
    public String getArrivalUntil() { return arrivalUntil; }
    public void setArrivalUntil(String arrivalUntil) { this.arrivalUntil = arrivalUntil; }
    public String getDepartureBefore() { return departureBefore; }
    public void setDepartureBefore(String departureBefore) { this.departureBefore = departureBefore; }
    public boolean isShowPhotos() { return showPhotos; }
    public void setShowPhotos(boolean showPhotos) { this.showPhotos = showPhotos; }
    public boolean isShowTerms() { return showTerms; }
    public void setShowTerms(boolean showTerms) { this.showTerms = showTerms; }
    public boolean isHasLogo() { return hasLogo; }
    public Part getLogoUpload() { return logoUpload; }
    public void setLogoUpload(Part logoUpload) { this.logoUpload = logoUpload; }
    public boolean isHasDossier() { return hasDossier; }
}
