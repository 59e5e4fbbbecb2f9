package org.sejour.interfaces.backoffice.web;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.sejour.application.CreatedOwner;
import org.sejour.application.OperatorService;
import org.sejour.application.OwnerSummary;
import org.sejour.domain.model.account.AccountMode;
import org.sejour.domain.model.shared.SejourException;

import java.io.Serializable;
import java.util.List;

/** The operator's page: every owner account, opening new ones, test and production. */
@Named
@ViewScoped
public class OwnerAdministration implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    OperatorService operators;

    private List<OwnerSummary> owners;
    @NotBlank(message = "{field.required}")
    @Size(max = 254, message = "{field.tooLong}")
    private String newLogin;
    private CreatedOwner created;

    @PostConstruct
    void load() {
        owners = operators.owners();
    }

    public void create() {
        try {
            created = operators.createOwner(newLogin);
            newLogin = null;
            load();
        } catch (SejourException e) {
            created = null;
            Faces.show("create", e);
        }
    }

    public void switchMode(long accountId, AccountMode mode) {
        operators.switchMode(accountId, mode);
        Faces.info(mode == AccountMode.PRODUCTION ? "operator.switched.production" : "operator.switched.test");
        load();
    }

    /** The demo switch: fake payments through the offline provider for an account in production. */
    public void allowDemoPayments(long accountId, boolean allowed) {
        operators.allowDemoPayments(accountId, allowed);
        Faces.info(allowed ? "operator.demoPayments.on.done" : "operator.demoPayments.off.done");
        load();
    }

    public List<OwnerSummary> getOwners() { return owners; }
    public String getNewLogin() { return newLogin; }
    public void setNewLogin(String newLogin) { this.newLogin = newLogin; }
    public CreatedOwner getCreated() { return created; }
}
