package org.sejour.domain.model.pricing;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Either an exact quote or every reason the stay cannot be booked. */
public sealed interface QuoteResult {

    boolean isBookable();

    Optional<Quote> quote();

    List<Refusal> refusals();

    /** The reasons alone, for callers that only branch on them. */
    default List<UnbookableReason> reasonCodes() {
        return refusals().stream().map(Refusal::reason).toList();
    }

    record Bookable(Quote value) implements QuoteResult {
        public Bookable {
            Objects.requireNonNull(value, "quote is required");
        }

        @Override
        public boolean isBookable() {
            return true;
        }

        @Override
        public Optional<Quote> quote() {
            return Optional.of(value);
        }

        @Override
        public List<Refusal> refusals() {
            return List.of();
        }
    }

    record Unbookable(List<Refusal> reasons) implements QuoteResult {
        public Unbookable {
            Objects.requireNonNull(reasons, "reasons are required");
            reasons = List.copyOf(reasons);
            if (reasons.isEmpty()) {
                throw new IllegalArgumentException("an unbookable result needs at least one reason");
            }
        }

        @Override
        public boolean isBookable() {
            return false;
        }

        @Override
        public Optional<Quote> quote() {
            return Optional.empty();
        }

        @Override
        public List<Refusal> refusals() {
            return reasons;
        }
    }
}
