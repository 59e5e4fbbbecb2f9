package org.sejour.application.booking;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.sejour.application.catalog.PricingCatalogLoader;
import org.sejour.application.catalog.SalesTermsService;
import org.sejour.application.mail.MailOutbox;
import org.sejour.domain.model.accommodation.Accommodation;
import org.sejour.domain.model.accommodation.AccommodationRepository;
import org.sejour.domain.model.dossier.Dossier;
import org.sejour.domain.model.dossier.DossierRepository;
import org.sejour.domain.model.dossier.NotBookableException;
import org.sejour.domain.model.dossier.PartyCount;
import org.sejour.domain.model.dossier.PricedLine;
import org.sejour.domain.model.dossier.StayTakenException;
import org.sejour.domain.model.pricing.AgeRange;
import org.sejour.domain.model.pricing.Quote;
import org.sejour.domain.model.pricing.QuoteLine;
import org.sejour.domain.model.pricing.QuoteResult;
import org.sejour.domain.model.shared.InvalidInputException;
import org.sejour.domain.model.shared.NotFoundException;
import org.sejour.domain.model.shared.SejourException;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One attempt at a booking, in its own transaction: check the accepted terms, quote, spend the code, take the nights,
 * number and store the dossier, put its mails in the outbox. The nights are taken by the
 * database (night_stock), so two attempts racing for the last unit cannot both succeed; the
 * loser rolls back whole, its mails with it.
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
    PricingCatalogLoader catalogs;
    @EJB
    MailOutbox mails;
    @EJB
    SalesTermsService salesTerms;

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
        long accommodationId = command.stay().accommodationId();
        // read first, and before the code is spent: a read of the catalog after that native
        // update, or after entities were loaded here, could meet stale ones (JpaPricingCatalogLoader)
        List<AgeRange> ageRanges = catalogs.load(accountId, accommodationId).ageRanges();
        Accommodation accommodation = accommodations.find(accountId, accommodationId)
                .orElseThrow(() -> new NotFoundException("accommodation", accommodationId));
        // here rather than before the call: terms changed while the guest was reading them are
        // caught up to the commit's snapshot, and the dossier keeps exactly what was checked
        if (command.termsAccepted() != null
                && !salesTerms.get(accountId).fingerprint().equals(command.termsAccepted().version())) {
            throw new InvalidInputException("acceptedTermsVersion", "api.terms.outdated");
        }
        Instant now = Instant.now();
        LocalDate today = BusinessCalendar.today(Clock.systemUTC());
        QuoteResult result = quotes.quote(accountId, command.stay(), today);
        Quote quote = result.quote().orElseThrow(() -> new NotBookableException(result.refusals()));

        Long promoCodeId = null;
        if (quote.appliedPromoCode().isPresent()) {
            promoCodeId = dossiers.promoCodeId(accountId, quote.appliedPromoCode().get())
                    .orElseThrow(() -> new SejourException("booking.promoCodeSpent"));
            if (!dossiers.spendPromoCode(promoCodeId)) {
                throw new SejourException("booking.promoCodeSpent");
            }
        }
        if (!dossiers.takeNights(accommodation.id(), accommodation.stockManaged(), command.stay().stay())) {
            throw new StayTakenException();
        }
        // numbered once the nights are taken: a stay just taken by another guest costs no number
        int number = dossiers.nextNumber(accountId);
        LocalDate depositDue = quote.deposit().dueDate();
        Dossier dossier = Dossier.open(new Dossier.Booking(accountId, number, accommodation, command.stay().stay(),
                command.guest(), party(command, ageRanges), lines(quote), quote.total(), quote.deposit().amount(), depositDue,
                quote.balance().dueDate(), command.origin(), command.originSite(), promoCodeId, command.confirmed(),
                BusinessCalendar.endOf(depositDue), idempotencyKey, requestHash, command.termsAccepted(), now, actor));
        Dossier stored = dossiers.store(dossier);
        // in this transaction: the mails exist exactly when the dossier does
        mails.bookingMade(stored, command.mailGuest(), now);
        return stored;
    }

    /** The party as booked, each range with its taxable flag (the quote has checked every label). */
    private static List<PartyCount> party(BookingCommand command, List<AgeRange> ranges) {
        List<PartyCount> party = new ArrayList<>();
        command.stay().party().forEach((label, persons) -> {
            if (persons > 0) {
                boolean taxable = ranges.stream().anyMatch(r -> r.label().equalsIgnoreCase(label) && r.taxable());
                party.add(new PartyCount(label, persons, taxable));
            }
        });
        return party;
    }

    private static List<PricedLine> lines(Quote quote) {
        List<PricedLine> lines = new ArrayList<>();
        for (QuoteLine line : quote.lines()) {
            lines.add(new PricedLine(lines.size(), line.kind().name(), line.label(), line.quantity(),
                    line.amount().amount(), line.supplementId().orElse(null)));
        }
        return lines;
    }
}
