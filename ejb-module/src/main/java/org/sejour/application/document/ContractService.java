package org.sejour.application.document;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.sejour.application.booking.BusinessCalendar;
import org.sejour.domain.model.accommodation.Accommodation;
import org.sejour.domain.model.accommodation.AccommodationDetails;
import org.sejour.domain.model.account.Account;
import org.sejour.domain.model.account.AccountRepository;
import org.sejour.domain.model.account.ContactDetails;
import org.sejour.application.catalog.AgeRangeService;
import org.sejour.domain.model.catalog.AgeRangeNames;
import org.sejour.domain.model.catalog.AccountSalesTerms;
import org.sejour.domain.model.catalog.SalesTermsRepository;
import org.sejour.domain.model.document.ContractArchive;
import org.sejour.domain.model.document.ContractField;
import org.sejour.domain.model.document.ContractSettings;
import org.sejour.domain.model.document.DocumentSettingsRepository;
import org.sejour.domain.model.dossier.Dossier;
import org.sejour.domain.model.dossier.DossierRepository;
import org.sejour.domain.model.dossier.DossierStatus;
import org.sejour.domain.model.dossier.DossierStay;
import org.sejour.domain.model.dossier.Guest;
import org.sejour.domain.model.dossier.PricedLine;
import org.sejour.domain.model.pricing.QuoteLine;
import org.sejour.domain.model.pricing.SalesTerms;
import org.sejour.domain.model.shared.Language;
import org.sejour.domain.model.shared.Money;
import org.sejour.domain.model.shared.NotFoundException;
import org.sejour.domain.model.shared.TranslatedText;
import org.sejour.domain.model.accommodation.PhotoSize;
import org.sejour.infrastructure.storage.PhotoStore;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Contracts of dossiers: gathered from the owner's data and settings, rendered as PDF. */
@Stateless
public class ContractService {

    private static final Logger LOG = Logger.getLogger(ContractService.class.getName());
    private static final Set<String> DISCOUNTS = Set.of(QuoteLine.Kind.RATE_DISCOUNT.name(),
            QuoteLine.Kind.PROMOTION.name(), QuoteLine.Kind.PROMO_CODE.name());
    private static final int MAX_PHOTOS = 4;

    @Inject
    DossierRepository dossiers;
    @Inject
    AccountRepository accounts;
    @Inject
    DocumentSettingsRepository settings;
    @Inject
    SalesTermsRepository salesTerms;
    @Inject
    PhotoStore photoStore;
    @Inject
    AgeRangeService ageRanges;
    @Inject
    ContractRenderer renderer;
    @Inject
    ContractArchive archive;

    /** The contract of one of the owner's dossiers, in its guest's language; another owner's id is not found. */
    public byte[] contractOf(long accountId, long dossierId) {
        Dossier dossier = dossiers.find(accountId, dossierId)
                .orElseThrow(() -> new NotFoundException("dossier", dossierId));
        return renderer.render(document(dossier, dossier.guest().language()));
    }

    /**
     * The same, in a transaction of its own, for a batch of mails being sent: a contract that
     * fails to render then fails its mail only, instead of marking the batch's transaction for
     * rollback (and with it the outcomes of mails already sent).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public byte[] contractForMail(long accountId, long dossierId) {
        return contractOf(accountId, dossierId);
    }

    /**
     * Keeps the contract of {@code dossier} as it stands, its current version in its guest's
     * language, before a change replaces it: in the change's transaction, so the version is kept
     * exactly when the change is made.
     */
    public void keepBeforeChange(Dossier dossier, Instant at, String actor) {
        List<ContractArchive.KeptVersion> kept = archive.versions(dossier.accountId(), dossier.id());
        Instant issuedAt = kept.isEmpty() ? dossier.createdAt() : kept.get(kept.size() - 1).replacedAt();
        archive.keep(dossier.id(), dossier.contractVersion(), issuedAt, at, actor,
                renderer.render(document(dossier, dossier.guest().language())));
    }

    /** The current version of a dossier's contract, in its guest's language, as it stands now. */
    public byte[] currentContract(Dossier dossier) {
        return renderer.render(document(dossier, dossier.guest().language()));
    }

    /** The versions a change replaced, oldest first; another owner's dossier has none. */
    public List<ContractArchive.KeptVersion> keptVersions(long accountId, long dossierId) {
        return archive.versions(accountId, dossierId);
    }

    /** A version a change replaced, as it was issued; another owner's, or one never replaced, is not found. */
    public byte[] keptVersion(long accountId, long dossierId, int version) {
        return archive.pdf(accountId, dossierId, version)
                .orElseThrow(() -> new NotFoundException("contract", dossierId + "/" + version));
    }

    /** The contract of the owner's most recent dossier, as a preview of their settings; empty without dossiers. */
    public Optional<byte[]> previewOfLatest(long accountId, Language language) {
        return dossiers.latestId(accountId)
                .flatMap(id -> dossiers.find(accountId, id))
                .map(dossier -> renderer.render(document(dossier, language)));
    }

    public Optional<Long> latestDossierId(long accountId) {
        return dossiers.latestId(accountId);
    }

