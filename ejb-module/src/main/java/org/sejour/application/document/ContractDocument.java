package org.sejour.application.document;

import org.sejour.domain.model.dossier.DossierAmounts;
import org.sejour.domain.model.pricing.SalesTerms;
import org.sejour.domain.model.shared.Language;
import org.sejour.domain.model.shared.Money;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a contract shows, gathered from the dossier, the accommodation, the owner's
 * contact details and contract settings, with the owner's texts already in the guest's
 * language. The renderer formats it; it reads nothing else. Its amounts are the dossier's own
 * ({@link DossierAmounts}), printed by {@link AmountLines} as the mails print them. {@code version} counts the contracts
 * issued for the dossier: 1 as booked, one more after each change.
 */
public record ContractDocument(
        Language language,
        Owner owner,
        int dossierNumber,
        int version,
        LocalDate issuedOn,
        State state,
        String guestName,
        List<String> guestLines,
        String accommodationName,
        List<String> accommodationLines,
        LocalDate arrival,
        LocalDate departure,
        Optional<LocalTime> arrivalFrom,
        Optional<LocalTime> arrivalUntil,
        Optional<LocalTime> departureBefore,
        String arrivalRemarks,
        String departureRemarks,
        List<Party> party,
        List<PriceLine> lines,
        DossierAmounts amounts,
        SalesTerms.DepositType depositType,
        Optional<Money> securityDeposit,
        String paymentTerms,
        String additionalInfo,
        String signature,
        String stateText,
        List<byte[]> photos,
        String terms) {

    /** Which of the owner's state texts applies: read from the dossier's status and payments. */
    public enum State {
        OPTION_AWAITING_PAYMENT, BALANCE_AWAITING_PAYMENT, PAID, CANCELLED
    }

    /** Part 1: who lets the accommodation. */
    public record Owner(String name, String header, String slogan, List<String> contactLines, byte[] logo) {
        public Owner {
            Objects.requireNonNull(name, "owner name is required");
            contactLines = List.copyOf(contactLines);
        }
    }

    public record Party(String label, int persons) {
    }

    /**
     * A line of the price. A {@code detail} line explains the line above it (a discount
     * already taken off, shown next to the struck-out price) and is not added again.
     */
    public record PriceLine(String label, int quantity, Money amount, Optional<Money> struckOut, boolean detail) {
        public PriceLine {
            Objects.requireNonNull(label, "label is required");
            Objects.requireNonNull(amount, "amount is required");
            Objects.requireNonNull(struckOut, "struck-out amount is required (Optional.empty() for none)");
        }
    }

    public ContractDocument {
        Objects.requireNonNull(language, "language is required");
        Objects.requireNonNull(owner, "owner is required");
        Objects.requireNonNull(state, "state is required");
        Objects.requireNonNull(arrival, "arrival is required");
        Objects.requireNonNull(departure, "departure is required");
        Objects.requireNonNull(amounts, "amounts are required");
        guestLines = List.copyOf(guestLines);
        accommodationLines = List.copyOf(accommodationLines);
        party = List.copyOf(party);
        lines = List.copyOf(lines);
        photos = List.copyOf(photos);
    }

    public Money total() {
        return amounts.total();
    }

    public int nights() {
        return (int) java.time.temporal.ChronoUnit.DAYS.between(arrival, departure);
    }
}
