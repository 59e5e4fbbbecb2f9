package org.sejour.infrastructure.audit;

import jakarta.annotation.Resource;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.sejour.application.audit.AuditOrigin;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Tells the database who is changing things, once per transaction, so the audit triggers
 * (V52) can name them. A default interceptor of every EJB of this module (ejb-jar.xml), so no
 * service can be forgotten. The settings are transaction-local and set on the persistence
 * context's own connection (a connection taken from the data source beside it is another
 * one, whose rows JPA would not even see), so they reach every statement JPA flushes later.
 * Requests that only read (GET) carry no origin and cost nothing here.
 */
public class AuditInterceptor {

    private static final Object MARK = AuditInterceptor.class;

    @Resource
    TransactionSynchronizationRegistry transaction;
    @PersistenceContext(unitName = "sejour")
    EntityManager em;

    @AroundInvoke
    public Object tell(InvocationContext invocation) throws Exception {
        AuditOrigin origin = AuditOrigin.current().orElse(null);
        if (origin != null && transaction.getTransactionKey() != null && transaction.getResource(MARK) == null) {
            transaction.putResource(MARK, Boolean.TRUE);
            // the transaction's connection, which JPA keeps until the commit: not closed here
            Connection connection = em.unwrap(Connection.class);
            try (PreparedStatement statement = connection.prepareStatement(
                         "select set_config('sejour.actor', ?, true), set_config('sejour.client', ?, true)")) {
                statement.setString(1, origin.actor());
                statement.setString(2, origin.clientAddress());
                statement.execute();
            } catch (SQLException e) {
                throw new IllegalStateException("could not name the audit trail's actor", e);
            }
        }
        return invocation.proceed();
    }
}
