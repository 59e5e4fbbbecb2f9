package org.sejour.application.booking;

import org.sejour.domain.model.pricing.Basket;
import org.sejour.domain.model.pricing.QuoteResult;
import org.sejour.domain.model.pricing.Refusal;

import java.util.List;
import java.util.Optional;

/**
 * The quotes of a dossier's stays, in their order: bookable when every stay is, and then one
 * {@link Basket}; otherwise what each stay's refusals are.
 */
public record BasketResult(List<QuoteResult> results) {

    public BasketResult {
        results = List.copyOf(results);
        if (results.isEmpty()) {
            throw new IllegalArgumentException("a basket quotes at least one stay");
        }
    }

    public boolean isBookable() {
        return results.stream().allMatch(QuoteResult::isBookable);
    }

    public Optional<Basket> basket() {
        return isBookable() ? Optional.of(new Basket(results.stream().map(r -> r.quote().orElseThrow()).toList()))
                : Optional.empty();
    }

    /** Every stay's refusals, one list. */
    public List<Refusal> refusals() {
        return results.stream().flatMap(r -> r.refusals().stream()).toList();
    }
}
