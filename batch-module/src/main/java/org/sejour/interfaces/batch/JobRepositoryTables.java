package org.sejour.interfaces.batch;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What Séjour reads and changes in Payara's job repository (tables batch_*, in Séjour's
 * database: server-config/lib/payara.sh) behind the job operator's back, for the executions a
 * server stop left "running", which the Jakarta Batch API can neither tell from live ones nor
 * end; and the heartbeats (table job_heartbeat, V26) that tell them apart.
 */
public final class JobRepositoryTables {

    /** Exit status of an execution that a server stop (kill, crash, power cut) cut short. */
    static final String INTERRUPTED = "INTERRUPTED";

    private static final String STILL_RUNNING = "batchstatus in ('STARTING', 'STARTED', 'STOPPING')";

    private final DataSource dataSource;

    public JobRepositoryTables(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Records that {@code server} is still running these executions, for those of them the
     * repository has as running, and forgets the heartbeats of executions that ended. Answers
     * the executions it recorded.
     */
    public Set<Long> beat(String server, Collection<Long> executionIds) {
        try (Connection c = dataSource.getConnection()) {
            Set<Long> running = new HashSet<>();
            if (!executionIds.isEmpty()) {
                try (PreparedStatement s = c.prepareStatement("insert into job_heartbeat (execution_id, server, beat_at) "
                        + "select e.jobexecid, ?, now() from batch_executioninstancedata e "
                        + "where e.jobexecid = any (?) and e." + STILL_RUNNING + " "
                        + "on conflict (execution_id) do update set server = excluded.server, beat_at = excluded.beat_at "
                        + "returning execution_id")) {
                    s.setString(1, server);
                    s.setArray(2, c.createArrayOf("bigint", executionIds.toArray()));
                    running.addAll(ids(s));
                }
            }
            try (PreparedStatement s = c.prepareStatement("delete from job_heartbeat h where not exists (select 1 "
                    + "from batch_executioninstancedata e where e.jobexecid = h.execution_id and e." + STILL_RUNNING + ")")) {
                s.executeUpdate();
            }
            return running;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the heartbeat of " + server, e);
        }
    }

    /**
     * The executions of these jobs that the repository has as running but whose server is
     * gone: those {@code server} itself ran before it last started, those whose server has not
     * given a heartbeat for {@code silence}, and those with no heartbeat at all that were
     * created before {@code server} started. Never those in {@code alive} (running here).
     */
    public List<Long> interrupted(Collection<String> jobNames, String server, Instant serverStart, Duration silence,
                                  Collection<Long> alive) {
        String sql = "select e.jobexecid from batch_executioninstancedata e "
                + "join batch_jobinstancedata i on i.jobinstanceid = e.jobinstanceid "
                + "left join job_heartbeat h on h.execution_id = e.jobexecid "
                + "where e." + STILL_RUNNING + " and i.name = any (?) and not e.jobexecid = any (?) "
                + "and ((h.server = ? and e.createtime < ?) "
                + "or h.beat_at < now() - make_interval(secs => ?) "
                + "or (h.execution_id is null and e.createtime < ?)) order by e.jobexecid";
        // Payara writes its timestamps as local date-times of the server, as Timestamp does
        Timestamp started = Timestamp.from(serverStart);
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setArray(1, c.createArrayOf("varchar", jobNames.toArray()));
            s.setArray(2, c.createArrayOf("bigint", alive.toArray()));
            s.setString(3, server);
            s.setTimestamp(4, started);
            s.setLong(5, silence.toSeconds());
            s.setTimestamp(6, started);
            return ids(s);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the job repository", e);
        }
    }

    /**
     * Marks the execution and its unfinished step FAILED, INTERRUPTED, ended at {@code at};
     * false when it was no longer running (another server took it first).
     */
    public boolean markInterrupted(long executionId, Instant at) {
        Timestamp ended = Timestamp.from(at);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            // the row lock makes this the claim: of two servers, the second finds it FAILED already
            boolean claimed = update(c, "update batch_executioninstancedata set batchstatus = 'FAILED', exitstatus = ?, "
                    + "endtime = ?, updatetime = ? where jobexecid = ? and " + STILL_RUNNING,
                    INTERRUPTED, ended, ended, executionId) == 1;
            update(c, "update batch_stepexecutioninstancedata set batchstatus = 'FAILED', exitstatus = ?, endtime = ? "
                    + "where jobexecid = ? and " + STILL_RUNNING, INTERRUPTED, ended, executionId);
            c.commit();
            return claimed;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot end interrupted execution " + executionId, e);
        }
    }

    private static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            return s.executeUpdate();
        }
    }

    private static List<Long> ids(PreparedStatement s) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                ids.add(r.getLong(1));
            }
        }
        return ids;
    }
}
