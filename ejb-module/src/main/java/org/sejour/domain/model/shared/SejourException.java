package org.sejour.domain.model.shared;

import jakarta.ejb.ApplicationException;

import java.util.List;
import java.util.Objects;

/**
 * The one base of Séjour's business errors. It carries a message key (resolved in the
 * user's language by Faces and REST) instead of a sentence, and rolls the transaction back
 * so that nothing is half-written.
 */
@ApplicationException(rollback = true, inherited = true)
public class SejourException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String messageKey;
    private final List<Object> arguments;

    public SejourException(String messageKey, Object... arguments) {
        super(messageKey);
        this.messageKey = Objects.requireNonNull(messageKey, "messageKey is required");
        this.arguments = List.of(arguments);
    }

    public String messageKey() {
        return messageKey;
    }

    public List<Object> arguments() {
        return arguments;
    }
}
