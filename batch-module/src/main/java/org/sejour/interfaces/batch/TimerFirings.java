package org.sejour.interfaces.batch;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Makes a scheduled job run once per period in a Deployment Group, whichever members' timers
 * fire (table timer_firing, V55). A member whose timer fires late, after a restart, finds the
 * period claimed and skips; one that fires in the next period runs it, as if on time.
 */
final class TimerFirings {

    /** Rows older than this are deleted by the claims themselves: nothing reads them after a day. */
    private static final String KEEP = "2 days";

    private final DataSource dataSource;

    TimerFirings(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * True when this server is the first to claim {@code job} for the current period of length
     * {@code period} (periods counted from the epoch on the database's clock), false when another
     * member did.
     */
    boolean claim(String job, Duration period, String server) {
        if (period.toSeconds() < 1) {
            throw new IllegalArgumentException("a period is a second or more");
        }
        // in the timer's transaction when it has one (the claim commits with it), else on its own
        try (Connection c = dataSource.getConnection()) {
            int claimed;
            try (PreparedStatement s = c.prepareStatement("insert into timer_firing (job, period, server) "
                    + "values (?, to_timestamp(floor(extract(epoch from now()) / ?) * ?), ?) on conflict do nothing")) {
                s.setString(1, job);
                s.setLong(2, period.toSeconds());
                s.setLong(3, period.toSeconds());
                s.setString(4, server);
                claimed = s.executeUpdate();
            }
            if (claimed == 1) {
                try (PreparedStatement s = c.prepareStatement("delete from timer_firing where job = ? "
                        + "and period < now() - interval '" + KEEP + "'")) {
                    s.setString(1, job);
                    s.executeUpdate();
                }
            }
            return claimed == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("claiming the timer firing of " + job + " failed", e);
        }
    }
}
