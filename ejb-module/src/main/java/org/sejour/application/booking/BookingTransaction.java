package org.sejour.application.booking;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.sejour.application.catalog.PricingCatalogLoader;
import org.sejour.application.catalog.PricingInputs;
import org.sejour.application.catalog.SalesTermsService;
import org.sejour.application.document.ContractService;
import org.sejour.application.mail.MailOutbox;
import org.sejour.domain.model.accommodation.Accommodation;
import org.sejour.domain.model.accommodation.AccommodationRepository;
import org.sejour.domain.model.account.Account;
import org.sejour.domain.model.account.AccountRepository;
import org.sejour.domain.model.dossier.Dossier;
import org.sejour.domain.model.dossier.DossierRepository;
import org.sejour.domain.model.dossier.DossierStatus;
import org.sejour.domain.model.dossier.DossierStay;
import org.sejour.domain.model.dossier.NotBookableException;
import org.sejour.domain.model.dossier.Origin;
import org.sejour.domain.model.dossier.PartyCount;
import org.sejour.domain.model.dossier.Repricing;
import org.sejour.domain.model.dossier.StayTakenException;
import org.sejour.domain.model.pricing.AgeRange;
import org.sejour.domain.model.pricing.Basket;
import org.sejour.domain.model.pricing.TaxExemption;
import org.sejour.domain.model.shared.InvalidInputException;
import org.sejour.domain.model.shared.NotFoundException;
import org.sejour.domain.model.shared.SejourException;
import org.sejour.domain.model.shared.StayPeriod;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One attempt at a booking, or at a change of one, in its own transaction. The nights are taken
 * by the database (night_stock), so two attempts racing for the last unit cannot both succeed;
 * the loser rolls back whole, its mails with it.
 */
@Stateless
public class BookingTransaction {

    @EJB
    QuoteService quotes;
    @Inject
    AccommodationRepository accommodations;
    @Inject
    DossierRepository dossiers;
    @Inject
    AccountRepository accounts;
    @Inject
    PricingCatalogLoader catalogs;
    @EJB
    MailOutbox mails;
    @EJB
    SalesTermsService salesTerms;
    @EJB
    ContractService contracts;

