package org.sejour.application.payment;

import org.sejour.domain.model.shared.SejourException;

/**
 * The payment provider refused or could not be reached; the message key says which in the
 * owner's words ("stripe.key.refused", "stripe.unreachable"…). Rolls the transaction back like
 * every business error.
 */
public class PaymentProviderException extends SejourException {

    private static final long serialVersionUID = 1L;

    public PaymentProviderException(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }
}