    ContractDocument document(Dossier dossier, Language wanted) {
        long accountId = dossier.accountId();
        ContractTexts t = ContractTexts.in(wanted);
        Language language = t.language();
        ContractSettings contract = settings.findContract(accountId)
                .orElseGet(() -> ContractSettings.defaultsFor(accountId));
        Account account = accounts.find(accountId).orElseThrow(() -> new NotFoundException("account", accountId));
        Accommodation accommodation = dossier.accommodation();
        List<DossierStay> stays = dossier.stays();
        ContractDocument.State state = state(dossier);
        Guest guest = dossier.guest();
        return new ContractDocument(language,
                owner(account, contract, language),
                dossier.number(),
                dossier.contractVersion(),
                BusinessCalendar.today(Clock.systemUTC()),
                state,
                guest.displayName(),
                guestLines(guest),
                stays.stream().map(s -> s.accommodation().name()).collect(Collectors.joining(" + ")),
                accommodationLines(stays),
                dossier.stay().arrival(), dossier.stay().departure(),
                contract.arrivalFrom(), contract.arrivalUntil(), contract.departureBefore(),
                text(contract, ContractField.ARRIVAL_REMARKS, language),
                text(contract, ContractField.DEPARTURE_REMARKS, language),
                party(dossier, new AgeRangeNames(ageRanges.listForReading(accountId), language)),
                priceLines(dossier, t),
                dossier.amounts(),
                salesTerms.find(accountId).map(AccountSalesTerms::depositType).orElse(SalesTerms.DepositType.ARRHES),
                accommodation.securityDeposit().map(Money::of).filter(Money::isPositive),
                text(contract, ContractField.PAYMENT_TERMS, language),
                text(contract, ContractField.ADDITIONAL_INFO, language),
                text(contract, ContractField.SIGNATURE, language),
                stateText(contract, state, language),
                contract.showPhotos() ? photos(accountId, accommodation) : List.of(),
                contract.showTerms() ? salesConditions(accountId, language) : null);
    }

    /** Where the accommodation is; each one's name and address when the dossier books several. */
    private static List<String> accommodationLines(List<DossierStay> stays) {
        List<String> lines = new ArrayList<>();
        for (DossierStay stay : stays) {
            AccommodationDetails place = stay.accommodation().details();
            List<String> address = present(place.address(), join(" ", place.postalCode(), place.city()));
            lines.add(stays.size() > 1 ? stay.accommodation().name() + (address.isEmpty() ? ""
                    : " — " + String.join(", ", address)) : String.join("\n", address));
        }
        return lines.stream().filter(l -> !l.isBlank()).toList();
    }

    /** The persons of each stay in the contract's language, named by its accommodation when there are several. */
    private static List<ContractDocument.Party> party(Dossier dossier, AgeRangeNames names) {
        List<DossierStay> stays = dossier.stays();
        if (stays.size() < 2) {
            return dossier.party().stream().map(p -> new ContractDocument.Party(names.of(p.label()), p.persons()))
                    .toList();
        }
        List<ContractDocument.Party> party = new ArrayList<>();
        for (DossierStay stay : stays) {
            dossier.partyOf(stay.position()).forEach(p -> party.add(new ContractDocument.Party(
                    names.of(p.label()) + " — " + stay.accommodation().name(), p.persons())));
        }
        return party;
    }

    /**
     * Each stay's lines under its accommodation's name (when there are several), then the lines of
     * the whole dossier (an adjustment, a cancellation).
     */
    static List<ContractDocument.PriceLine> priceLines(Dossier dossier, ContractTexts t) {
        List<DossierStay> stays = dossier.stays();
        int nights = dossier.stay().nights();
        if (stays.size() < 2) {
            return priceLines(dossier.lines(), nights, t);
        }
        List<ContractDocument.PriceLine> lines = new ArrayList<>();
        for (DossierStay stay : stays) {
            String name = stay.accommodation().name();
            priceLines(dossier.linesOf(stay.position()), nights, t).forEach(l -> lines.add(new ContractDocument.PriceLine(
                    name + " — " + l.label(), l.quantity(), l.amount(), l.struckOut(), l.detail())));
        }
        lines.addAll(priceLines(dossier.lines().stream().filter(l -> l.stay().isEmpty()).toList(), nights, t));
        return lines;
    }

    static ContractDocument.State state(Dossier dossier) {
        if (dossier.status() == DossierStatus.CANCELLED) {
            return ContractDocument.State.CANCELLED;
        }
        if (dossier.status() == DossierStatus.OPTION) {
            return ContractDocument.State.OPTION_AWAITING_PAYMENT;
        }
        return dossier.amounts().owed().isPositive() ? ContractDocument.State.BALANCE_AWAITING_PAYMENT
                : ContractDocument.State.PAID;
    }

    private static String stateText(ContractSettings contract, ContractDocument.State state, Language language) {
        return switch (state) {
            case OPTION_AWAITING_PAYMENT -> text(contract, ContractField.STATE_OPTION, language);
            case BALANCE_AWAITING_PAYMENT -> text(contract, ContractField.STATE_BALANCE, language);
            case PAID -> text(contract, ContractField.STATE_PAID, language);
            case CANCELLED -> null;
        };
    }