    /**
     * Books: check the accepted terms, quote each stay, spend the code, take each stay's nights,
     * number and store the dossier, put its mails in the outbox. Several stays (accommodations)
     * make one dossier, all or nothing: one night missing on one of them rolls back the others.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Dossier attempt(long accountId, BookingCommand command, String idempotencyKey, String requestHash,
                           String actor) {
        if (idempotencyKey != null) {
            Optional<Dossier> earlier = dossiers.findByIdempotencyKey(accountId, idempotencyKey);
            if (earlier.isPresent()) {
                if (!earlier.get().requestHash().orElse("").equals(requestHash)) {
                    throw new SejourException("booking.idempotencyKeyReused");
                }
                return earlier.get();
            }
        }
        if (command.origin() == Origin.BOOKING_SITE && command.stays().size() > 1
                && !accounts.find(accountId).map(Account::siteSeveralStays).orElse(false)) {
            // the site offers this only where the owner allows it; the engine holds the line for any caller
            throw new InvalidInputException("stays", "booking.severalStays.notOffered");
        }
        // read first, and before the code is spent: a read of the catalog after that native
        // update, or after entities were loaded here, could meet stale ones (JpaPricingCatalogLoader)
        List<AgeRange> ageRanges = ageRanges(accountId, command.stays());
        List<Accommodation> booked = accommodationsOf(accountId, command.stays());
        // here rather than before the call: terms changed while the guest was reading them are
        // caught up to the commit's snapshot, and the dossier keeps exactly what was checked
        if (command.termsAccepted() != null
                && !salesTerms.get(accountId).fingerprint().equals(command.termsAccepted().version())) {
            throw new InvalidInputException("acceptedTermsVersion", "api.terms.outdated");
        }
        Instant now = Instant.now();
        LocalDate today = BusinessCalendar.today(Clock.systemUTC());
        Basket basket = bookable(quotes.quote(accountId, command.stays(), today));

        Long promoCodeId = spend(accountId, basket);
        take(booked, command.stay().stay());
        // numbered once the nights are taken: a stay just taken by another guest costs no number
        int number = dossiers.nextNumber(accountId);
        Dossier dossier = Dossier.open(new Dossier.Booking(accountId, number, command.stay().stay(),
                bookedStays(booked, command.stays(), ageRanges), command.guest(), Repricing.ofBooking(basket),
                promoCodeId, new Dossier.Provenance(command.origin(), command.originSite(), idempotencyKey,
                requestHash, command.termsAccepted()),
                command.confirmed(), BusinessCalendar.endOf(basket.depositDue()), now, actor));
        Dossier stored = dossiers.store(dossier);
        // in this transaction: the mails exist exactly when the dossier does
        mails.bookingMade(stored, command.mailGuest(), now);
        return stored;
    }

    /**
     * Changes a booking, in this order, in one transaction:
     * <ol>
     * <li>lock the dossier (two changes of it, or a change and a payment or a cancellation, queue);</li>
     * <li>keep its contract as it stands (the version the change replaces);</li>
     * <li>give back what it holds, its code's use and its nights, so that they count as free;</li>
     * <li>quote the new stays from the live stock, by today's rules;</li>
     * <li>spend the new code, take the new nights: a night another booking took meanwhile rolls
     *     everything back, the old nights with it, so a stay is never half moved;</li>
     * <li>apply the price the owner chose, record who changed what, queue the guest's mail.</li>
     * </ol>
     * A booking racing the change for the last unit waits on the night rows the change released
     * (or took); whichever commits first keeps them, the other finds none left.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Dossier change(long accountId, long dossierId, ChangeCommand command, String actor) {
        Dossier dossier = dossiers.lock(dossierId).filter(d -> d.accountId() == accountId)
                .orElseThrow(() -> new NotFoundException("dossier", dossierId));
        if (dossier.status() == DossierStatus.CANCELLED) {
            throw new SejourException("dossier.cancelled");
        }
        if (command.mailGuest() && dossier.guest().email() == null) {
            throw new InvalidInputException("mailGuest", "booking.mailGuest.noEmail");
        }
        Instant now = Instant.now();
        LocalDate today = BusinessCalendar.today(Clock.systemUTC());
        String before = Changes.describe(dossier);
        contracts.keepBeforeChange(dossier, now, actor);

        // before any read of the catalog here, so the quote below reads the code given back (JpaPricingCatalogLoader)
        dossier.promoCodeId().ifPresent(dossiers::givePromoCodeBack);
        dossiers.releaseNights(dossier);
        List<AgeRange> ageRanges = ageRanges(accountId, command.stays());
        List<Accommodation> booked = accommodationsOf(accountId, command.stays());
        Basket basket = bookable(quotes.quote(accountId, command.stays(), today));
        Long promoCodeId = spend(accountId, basket);
        take(booked, command.stay().stay());

        List<Dossier.BookedStay> stays = bookedStays(booked, command.stays(), ageRanges);
        Dossier.AgreedPrice price = Repricing.ofChange(dossier, basket, command.decision());
        dossier.change(new Dossier.Change(command.stay().stay(), stays, price, promoCodeId,
                before + " ⇒ " + Changes.describe(command.stay().stay(), booked, stays, price,
                command.decision().choice()), now, actor));
        if (command.mailGuest()) {
            mails.bookingChanged(dossier, now);
        }
        return dossier;
    }

    private List<AgeRange> ageRanges(long accountId, List<StayRequest> stays) {
        // refuses another owner's accommodation like a missing one
        List<AgeRange> ranges = catalogs.load(accountId, stays.get(0).accommodationId()).ageRanges();
        Map<Long, PricingInputs> all = catalogs.loadAll(accountId);
        stays.forEach(stay -> {
            if (!all.containsKey(stay.accommodationId())) {
                throw new NotFoundException("accommodation", stay.accommodationId());
            }
        });
        return ranges;
    }

    private List<Accommodation> accommodationsOf(long accountId, List<StayRequest> stays) {
        List<Accommodation> found = new ArrayList<>();
        for (StayRequest stay : stays) {
            found.add(accommodations.find(accountId, stay.accommodationId())
                    .orElseThrow(() -> new NotFoundException("accommodation", stay.accommodationId())));
        }
        return found;
    }

    private static Basket bookable(BasketResult result) {
        return result.basket().orElseThrow(() -> new NotBookableException(result.refusals()));
    }

    /** Spends one use of the code some stay applied, once for the dossier. */
    private Long spend(long accountId, Basket basket) {
        if (basket.appliedPromoCode().isEmpty()) {
            return null;
        }
        long promoCodeId = dossiers.promoCodeId(accountId, basket.appliedPromoCode().get())
                .orElseThrow(() -> new SejourException("booking.promoCodeSpent"));
        if (!dossiers.spendPromoCode(promoCodeId)) {
            throw new SejourException("booking.promoCodeSpent");
        }
        return promoCodeId;
    }

