package org.sejour.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.sejour.domain.model.invoice.Invoice;
import org.sejour.domain.model.invoice.InvoiceRepository;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaInvoiceRepository implements InvoiceRepository {

    @PersistenceContext(unitName = "sejour")
    private EntityManager em;

    @Override
    public int nextNumber(long accountId) {
        // the first invoice creates the counter row; a concurrent first one waits on the key, then steps it
        Number next = (Number) em.createNativeQuery("insert into invoice_counter (account_id, last_number) "
                        + "values (?1, 1) on conflict (account_id) "
                        + "do update set last_number = invoice_counter.last_number + 1 returning last_number")
                .setParameter(1, accountId).getSingleResult();
        return next.intValue();
    }

    @Override
    public Invoice store(Invoice invoice) {
        em.flush(); // the payment it is for, recorded in this transaction, gets its row first
        em.persist(invoice);
        em.flush(); // now, so that the database checks its number against the counter here
        return invoice;
    }

    @Override
    public Optional<Invoice> find(long accountId, long invoiceId) {
        return em.createQuery("select i from Invoice i where i.id = :id and i.accountId = :accountId", Invoice.class)
                .setParameter("id", invoiceId).setParameter("accountId", accountId)
                .getResultStream().findFirst();
    }

    @Override
    public List<Invoice> ofDossier(long accountId, long dossierId) {
        return em.createQuery("select i from Invoice i where i.dossierId = :dossierId and i.accountId = :accountId "
                        + "order by i.number", Invoice.class)
                .setParameter("dossierId", dossierId).setParameter("accountId", accountId)
                .getResultList();
    }
}
