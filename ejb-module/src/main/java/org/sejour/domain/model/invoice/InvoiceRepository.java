package org.sejour.domain.model.invoice;

import java.util.List;
import java.util.Optional;

public interface InvoiceRepository {

    /**
     * The account's next invoice number, drawn in the caller's transaction: the account's
     * counter stays locked until that transaction ends, and a rollback gives the number back.
     */
    int nextNumber(long accountId);

    /** Stores a new invoice and writes it at once (its number is checked against the counter now). */
    Invoice store(Invoice invoice);

    Optional<Invoice> find(long accountId, long invoiceId);

    /** The dossier's invoices in the order they were issued. */
    List<Invoice> ofDossier(long accountId, long dossierId);
}