    /**
     * Takes a unit of each night for each stay, in the order of the accommodations' ids (two
     * baskets of the same gîtes lock their rows in the same order), or throws, naming the nights
     * that had none left, and whether an imported calendar holds them.
     */
    private void take(List<Accommodation> booked, StayPeriod nights) {
        for (Accommodation accommodation : booked.stream().sorted(Comparator.comparing(Accommodation::id)).toList()) {
            List<LocalDate> missing = dossiers.takeNights(accommodation.id(), accommodation.stockManaged(), nights);
            if (!missing.isEmpty()) {
                List<LocalDate> held = dossiers.heldByChannels(accommodation.id(), missing);
                throw new StayTakenException(missing, held.size() == missing.size());
            }
        }
    }

    /**
     * Each stay's accommodation with its party as booked, each range with its taxable flag. The
     * persons declared exempt from the tourist tax are counted against the taxable ranges in label
     * order (the quote already checked there are enough of them); a register counts them per stay.
     */
    private static List<Dossier.BookedStay> bookedStays(List<Accommodation> booked, List<StayRequest> stays,
                                                        List<AgeRange> ranges) {
        List<Dossier.BookedStay> result = new ArrayList<>();
        for (int i = 0; i < stays.size(); i++) {
            Map<String, Integer> persons = new TreeMap<>();
            stays.get(i).party().forEach((label, count) -> {
                if (count > 0) {
                    persons.put(label, count);
                }
            });
            Map<TaxExemption, Integer> toPlace = new EnumMap<>(TaxExemption.class);
            toPlace.putAll(stays.get(i).exemptions());
            List<PartyCount> party = new ArrayList<>();
            persons.forEach((label, count) -> {
                boolean taxable = ranges.stream().anyMatch(r -> r.label().equalsIgnoreCase(label) && r.taxable());
                Map<TaxExemption, Integer> exempt = new EnumMap<>(TaxExemption.class);
                int room = taxable ? count : 0;
                for (TaxExemption reason : TaxExemption.values()) {
                    int placed = Math.min(room, toPlace.getOrDefault(reason, 0));
                    if (placed > 0) {
                        exempt.put(reason, placed);
                        toPlace.merge(reason, -placed, Integer::sum);
                        room -= placed;
                    }
                }
                party.add(new PartyCount(label, count, taxable, 0, exempt));
            });
            result.add(new Dossier.BookedStay(booked.get(i), party));
        }
        return result;
    }

    /** The history's words for a change: what the dossier was, what it became. */
    static final class Changes {

        private Changes() {
        }

        static String describe(Dossier dossier) {
            return describe(dossier.stay(), dossier.stays().stream().map(DossierStay::accommodation).toList(),
                    dossier.party().stream().mapToInt(PartyCount::persons).sum(), dossier.total().amount().toPlainString(),
                    null);
        }

        static String describe(StayPeriod nights, List<Accommodation> booked, List<Dossier.BookedStay> stays,
                               Dossier.AgreedPrice price, Repricing.Choice choice) {
            int persons = stays.stream().flatMap(s -> s.party().stream()).mapToInt(PartyCount::persons).sum();
            return describe(nights, booked, persons, price.total().amount().toPlainString(), choice);
        }

        private static String describe(StayPeriod nights, List<Accommodation> booked, int persons, String total,
                                       Repricing.Choice choice) {
            return nights.arrival() + " → " + nights.departure() + " (" + nights.nights() + "), "
                    + booked.stream().map(Accommodation::name).collect(Collectors.joining(" + ")) + ", " + persons
                    + " p., " + total + " €" + (choice == null ? "" : " [" + choice + "]");
        }
    }
}
