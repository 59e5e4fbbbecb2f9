package org.sejour.interfaces.batch;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * The one change Séjour makes to Payara's job repository (tables batch_*, in Séjour's database:
 * server-config/lib/payara.sh) behind the job operator's back: ending an execution a server
 * stop left "running", which the Jakarta Batch API has no call for.
 */
final class JobRepositoryTables {

    /** Exit status of an execution that a server stop (kill, crash, power cut) cut short. */
    static final String INTERRUPTED = "INTERRUPTED";

    private static final String STILL_RUNNING = "batchstatus in ('STARTING', 'STARTED', 'STOPPING')";

    private final DataSource dataSource;

    JobRepositoryTables(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Marks the execution and its unfinished step FAILED, INTERRUPTED, ended at {@code at}. */
    void markInterrupted(long executionId, Instant at) {
        // Payara writes its timestamps as local date-times of the server: so do we
        Timestamp ended = Timestamp.from(at);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            update(c, "update batch_executioninstancedata set batchstatus = 'FAILED', exitstatus = ?, endtime = ?, "
                    + "updatetime = ? where jobexecid = ? and " + STILL_RUNNING, INTERRUPTED, ended, ended, executionId);
            update(c, "update batch_stepexecutioninstancedata set batchstatus = 'FAILED', exitstatus = ?, endtime = ? "
                    + "where jobexecid = ? and " + STILL_RUNNING, INTERRUPTED, ended, executionId);
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot end interrupted execution " + executionId, e);
        }
    }

    private static void update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            s.executeUpdate();
        }
    }
}
