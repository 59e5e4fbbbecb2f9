package org.sejour.interfaces.backoffice.web;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.sejour.application.document.DocumentSettingsService;
import org.sejour.domain.model.document.ReceiptSettings;
import org.sejour.domain.model.invoice.LegalMentions;
import org.sejour.domain.model.shared.SejourException;
import org.sejour.interfaces.security.CurrentUser;

import java.io.Serializable;
import java.math.BigDecimal;

/**
 * "Mentions légales des reçus": who the owner is in law and their VAT status, printed on every
 * receipt issued from then on, and the prefix before receipt numbers.
 */
@Named
@ViewScoped
public class ReceiptSettingsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CurrentUser currentUser;
    @EJB
    DocumentSettingsService settings;

    private String legalName;
    private String legalForm;
    private String siret;
    private String registration;
    private LegalMentions.VatStatus vatStatus;
    private String vatNumber;
    private BigDecimal vatRate;
    private String numberPrefix;

    @PostConstruct
    void load() {
        LegalMentions m = settings.receipt(currentUser.accountId()).mentions();
        legalName = m.legalName().orElse("");
        legalForm = m.legalForm().orElse("");
        siret = m.siret().orElse("");
        registration = m.registration().orElse("");
        vatStatus = m.vatStatus().orElse(null);
        vatNumber = m.vatNumber().orElse("");
        vatRate = m.vatRate().orElse(null);
        numberPrefix = m.numberPrefix().orElse("");
    }

    public void save() {
        try {
            settings.changeReceipt(currentUser.accountId(), new ReceiptSettings.Changes(legalName,
                    legalForm, siret, registration, vatStatus, vatNumber, vatRate, numberPrefix));
            load();
            Faces.info("receiptSettings.saved");
        } catch (SejourException e) {
            Faces.show("receiptSettings", e);
        }
    }

    public LegalMentions.VatStatus[] getVatStatusChoices() { return LegalMentions.VatStatus.values(); }

    public String getLegalName() { return legalName; }
    public void setLegalName(String legalName) { this.legalName = legalName; }
    public String getLegalForm() { return legalForm; }
    public void setLegalForm(String legalForm) { this.legalForm = legalForm; }
    public String getSiret() { return siret; }
    public void setSiret(String siret) { this.siret = siret; }
    public String getRegistration() { return registration; }
    public void setRegistration(String registration) { this.registration = registration; }
    public LegalMentions.VatStatus getVatStatus() { return vatStatus; }
    public void setVatStatus(LegalMentions.VatStatus vatStatus) { this.vatStatus = vatStatus; }
    public String getVatNumber() { return vatNumber; }
    public void setVatNumber(String vatNumber) { this.vatNumber = vatNumber; }
    public BigDecimal getVatRate() { return vatRate; }
    public void setVatRate(BigDecimal vatRate) { this.vatRate = vatRate; }
    public String getNumberPrefix() { return numberPrefix; }
    public void setNumberPrefix(String numberPrefix) { this.numberPrefix = numberPrefix; }
}
