package org.sejour.interfaces.backoffice.web;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.Valid;
import org.sejour.application.AccountService;
import org.sejour.domain.model.shared.SejourException;
import org.sejour.interfaces.security.CurrentUser;

import java.io.Serializable;

/** "Modifier mes coordonnées". */
@Named
@ViewScoped
public class ContactDetailsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CurrentUser currentUser;
    @EJB
    AccountService accounts;

    @Valid
    private ContactDetailsForm form = new ContactDetailsForm();

    @PostConstruct
    void load() {
        accounts.account(currentUser.accountId()).contact().ifPresent(c -> form = ContactDetailsForm.of(c));
    }

    public void save() {
        try {
            accounts.updateContactDetails(currentUser.accountId(), form.toDetails());
            Faces.info("contact.saved");
        } catch (SejourException e) {
            Faces.show("contact", e);
        }
    }

    public ContactDetailsForm getForm() { return form; }
}
