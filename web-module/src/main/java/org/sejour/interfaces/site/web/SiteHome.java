package org.sejour.interfaces.site.web;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.sejour.application.site.GuestSiteService;
import org.sejour.application.site.SiteListing;
import org.sejour.application.site.SiteProfile;

import java.util.List;

/** The booking site's home: the owner's accommodations open for online booking. */
@Named
@RequestScoped
public class SiteHome {

    @EJB
    GuestSiteService site;
    @Inject
    SiteLanguage language;

    private String accountParam;
    private SiteProfile profile;
    private List<SiteListing> listings = List.of();

    public void load() {
        SitePages.open(site, accountParam).ifPresent(p -> {
            profile = p;
            listings = site.listings(p.accountId());
        });
    }

    /** The first lines of the description in the guest's language (French when not translated). */
    public String summary(SiteListing listing) {
        String text = listing.description().in(language.getLanguage());
        return text.length() <= 240 ? text : text.substring(0, 240).strip() + "…";
    }

    public SiteProfile getProfile() { return profile; }
    public List<SiteListing> getListings() { return listings; }
    public String getAccountParam() { return accountParam; }
    public void setAccountParam(String accountParam) { this.accountParam = accountParam; }
}
