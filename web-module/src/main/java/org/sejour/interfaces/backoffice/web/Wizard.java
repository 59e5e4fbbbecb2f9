package org.sejour.interfaces.backoffice.web;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.Valid;
import org.sejour.application.AccommodationService;
import org.sejour.application.AccountService;
import org.sejour.domain.model.account.Account;
import org.sejour.domain.model.shared.SejourException;
import org.sejour.interfaces.security.CurrentUser;

import java.io.Serializable;

/** First login: the owner's contact details, then the first accommodation. */
@Named
@ViewScoped
public class Wizard implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CurrentUser currentUser;
    @EJB
    AccountService accounts;
    @EJB
    AccommodationService accommodations;

    private int step = 1;
    @Valid
    private ContactDetailsForm contact = new ContactDetailsForm();
    @Valid
    private AccommodationForm accommodation = new AccommodationForm();

    @PostConstruct
    void init() {
        long accountId = currentUser.accountId();
        Account account = accounts.account(accountId);
        if (account.isContactCompleted()) {
            contact = ContactDetailsForm.of(account.contact().orElseThrow());
            boolean backToContact = "1".equals(jakarta.faces.context.FacesContext.getCurrentInstance()
                    .getExternalContext().getRequestParameterMap().get("step"));
            step = backToContact ? 1 : 2;
        } else if (currentUser.get().login().contains("@")) {
            contact.setEmail(currentUser.get().login());
        }
    }

    public void saveContact() {
        try {
            accounts.updateContactDetails(currentUser.accountId(), contact.toDetails());
            // the steps are built with c:if, so the page is built anew for step 2
            Faces.redirect("/app/wizard.xhtml");
        } catch (SejourException e) {
            Faces.show("wizard", e);
        }
    }

    public void back() {
        step = 1;
        Faces.redirect("/app/wizard.xhtml?step=1");
    }

    public void createAccommodation() {
        try {
            accommodations.create(currentUser.accountId(), accommodation.toDetails());
            Faces.redirect("/app/dashboard.xhtml?welcome=true");
        } catch (SejourException e) {
            Faces.show("wizard", e);
        }
    }

    public int getStep() { return step; }
    public ContactDetailsForm getContact() { return contact; }
    public AccommodationForm getAccommodation() { return accommodation; }
}
