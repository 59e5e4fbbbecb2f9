package org.sejour.application.guest;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import org.sejour.application.AccommodationService;
import org.sejour.application.booking.AvailabilityService;
import org.sejour.application.booking.AvailabilityService.StayOffers;
import org.sejour.application.booking.BookingCommand;
import org.sejour.application.booking.BookingService;
import org.sejour.application.booking.QuoteService;
import org.sejour.application.booking.StayRequest;
import org.sejour.application.catalog.AgeRangeService;
import org.sejour.application.catalog.PricingCatalogLoader;
import org.sejour.application.catalog.SalesTermsService;
import org.sejour.domain.model.account.Account;
import org.sejour.domain.model.account.AccountMode;
import org.sejour.domain.model.account.AccountRepository;
import org.sejour.domain.model.account.AccountState;
import org.sejour.domain.model.accommodation.Accommodation;
import org.sejour.domain.model.accommodation.AccommodationPhoto;
import org.sejour.domain.model.accommodation.AccommodationRepository;
import org.sejour.domain.model.accommodation.Visibility;
import org.sejour.domain.model.catalog.AccountSalesTerms;
import org.sejour.domain.model.catalog.CatalogAgeRange;
import org.sejour.domain.model.dossier.Dossier;
import org.sejour.domain.model.dossier.DossierRepository;
import org.sejour.domain.model.dossier.Origin;
import org.sejour.domain.model.pricing.ArrivalCalendar.ArrivalDay;
import org.sejour.domain.model.pricing.QuoteResult;
import org.sejour.domain.model.pricing.Supplement;
import org.sejour.domain.model.shared.InvalidInputException;
import org.sejour.domain.model.shared.NotFoundException;
import org.sejour.domain.model.accommodation.PhotoSize;
import org.sejour.infrastructure.persistence.ReplicaReads;
import org.sejour.infrastructure.storage.PhotoStore;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What a guest may see and do without an account, on the owner's behalf: the guest names the
 * account by its public number. Only an account in production, and only its accommodations open
 * for online booking, exist here; anything else is not found, exactly like an unknown number,
 * so that the public side never tells a test account or a hidden accommodation from nothing.
 */
@Stateless
public class PublicBookingService {

    /** The origins a public booking may claim; phone, channel and test bookings come from elsewhere. */
    public static final Set<Origin> PUBLIC_ORIGINS = Set.of(Origin.WIDGET, Origin.BOOKING_SITE);

    @Inject
    AccountRepository accounts;
    @Inject
    AccommodationRepository accommodations;
    @Inject
    DossierRepository dossiers;
    @Inject
    PricingCatalogLoader catalogs;
    @EJB
    AvailabilityService availability;
    @EJB
    QuoteService quotes;
    @EJB
    BookingService bookings;
    @EJB
    SalesTermsService salesTerms;
    @EJB
    AgeRangeService ageRanges;
    @EJB
    AccommodationService accommodationFiles;
    @Inject
    ReplicaReads replica;

    /** The terms a guest reads before booking, with the fingerprint the booking must quote back. */
    public record Terms(AccountSalesTerms terms, String version) {
    }

    public record GuestBooking(Dossier dossier, int accountNumber) {
    }

    /** The account open to guests under that number. */
    public Account openAccount(int accountNumber) {
        return accounts.findByNumber(accountNumber).filter(a -> a.mode() == AccountMode.PRODUCTION)
                .orElseThrow(() -> new NotFoundException("account", accountNumber));
    }