    private static ContractDocument.Owner owner(Account account, ContractSettings contract, Language language) {
        return new ContractDocument.Owner(ownerName(account), text(contract, ContractField.HEADER, language),
                text(contract, ContractField.SLOGAN, language), ownerLines(account), contract.logo().orElse(null));
    }

    /** The owner's name as documents print it. */
    static String ownerName(Account account) {
        return account.contact().map(ContactDetails::displayName).orElse("Séjour " + account.number());
    }

    /** The owner's address and ways to reach them, as documents print them under the name. */
    static List<String> ownerLines(Account account) {
        return account.contact().map(c -> present(
                join(", ", c.address(), join(" ", c.postalCode(), c.city()), c.country()),
                join(" · ", c.phone(), c.mobile(), c.email()),
                c.website())).orElse(List.of());
    }

    /** The guest's address and contact, as documents print them under the name. */
    static List<String> guestLines(Guest guest) {
        return present(guest.address(), join(" ", guest.postalCode(), guest.city(), guest.country()), guest.email(),
                guest.phone());
    }

    /** The owner's identity line (HEADER: company, SIRET…) in this language; null when none. */
    static String ownerIdentity(ContractSettings contract, Language language) {
        return text(contract, ContractField.HEADER, language);
    }

    /**
     * The dossier's frozen lines as the guest reads them: the accommodation at its price after
     * discounts, its price before them struck out, each discount under it as a detail.
     */
    static List<ContractDocument.PriceLine> priceLines(List<PricedLine> lines, int nights, ContractTexts t) {
        List<PricedLine> discounts = lines.stream().filter(l -> DISCOUNTS.contains(l.kind())).toList();
        Money discountTotal = discounts.stream().map(l -> Money.of(l.amount())).reduce(Money.ZERO, Money::plus);
        boolean hasAccommodation = lines.stream().anyMatch(l -> l.kind().equals(QuoteLine.Kind.ACCOMMODATION.name()));
        List<ContractDocument.PriceLine> result = new ArrayList<>();
        for (PricedLine line : lines) {
            Money amount = Money.of(line.amount());
            if (line.kind().equals(QuoteLine.Kind.ACCOMMODATION.name())) {
                String label = t.text("line.ACCOMMODATION", t.text("nights", nights));
                result.add(discounts.isEmpty()
                        ? new ContractDocument.PriceLine(label, 1, amount, Optional.empty(), false)
                        : new ContractDocument.PriceLine(label, 1, amount.plus(discountTotal), Optional.of(amount), false));
                discounts.forEach(d -> result.add(new ContractDocument.PriceLine(label(d, t), 1, Money.of(d.amount()),
                        Optional.empty(), true)));
            } else if (!DISCOUNTS.contains(line.kind()) || !hasAccommodation) {
                result.add(new ContractDocument.PriceLine(label(line, t), line.quantity(), amount, Optional.empty(), false));
            }
        }
        return result;
    }

    private static String label(PricedLine line, ContractTexts t) {
        String generic = t.text("line." + line.kind());
        String own = line.label().isBlank() ? null : line.label();
        String label = switch (line.kind()) {
            case "PROMO_CODE" -> own == null ? generic : generic + " " + own;
            case "TOURIST_TAX", "TOURIST_TAX_SURCHARGE" -> generic;
            default -> own == null ? generic : own;
        };
        return line.quantity() > 1 ? label + " × " + line.quantity() : label;
    }

    private List<byte[]> photos(long accountId, Accommodation accommodation) {
        List<byte[]> photos = new ArrayList<>();
        accommodation.photos().stream().limit(MAX_PHOTOS).forEach(photo -> {
            try {
                photos.add(Files.readAllBytes(photoStore.path(accountId, photo.storageKey(), PhotoSize.LARGE)));
            } catch (IOException e) {
                LOG.log(Level.WARNING, "Photo {0} is missing from the store; the contract goes without it",
                        photo.storageKey());
            }
        });
        return photos;
    }

    /**
     * The owner's own text in the guest's language, else in English, else in French: the
     * settings page has French and English fields only, and a German guest reads English
     * more often than French (the same order as the mails' language).
     */
    static String text(ContractSettings contract, ContractField field, Language language) {
        return in(contract.text(field), language);
    }

    /**
     * The terms of sale are written once, on the sales terms page, and guests read that text on
     * the booking site; the contract prints the same (contract settings only show it).
     */
    private String salesConditions(long accountId, Language language) {
        return salesTerms.find(accountId).map(terms -> in(terms.conditions(), language)).orElse(null);
    }

    private static String in(TranslatedText texts, Language language) {
        String text = texts.forReader(language);
        return text.isBlank() ? null : text;
    }

    private static String join(String separator, String... parts) {
        return Stream.of(parts).filter(p -> p != null && !p.isBlank()).collect(Collectors.joining(separator));
    }

    private static List<String> present(String... lines) {
        return Stream.of(lines).filter(l -> l != null && !l.isBlank()).toList();
    }
}
