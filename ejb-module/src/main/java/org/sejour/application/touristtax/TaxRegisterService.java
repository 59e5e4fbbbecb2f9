package org.sejour.application.touristtax;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.sejour.domain.model.accommodation.Accommodation;
import org.sejour.domain.model.accommodation.AccommodationRepository;
import org.sejour.domain.model.catalog.AccommodationTouristTax;
import org.sejour.domain.model.catalog.TouristTaxRepository;
import org.sejour.domain.model.dossier.Dossier;
import org.sejour.domain.model.dossier.DossierRepository;
import org.sejour.domain.model.dossier.DossierStay;
import org.sejour.domain.model.dossier.PartyCount;
import org.sejour.domain.model.dossier.PricedLine;
import org.sejour.domain.model.pricing.QuoteLine;
import org.sejour.domain.model.pricing.TaxExemption;
import org.sejour.domain.model.shared.InvalidInputException;
import org.sejour.domain.model.shared.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The tourist-tax register of one of the owner's communes for a period.
 *
 * <p>Which stays: those whose guests <em>leave</em> in the period (both dates included), each in
 * the month of its departure. The tax is collected from the guest before they leave and declared
 * by the period it was collected in; counting a stay whole, in one period, keeps each row's amount
 * the one its receipts print, to the cent (splitting a stay's nights across months would split its
 * rounded surcharge). What counts: what was collected and not given back. A dossier whose guest
 * still owes part of its price has not paid the tax yet (it comes with the balance): it is listed
 * as pending, not counted. A cancelled dossier keeps at most a cancellation fee, which never
 * includes the tax: it is left out. Test bookings are not stays.
 */
@Stateless
public class TaxRegisterService {

    /** A register spans at most three years: the commune asks by month, quarter or year. */
    public static final int MAX_YEARS = 3;

    @Inject
    AccommodationRepository accommodations;
    @Inject
    TouristTaxRepository taxes;
    @Inject
    DossierRepository dossiers;

    /** The communes of the owner's accommodations that collect the tourist tax, sorted. */
    public List<String> communes(long accountId) {
        Set<Long> taxed = taxes.ofAccount(accountId).stream().map(AccommodationTouristTax::accommodationId)
                .collect(Collectors.toSet());
        Set<String> communes = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        accommodations.ofAccount(accountId).stream().filter(a -> taxed.contains(a.id()))
                .map(a -> a.city().strip()).filter(c -> !c.isEmpty()).forEach(communes::add);
        return List.copyOf(communes);
    }

    /**
     * The register of {@code commune} (one of {@link #communes(long) the owner's}) for the stays
     * leaving from {@code from} to {@code to}, both included.
     */
    public TaxRegister register(long accountId, LocalDate from, LocalDate to, String commune) {
        List<InvalidInputException.Violation> wrong = new ArrayList<>();
        if (from == null) {
            wrong.add(new InvalidInputException.Violation("from", "taxRegister.from.required"));
        }
        if (to == null) {
            wrong.add(new InvalidInputException.Violation("to", "taxRegister.to.required"));
        }
        if (from != null && to != null && to.isBefore(from)) {
            wrong.add(new InvalidInputException.Violation("to", "taxRegister.period.reversed"));
        } else if (from != null && to != null && !to.isBefore(from.plusYears(MAX_YEARS))) {
            wrong.add(new InvalidInputException.Violation("to", "taxRegister.period.tooLong"));
        }
        String chosen = commune == null ? null : communes(accountId).stream()
                .filter(c -> c.equalsIgnoreCase(commune.strip())).findFirst().orElse(null);
        if (chosen == null) {
            wrong.add(new InvalidInputException.Violation("commune", "taxRegister.commune.unknown"));
        }
        if (!wrong.isEmpty()) {
            throw new InvalidInputException(wrong);
        }
        List<TaxRegister.Row> rows = new ArrayList<>();
        List<Integer> pending = new ArrayList<>();
        for (Dossier dossier : dossiers.departingBetween(accountId, from, to)) {
            List<TaxRegister.Row> stays = new ArrayList<>();
            for (DossierStay stay : dossier.stays()) {
                Accommodation accommodation = stay.accommodation();
                if (accommodation.city().strip().equalsIgnoreCase(chosen)) {
                    stays.add(row(dossier, stay.position(), accommodation.name()));
                }
            }
            boolean taxed = stays.stream().anyMatch(r -> r.figures().total().isPositive());
            if (taxed && dossier.remainingToPay().isPositive()) {
                pending.add(dossier.number());
            } else {
                rows.addAll(stays);
            }
        }
        Map<YearMonth, TaxRegister.Figures> byMonth = new LinkedHashMap<>();
        Map<String, TaxRegister.Figures> byAccommodation = new LinkedHashMap<>();
        TaxRegister.Figures total = TaxRegister.Figures.NONE;
        for (TaxRegister.Row row : rows) {
            byMonth.merge(row.month(), row.figures(), TaxRegister.Figures::plus);
            byAccommodation.merge(row.accommodation(), row.figures(), TaxRegister.Figures::plus);
            total = total.plus(row.figures());
        }
        return new TaxRegister(chosen, from, to, rows, byMonth, byAccommodation, total, pending);
    }

    /** One stay of a dossier as the register counts it, from its party and its frozen price lines. */
    private static TaxRegister.Row row(Dossier dossier, int position, String accommodation) {
        // a dossier booked before stays had positions prices its one stay with lines that name none
        boolean single = dossier.stays().size() == 1;
        Money tax = Money.ZERO;
        Money surcharge = Money.ZERO;
        int taxedNights = 0;
        for (PricedLine line : dossier.lines()) {
            if (!line.stay().map(s -> s == position).orElse(single)) {
                continue;
            }
            if (QuoteLine.Kind.TOURIST_TAX.name().equals(line.kind())) {
                tax = tax.plus(Money.of(line.amount()));
                taxedNights += line.quantity();
            } else if (QuoteLine.Kind.TOURIST_TAX_SURCHARGE.name().equals(line.kind())) {
                surcharge = surcharge.plus(Money.of(line.amount()));
            }
        }
        List<PartyCount> party = dossier.partyOf(position);
        int persons = party.stream().mapToInt(PartyCount::persons).sum();
        int minors = party.stream().filter(p -> !p.taxable()).mapToInt(PartyCount::persons).sum();
        int taxable = party.stream().mapToInt(PartyCount::taxablePersons).sum();
        int nights = dossier.stay().nights();
        // the tax line counts person-nights (taxable persons × nights) at a rate in cents: the division is exact
        Money rate = taxedNights == 0 ? null
                : Money.of(tax.amount().divide(BigDecimal.valueOf(taxedNights), Money.SCALE, RoundingMode.HALF_UP));
        TaxRegister.Figures figures = new TaxRegister.Figures(1, nights, persons, minors,
                exempt(party, TaxExemption.SEASONAL_WORKER), exempt(party, TaxExemption.EMERGENCY_HOUSING),
                exempt(party, TaxExemption.LOW_RENT), taxable, taxedNights, tax, surcharge);
        return new TaxRegister.Row(dossier.id(), dossier.number(), accommodation, dossier.stay().arrival(),
                dossier.stay().departure(), rate, figures);
    }

    private static int exempt(List<PartyCount> party, TaxExemption reason) {
        return party.stream().mapToInt(p -> p.exempt(reason)).sum();
    }
}
