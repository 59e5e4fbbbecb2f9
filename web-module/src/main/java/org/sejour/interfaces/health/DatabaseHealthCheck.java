package org.sejour.interfaces.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Ready only while PostgreSQL answers: without it Séjour can do nothing useful, and a balancer
 * should send its visitors elsewhere. Not a liveness check: a restart of the server would not
 * bring the database back ({@link LivenessCheck}). A balancer polls this every few seconds, so a
 * change of state is logged, not every failed poll.
 */
@Readiness
@ApplicationScoped
public class DatabaseHealthCheck implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(DatabaseHealthCheck.class.getName());

    @Resource(lookup = "jdbc/sejour")
    DataSource dataSource;

    private final AtomicBoolean up = new AtomicBoolean(true);

    @Override
    public HealthCheckResponse call() {
        try (Connection connection = dataSource.getConnection()) {
            boolean valid = connection.isValid(2);
            changed(valid, null);
            return HealthCheckResponse.named("database").status(valid).build();
        } catch (SQLException e) {
            changed(false, e);
            return HealthCheckResponse.named("database").down().build();
        }
    }

    private void changed(boolean nowUp, SQLException failure) {
        if (up.getAndSet(nowUp) != nowUp) {
            if (nowUp) {
                LOG.info("Database reachable again: ready");
            } else {
                LOG.log(Level.WARNING, "Database unreachable: not ready ({0})", failure == null ? "invalid connection" : failure.toString());
            }
        }
    }
}
