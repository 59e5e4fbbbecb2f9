package org.sejour.infrastructure.payment;

import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.sejour.application.payment.HostedPayment;
import org.sejour.application.payment.OfflineSessions;
import org.sejour.application.payment.PaymentOrder;
import org.sejour.application.payment.PaymentProvider;
import org.sejour.application.payment.ProviderVerdict;
import org.sejour.domain.model.shared.Money;

import java.math.BigDecimal;
import java.net.URI;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * A payment provider for tests and demos that needs no network: its "hosted page" is
 * /offline-pay/{session} in Séjour itself, where the visitor chooses to pay, to be refused or
 * to leave. It keeps its sessions in its own table, as a real provider keeps them on its side,
 * and answers {@link #verdict} from there. No card number is ever asked for. A session bean,
 * not a plain CDI bean: its hosted page reaches the persistence unit through it (by the
 * {@link OfflineSessions} port, behind {@code OfflinePaymentDesk}).
 */
@Stateless
@Local({PaymentProvider.class, OfflineSessions.class})
public class OfflinePaymentProvider implements PaymentProvider, OfflineSessions {

    public static final String NAME = PaymentProvider.OFFLINE;
    private static final SecureRandom SESSIONS = new SecureRandom();

    @PersistenceContext(unitName = "sejour")
    private EntityManager em;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public HostedPayment open(PaymentOrder order) {
        byte[] bytes = new byte[24];
        SESSIONS.nextBytes(bytes);
        String session = "off_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        em.createNativeQuery("insert into offline_payment_session (session_id, amount, description, return_url) "
                        + "values (?1, ?2, ?3, ?4)")
                .setParameter(1, session).setParameter(2, order.amount().amount())
                .setParameter(3, order.description().length() > 200 ? order.description().substring(0, 200)
                        : order.description())
                .setParameter(4, order.returnUrl().toString()).executeUpdate();
        return new HostedPayment(session, URI.create("/offline-pay/" + session));
    }

    @Override
    public ProviderVerdict verdict(String session) {
        return find(session).flatMap(Session::outcome).orElse(ProviderVerdict.PENDING);
    }

    @Override
    public Optional<Session> find(String session) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select session_id, amount, description, return_url, outcome "
                        + "from offline_payment_session where session_id = ?1")
                .setParameter(1, session).getResultList();
        return rows.stream().findFirst().map(r -> new Session((String) r[0], Money.of((BigDecimal) r[1]),
                (String) r[2], URI.create((String) r[3]),
                Optional.ofNullable((String) r[4]).map(ProviderVerdict::valueOf)));
    }

    /**
     * The visitor's answer on the hosted page; the first answer stands, as at a real provider.
     * Answers where to send the visitor back, or empty for an unknown session.
     */
    @Override
    public Optional<URI> answer(String session, ProviderVerdict outcome) {
        if (outcome == ProviderVerdict.PENDING) {
            throw new IllegalArgumentException("the hosted page answers succeeded, failed or abandoned");
        }
        em.createNativeQuery("update offline_payment_session set outcome = ?2, settled_at = now() "
                        + "where session_id = ?1 and outcome is null")
                .setParameter(1, session).setParameter(2, outcome.name()).executeUpdate();
        return find(session).map(Session::returnUrl);
    }
}
