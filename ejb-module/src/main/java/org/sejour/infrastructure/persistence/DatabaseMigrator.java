package org.sejour.infrastructure.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Brings the schema to the version this build expects before anything else touches the
 * database. Flyway takes a PostgreSQL advisory lock, so two servers starting together
 * cannot migrate twice; a failed migration stops the deployment rather than run on a
 * half-changed schema. A database still starting (or briefly away) is waited for, up to
 * {@code sejour.startup.database-wait-seconds}, rather than failing the deployment: Séjour then
 * comes up by itself when the database does.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseMigrator {

    private static final Logger LOG = Logger.getLogger(DatabaseMigrator.class.getName());

    @Resource(lookup = "jdbc/sejour")
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "sejour.startup.database-wait-seconds", defaultValue = "120")
    int databaseWaitSeconds;

    @PostConstruct
    void migrate() {
        awaitDatabase();
        MigrateResult result = Flyway.configure(DatabaseMigrator.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .validateMigrationNaming(true)
                .load()
                .migrate();
        LOG.log(Level.INFO, "Database schema at version {0} ({1} migrations applied now)",
                new Object[]{result.targetSchemaVersion == null ? result.initialSchemaVersion : result.targetSchemaVersion,
                        result.migrationsExecuted});
    }

    private void awaitDatabase() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(databaseWaitSeconds);
        for (boolean told = false; ; ) {
            try (Connection connection = dataSource.getConnection()) {
                if (told) {
                    LOG.info("Database reachable: migrating");
                }
                return;
            } catch (SQLException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("database unreachable for " + databaseWaitSeconds + " s", e);
                }
                if (!told) {
                    LOG.log(Level.WARNING, "Database unreachable, waiting up to {0} s: {1}",
                            new Object[]{databaseWaitSeconds, e.toString()});
                    told = true;
                }
            }
            try {
                TimeUnit.SECONDS.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the database", e);
            }
        }
    }
}