    /**
     * The mode and versions of the account open to guests under that number: one statement, and
     * no transaction to begin and end, since it is read before every cached answer.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public AccountState openState(int accountNumber) {
        return accounts.stateByNumber(accountNumber).filter(a -> a.mode() == AccountMode.PRODUCTION)
                .orElseThrow(() -> new NotFoundException("account", accountNumber));
    }

    /**
     * A read-only answer that will be kept under the account's {@code state} (its versions, as
     * {@link #openState} gave them): computed on the database's replica when there is one that
     * replays within its bound and holds exactly that state, on the primary otherwise. No
     * transaction here: each computation has its own, as when called directly.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public <T> T answerAt(@NotNull AccountState state, @NotNull Supplier<T> answer) {
        return replica.read(state, answer);
    }

    public List<Accommodation> accommodations(int accountNumber) {
        return accommodations.ofAccount(openAccount(accountNumber).id()).stream()
                .filter(a -> a.visibility() == Visibility.BOOKABLE).toList();
    }

    public Accommodation accommodation(int accountNumber, long accommodationId) {
        return bookable(openAccount(accountNumber).id(), accommodationId);
    }

    public List<CatalogAgeRange> ageRanges(int accountNumber) {
        return ageRanges.list(openAccount(accountNumber).id());
    }

    /** The optional supplements a guest may add to a stay of that accommodation. */
    public List<Supplement> optionalSupplements(int accountNumber, long accommodationId) {
        long accountId = openAccount(accountNumber).id();
        bookable(accountId, accommodationId);
        return catalogs.load(accountId, accommodationId).catalog().supplements().stream()
                .filter(s -> !s.isMandatory() && s.accommodations().includes(accommodationId)).toList();
    }

    public Terms terms(int accountNumber) {
        AccountSalesTerms terms = salesTerms.get(openAccount(accountNumber).id());
        return new Terms(terms, terms.fingerprint());
    }

    /**
     * The offers for a stay of the account whose {@code state} {@link #openState} just gave: a
     * search computed again after a change does not read the account a second time.
     */
    public StayOffers search(@NotNull AccountState state, @NotNull LocalDate arrival, int nights) {
        if (state.mode() != AccountMode.PRODUCTION) {
            throw new NotFoundException("account", state.accountId());
        }
        return availability.offers(state, arrival, nights);
    }

    public List<ArrivalDay> month(int accountNumber, long accommodationId, @NotNull YearMonth month) {
        long accountId = openAccount(accountNumber).id();
        bookable(accountId, accommodationId);
        return availability.month(accountId, accommodationId, month);
    }

    public QuoteResult quote(int accountNumber, @NotNull StayRequest request) {
        long accountId = openAccount(accountNumber).id();
        bookable(accountId, request.accommodationId());
        return quotes.quote(accountId, request);
    }

    /**
     * Books through the engine (its retries, idempotency, stock guarantee and mails). The guest
     * must have accepted the terms as they stand now: the engine refuses a stale version, in the
     * booking's transaction, and keeps the accepted one on the dossier.
     */
    public Dossier book(int accountNumber, @NotNull BookingCommand command, @NotNull String idempotencyKey) {
        if (!PUBLIC_ORIGINS.contains(command.origin())) {
            throw new InvalidInputException("origin", "api.origin.invalid");
        }
        long accountId = openAccount(accountNumber).id();
        bookable(accountId, command.stay().accommodationId());
        if (command.termsAccepted() == null) {
            throw new InvalidInputException("acceptedTermsVersion", "api.terms.required");
        }
        return bookings.book(accountId, command, idempotencyKey, "guest");
    }

    /** The dossier behind a guest's secret link, with the number of its account (the guest's reference). */
    public GuestBooking dossierOfGuest(@NotNull String guestToken) {
        Dossier dossier = dossiers.findByGuestToken(guestToken)
                .orElseThrow(() -> new NotFoundException("dossier", "token"));
        Account account = accounts.find(dossier.accountId()).orElseThrow(() -> new NotFoundException("dossier", "token"));
        return new GuestBooking(dossier, account.number());
    }

    /** A photo file of an accommodation open for booking. */
    public Path photo(int accountNumber, long photoId, @NotNull PhotoSize size) {
        long accountId = openAccount(accountNumber).id();
        Optional<AccommodationPhoto> photo = accommodations.findPhoto(accountId, photoId)
                .filter(p -> p.accommodation().visibility() == Visibility.BOOKABLE);
        if (photo.isEmpty()) {
            throw new NotFoundException("photo", photoId);
        }
        return accommodationFiles.photoFile(accountId, photoId, size);
    }

    private Accommodation bookable(long accountId, long accommodationId) {
        return accommodations.find(accountId, accommodationId).filter(a -> a.visibility() == Visibility.BOOKABLE)
                .orElseThrow(() -> new NotFoundException("accommodation", accommodationId));
    }
}
