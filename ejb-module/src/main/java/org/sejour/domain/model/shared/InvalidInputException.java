package org.sejour.domain.model.shared;

import java.util.List;
import java.util.Objects;

/**
 * Input that breaks a rule no single field can check alone (capacity min above max, a
 * twenty-first photo…). Each violation names the field it belongs to, so the form can
 * show the message next to it.
 */
public class InvalidInputException extends SejourException {

    private static final long serialVersionUID = 1L;

    public record Violation(String field, String messageKey) {
        public Violation {
            Objects.requireNonNull(field, "field is required");
            Objects.requireNonNull(messageKey, "messageKey is required");
        }
    }

    private final List<Violation> violations;

    public InvalidInputException(List<Violation> violations) {
        super(violations.isEmpty() ? "error.invalid" : violations.get(0).messageKey());
        this.violations = List.copyOf(violations);
    }

    public InvalidInputException(String field, String messageKey) {
        this(List.of(new Violation(field, messageKey)));
    }

    public List<Violation> violations() {
        return violations;
    }
}
