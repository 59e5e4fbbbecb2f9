package org.sejour.infrastructure.persistence;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.security.SecureRandom;

/** Secrets the application makes for itself (table server_secret): created once, then the same for every server. */
@Stateless
public class ServerSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int BYTES = 32;

    @PersistenceContext(unitName = "sejour")
    private EntityManager em;

    /** The secret of that name, made now if there is none yet; two servers asking at once get the same. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public byte[] secret(String name) {
        byte[] fresh = new byte[BYTES];
        RANDOM.nextBytes(fresh);
        em.createNativeQuery("insert into server_secret (name, value) values (?1, ?2) on conflict (name) do nothing")
                .setParameter(1, name).setParameter(2, fresh).executeUpdate();
        return (byte[]) em.createNativeQuery("select value from server_secret where name = ?1")
                .setParameter(1, name).getSingleResult();
    }
}
