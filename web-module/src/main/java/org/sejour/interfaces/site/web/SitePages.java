package org.sejour.interfaces.site.web;

import org.sejour.application.site.GuestSiteService;
import org.sejour.application.site.SiteProfile;
import org.sejour.domain.model.shared.NotFoundException;
import org.sejour.interfaces.backoffice.web.Faces;

import java.util.Optional;

/** What the site's pages share: reading the account number of the address, and the 404 for anything else. */
final class SitePages {

    private SitePages() {
    }

    static Optional<Long> parseLong(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(Long.valueOf(text.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The production account the address names, or empty having answered 404. */
    static Optional<SiteProfile> open(GuestSiteService site, String accountParam) {
        Optional<Long> number = parseLong(accountParam).filter(n -> n > 0 && n <= Integer.MAX_VALUE);
        if (number.isEmpty()) {
            Faces.notFound();
            return Optional.empty();
        }
        try {
            return Optional.of(site.openSite(number.get().intValue()));
        } catch (NotFoundException e) {
            Faces.notFound();
            return Optional.empty();
        }
    }
}
