package org.sejour.application.document;

import org.sejour.domain.model.invoice.Invoice;

/** Turns an issued receipt, as it was stored, into a PDF. */
public interface ReceiptRenderer {

    byte[] render(Invoice receipt);
}
