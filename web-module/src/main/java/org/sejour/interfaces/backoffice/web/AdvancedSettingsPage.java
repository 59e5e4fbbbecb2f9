package org.sejour.interfaces.backoffice.web;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.sejour.application.AccountService;
import org.sejour.domain.model.account.Account;
import org.sejour.domain.model.shared.SejourException;
import org.sejour.interfaces.security.CurrentUser;

import java.io.Serializable;

/** "Paramètres avancés": minimum stay for every booking, the phone web app, several accommodations per site booking. */
@Named
@ViewScoped
public class AdvancedSettingsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CurrentUser currentUser;
    @EJB
    AccountService accounts;

    private int minStayNights;
    private boolean mobileWebApp;
    private boolean siteSeveralStays;

    @PostConstruct
    void load() {
        Account account = accounts.account(currentUser.accountId());
        minStayNights = account.minStayNights();
        mobileWebApp = account.mobileWebApp();
        siteSeveralStays = account.siteSeveralStays();
    }

    public void save() {
        try {
            accounts.changeAdvancedSettings(currentUser.accountId(), minStayNights, mobileWebApp, siteSeveralStays);
            Faces.info("advanced.saved");
        } catch (SejourException e) {
            Faces.show("advanced", e);
        }
    }

    public int getMinStayNights() { return minStayNights; }
    public void setMinStayNights(int minStayNights) { this.minStayNights = minStayNights; }
    public boolean isMobileWebApp() { return mobileWebApp; }
    public void setMobileWebApp(boolean mobileWebApp) { this.mobileWebApp = mobileWebApp; }
    public boolean isSiteSeveralStays() { return siteSeveralStays; }
    public void setSiteSeveralStays(boolean siteSeveralStays) { this.siteSeveralStays = siteSeveralStays; }
}
