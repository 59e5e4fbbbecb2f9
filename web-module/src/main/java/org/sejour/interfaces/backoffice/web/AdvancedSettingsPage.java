package org.sejour.interfaces.backoffice.web;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.sejour.application.AccountService;
import org.sejour.application.privacy.GuestDataService;
import org.sejour.domain.model.account.Account;
import org.sejour.domain.model.shared.SejourException;
import org.sejour.interfaces.security.CurrentUser;

import java.io.Serializable;
import java.util.List;
import java.util.stream.IntStream;

/**
 * "Paramètres avancés": minimum stay for every booking, the phone web app, several accommodations
 * per site booking, and how long guests' data are kept after their last stay (docs/privacy.md).
 */
@Named
@ViewScoped
public class AdvancedSettingsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CurrentUser currentUser;
    @EJB
    AccountService accounts;
    @EJB
    GuestDataService guestData;

    private int minStayNights;
    private boolean mobileWebApp;
    private boolean siteSeveralStays;
    /** years after the last departure; null: kept until the owner erases them */
    private Integer retentionYears;

    @PostConstruct
    void load() {
        Account account = accounts.account(currentUser.accountId());
        minStayNights = account.minStayNights();
        mobileWebApp = account.mobileWebApp();
        siteSeveralStays = account.siteSeveralStays();
        retentionYears = guestData.retentionYears(currentUser.accountId()).orElse(null);
    }

    public void save() {
        try {
            // the retention first: the one of the two that can refuse its value
            guestData.changeRetention(currentUser.accountId(), retentionYears);
            accounts.changeAdvancedSettings(currentUser.accountId(), minStayNights, mobileWebApp, siteSeveralStays);
            Faces.info("advanced.saved");
        } catch (SejourException e) {
            Faces.show("advanced", e);
        }
    }

    /** The retentions offered: the service's range, in whole years. */
    public List<Integer> getRetentionChoices() {
        return IntStream.rangeClosed(GuestDataService.MIN_RETENTION_YEARS, GuestDataService.MAX_RETENTION_YEARS)
                .filter(n -> n <= 10 || n % 5 == 0).boxed().toList();
    }

    public Integer getRetentionYears() { return retentionYears; }
    public void setRetentionYears(Integer retentionYears) { this.retentionYears = retentionYears; }
    public int getMinStayNights() { return minStayNights; }
    public void setMinStayNights(int minStayNights) { this.minStayNights = minStayNights; }
    public boolean isMobileWebApp() { return mobileWebApp; }
    public void setMobileWebApp(boolean mobileWebApp) { this.mobileWebApp = mobileWebApp; }
    public boolean isSiteSeveralStays() { return siteSeveralStays; }
    public void setSiteSeveralStays(boolean siteSeveralStays) { this.siteSeveralStays = siteSeveralStays; }
}
