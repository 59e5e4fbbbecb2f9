package org.sejour.application.dashboard;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import org.sejour.domain.model.shared.Money;
import org.sejour.domain.model.shared.NotFoundException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The header's "new bookings" badge: dossiers of the user's account created since the user
 * last opened the list of them. The instant is kept per user (table new_bookings_seen), so two
 * people sharing an account each see what is new to them.
 */
@Stateless
public class NewBookings {

    private static final int MAX_LISTED = 200;
    // dossiers of the user's own account only: the user row names the account
    private static final String SINCE_LAST_SEEN = "from dossier d join app_user u on u.account_id = d.account_id "
            + "left join new_bookings_seen s on s.user_id = u.id "
            + "where u.id = ? and d.account_id = ? and (s.seen_at is null or d.created_at > s.seen_at)";

    @Resource(lookup = "jdbc/sejour")
    DataSource dataSource;

    /** A new dossier as the list shows it. */
    public record NewBooking(long dossierId, int number, String guest, String accommodation, LocalDate arrival,
                             LocalDate departure, Money total, Instant createdAt) {
    }

    public long count(long accountId, long userId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select count(*) " + SINCE_LAST_SEEN)) {
            s.setLong(1, userId);
            s.setLong(2, accountId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("new bookings of user " + userId + " could not be counted", e);
        }
    }

    /**
     * The dossiers new to the user, newest first. Opening the list is "having seen" them: the
     * user's mark moves to the newest one listed (not to the clock, so a dossier written while
     * the list is read is still new next time).
     */
    public List<NewBooking> openList(long accountId, long userId) {
        List<NewBooking> list = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("select d.id, d.number, d.guest_last_name, "
                    + "d.guest_first_name, a.name, d.arrival, d.departure, d.total, d.created_at "
                    + SINCE_LAST_SEEN.replace("where", "join accommodation a on a.id = d.accommodation_id where")
                    + " order by d.created_at desc limit " + MAX_LISTED)) {
                s.setLong(1, userId);
                s.setLong(2, accountId);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        list.add(new NewBooking(r.getLong(1), r.getInt(2),
                                DashboardQueries.displayName(r.getString(3), r.getString(4)), r.getString(5),
                                r.getObject(6, LocalDate.class), r.getObject(7, LocalDate.class),
                                Money.of(r.getBigDecimal(8)), r.getTimestamp(9).toInstant()));
                    }
                }
            }
            if (!list.isEmpty()) {
                markSeen(c, accountId, userId, list.get(0).createdAt());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("new bookings of user " + userId + " could not be listed", e);
        }
        return list;
    }

    private static void markSeen(Connection c, long accountId, long userId, Instant newest) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("insert into new_bookings_seen (user_id, seen_at) "
                + "select id, ? from app_user where id = ? and account_id = ? "
                + "on conflict (user_id) do update set seen_at = excluded.seen_at")) {
            s.setTimestamp(1, Timestamp.from(newest));
            s.setLong(2, userId);
            s.setLong(3, accountId);
            if (s.executeUpdate() != 1) {
                throw new NotFoundException("user", userId);
            }
        }
    }
}
