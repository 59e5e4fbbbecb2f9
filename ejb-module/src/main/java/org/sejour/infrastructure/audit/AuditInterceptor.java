package org.sejour.infrastructure.audit;

import jakarta.annotation.Resource;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.sejour.application.audit.AuditOrigin;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Tells the database who is changing things, once per transaction, so the audit triggers
 * (V52) can name them. A default interceptor of every EJB of this module (ejb-jar.xml), so no
 * service can be forgotten. The settings are transaction-local, and the server hands one
 * connection to everything that asks in a transaction (JPA, plain JDBC), so they reach every
 * statement written later in it. Taken from the data source, not from the persistence context:
 * asking JPA for its connection would begin its transaction early, and EclipseLink then reads
 * past its shared cache for the rest of the transaction.
 * A visitor's reads (GET) carry no origin and cost nothing here.
 */
public class AuditInterceptor {

    private static final Object MARK = AuditInterceptor.class;

    @Resource
    TransactionSynchronizationRegistry transaction;
    @Resource(lookup = "jdbc/sejour")
    DataSource dataSource;

    @AroundInvoke
    public Object tell(InvocationContext invocation) throws Exception {
        AuditOrigin origin = AuditOrigin.current().orElse(null);
        if (origin != null && transaction.getTransactionKey() != null && transaction.getResource(MARK) == null) {
            transaction.putResource(MARK, Boolean.TRUE);
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement statement = connection.prepareStatement(
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
