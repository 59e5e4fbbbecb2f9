package org.sejour.interfaces.batch;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * What Séjour reads and changes in Payara's job repository (tables batch_*, in Séjour's
 * database: server-config/lib/payara.sh) behind the job operator's back, for the executions a
 * server stop left "running", which the Jakarta Batch API can neither list (its running
 * executions are those of this JVM only) nor end.
 */
final class JobRepositoryTables {

    /** Exit status of an execution that a server stop (kill, crash, power cut) cut short. */
    static final String INTERRUPTED = "INTERRUPTED";

    private static final String STILL_RUNNING = "batchstatus in ('STARTING', 'STARTED', 'STOPPING')";

    private final DataSource dataSource;

    JobRepositoryTables(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The executions of these jobs created before {@code instant} that the repository still has as running. */
    List<Long> runningCreatedBefore(Collection<String> jobNames, Instant instant) {
        String sql = "select e.jobexecid from batch_executioninstancedata e "
                + "join batch_jobinstancedata i on i.jobinstanceid = e.jobinstanceid "
                + "where e." + STILL_RUNNING + " and e.createtime < ? and i.name = any (?) order by e.jobexecid";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setTimestamp(1, Timestamp.from(instant));
            s.setArray(2, c.createArrayOf("varchar", jobNames.toArray()));
            List<Long> ids = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getLong(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the job repository", e);
        }
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
