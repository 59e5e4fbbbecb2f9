package org.sejour.infrastructure.persistence;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Session;

/**
 * How EclipseLink retries a read that lost its connection. Its defaults (three more tries, 5 s
 * apart) held a request for 15 s before it could fail when the database was down: the first
 * request of an outage, and every request that asked again after {@code DatabaseOutage}'s
 * pause, waited that long before its 503, holding an HTTP thread. One immediate retry on a new
 * connection still hides a database restart from a reader (the pool drops every connection at
 * the first failure); when the database is down it costs one refused connection more.
 * EclipseLink 4.0 has no persistence property for these: persistence.xml names this class.
 */
public class ConnectionRetries implements SessionCustomizer {

    static final int RETRIES = 1;
    static final int DELAY_MILLIS = 0;

    @Override
    public void customize(Session session) {
        if (session.getDatasourceLogin() instanceof DatabaseLogin login) {
            login.setQueryRetryAttemptCount(RETRIES);
            login.setDelayBetweenConnectionAttempts(DELAY_MILLIS);
        }
    }
}
