package org.sejour.application.site;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.sejour.domain.model.accommodation.Accommodation;
import org.sejour.domain.model.accommodation.AccommodationPhoto;
import org.sejour.domain.model.accommodation.AccommodationRepository;
import org.sejour.domain.model.accommodation.Visibility;
import org.sejour.domain.model.account.Account;
import org.sejour.domain.model.account.AccountMode;
import org.sejour.domain.model.account.AccountRepository;
import org.sejour.domain.model.account.ContactDetails;
import org.sejour.domain.model.catalog.AccountSalesTerms;
import org.sejour.domain.model.catalog.CatalogPromoCode;
import org.sejour.domain.model.catalog.PromoCodeRepository;
import org.sejour.domain.model.catalog.SalesTermsRepository;
import org.sejour.domain.model.shared.NotFoundException;
import org.sejour.domain.model.shared.TranslatedText;
import org.sejour.domain.model.accommodation.PhotoSize;
import org.sejour.infrastructure.storage.PhotoStore;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What the hosted booking site may show. Only an account in production is open, and of it
 * only the accommodations open for online booking; anything else is not found, exactly like an
 * unknown number or id, so a guest cannot tell a test account or a hidden accommodation exists.
 * The booking tests page of an owner opens the owner's own account whatever its mode.
 */
@Stateless
public class GuestSiteService {

    @Inject
    AccountRepository accounts;
    @Inject
    AccommodationRepository accommodations;
    @Inject
    SalesTermsRepository salesTerms;
    @Inject
    PhotoStore photoStore;
    @Inject
    PromoCodeRepository promoCodes;

    /** The site of a production account. */
    public SiteProfile openSite(int accountNumber) {
        Account account = accounts.findByNumber(accountNumber)
                .filter(a -> a.mode() == AccountMode.PRODUCTION)
                .orElseThrow(() -> new NotFoundException("account", accountNumber));
        return profile(account);
    }

    /** The owner's own site, for booking tests: any mode. */
    public SiteProfile ownSite(long accountId) {
        return profile(accounts.find(accountId).orElseThrow(() -> new NotFoundException("account", accountId)));
    }

    private static SiteProfile profile(Account account) {
        ContactDetails contact = account.contact().orElse(null);
        return contact == null
                ? new SiteProfile(account.id(), account.number(), "", null, null, null, null,
                account.siteSeveralStays())
                : new SiteProfile(account.id(), account.number(), contact.displayName(), contact.email(),
                contact.phone(), contact.city(), contact.website(), account.siteSeveralStays());
    }

    public List<SiteListing> listings(long accountId) {
        return accommodations.ofAccount(accountId).stream()
                .filter(a -> a.visibility() == Visibility.BOOKABLE)
                .map(GuestSiteService::listing).toList();
    }

    public SiteListing listing(long accountId, long accommodationId) {
        return accommodations.find(accountId, accommodationId)
                .filter(a -> a.visibility() == Visibility.BOOKABLE)
                .map(GuestSiteService::listing)
                .orElseThrow(() -> new NotFoundException("accommodation", accommodationId));
    }

    private static SiteListing listing(Accommodation a) {
        var details = a.details();
        return new SiteListing(a.id(), a.reference(), a.name(), a.type(), a.classification(), details.postalCode(),
                a.city(), a.capacityMin(), a.capacityMax(), details.surface(), a.description(), a.amenities(),
                a.photos().stream().map(AccommodationPhoto::id).toList(), a.gps());
    }

    /** The owner's terms and conditions, which the guest accepts before booking. */
    public TranslatedText conditions(long accountId) {
        return terms(accountId).conditions();
    }

    /** The version of those terms a booking quotes back, so that the dossier keeps what the guest accepted. */
    public String termsVersion(long accountId) {
        return terms(accountId).fingerprint();
    }

    private AccountSalesTerms terms(long accountId) {
        return salesTerms.find(accountId).orElseGet(() -> AccountSalesTerms.defaultsFor(accountId));
    }

    /**
     * The percentage of a code the quote applied, for the "-25 %" the guest sees beside its
     * label (the quote line carries the amount, not the rate).
     */
    public Optional<BigDecimal> promoCodePercent(long accountId, String appliedCode) {
        return promoCodes.findByCode(accountId, CatalogPromoCode.normalise(appliedCode)).map(CatalogPromoCode::percent);
    }

    /** A photo of an accommodation open for booking on a production account. */
    public Path photoFile(int accountNumber, long photoId, PhotoSize size) {
        long accountId = openSite(accountNumber).accountId();
        AccommodationPhoto photo = accommodations.findPhoto(accountId, photoId)
                .filter(p -> p.accommodation().visibility() == Visibility.BOOKABLE)
                .orElseThrow(() -> new NotFoundException("photo", photoId));
        return photoStore.path(accountId, photo.storageKey(), size);
    }
}
