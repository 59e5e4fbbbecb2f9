package org.sejour.interfaces.backoffice.web;

import org.sejour.domain.model.pricing.Refusal;
import org.sejour.domain.model.pricing.SalesTerms;
import org.sejour.domain.model.pricing.UnbookableReason;
import org.sejour.domain.model.shared.Money;
import org.sejour.interfaces.web.booking.QuoteTexts;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The back office's words for quotes and refusals (its bundle, the viewer's language). */
public final class BackOfficeTexts {

    /** Refusals that mean "someone else has these nights now", not "this was asked wrongly". */
    private static final Set<UnbookableReason> TAKEN = EnumSet.of(UnbookableReason.NO_STOCK,
            UnbookableReason.CLOSED_BY_CHANNEL);

    public static final QuoteTexts QUOTES = new QuoteTexts() {
        @Override
        public String lineKind(String kind) {
            return Faces.text("quote.line." + kind);
        }

        @Override
        public String money(Money amount) {
            return Formats.money(amount, Formats.viewLocale());
        }

        @Override
        public String date(LocalDate day) {
            return Formats.date(day, Formats.viewLocale());
        }

        @Override
        public String refusal(Refusal.Grouped refusal) {
            String text = Faces.text("quote.refusal." + refusal.reason().name());
            if (!refusal.nights().isEmpty()) {
                return text + " (" + Faces.text("quote.refusal.nights", refusal.nights().stream().map(this::date)
                        .collect(Collectors.joining(", "))) + ")";
            }
            return refusal.detail().isBlank() ? text : text + " (" + refusal.detail() + ")";
        }

        @Override
        public String deposit(SalesTerms.DepositType type, String percent) {
            return Faces.text("quote.deposit." + type.name(), percent);
        }
    };

    private BackOfficeTexts() {
    }

    /** The stay could be quoted a moment ago and its nights are gone: taken meanwhile. */
    static boolean takenMeanwhile(List<Refusal> refusals) {
        return refusals.stream().anyMatch(r -> TAKEN.contains(r.reason()));
    }

    /** Those nights went to an imported calendar (sold on another platform). */
    static boolean byChannel(List<Refusal> refusals) {
        return refusals.stream().anyMatch(r -> r.reason() == UnbookableReason.CLOSED_BY_CHANNEL);
    }
}
