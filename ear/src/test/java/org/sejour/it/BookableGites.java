package org.sejour.it;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Gîtes of a production owner made bookable in bulk, straight in the database (faster than the
 * back office for hundreds of them): every day an arrival for 2 or 7 nights over the coming year,
 * every night in stock. For the load tests, whose subject is the API, not the catalogue.
 */
public final class BookableGites {

    private BookableGites() {
    }

    /**
     * Adds {@code count} gîtes named "{@code name} 1".."{@code name} n" to the account; those for
     * which the SQL condition {@code managed} (over {@code g}, their number) holds have
     * {@code units} identical units, the others one. Returns their ids in order.
     */
    public static long[] seed(Connection c, long accountId, int accountNumber, String name, int count, String managed,
                              int units) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("insert into accommodation (account_id, seq, reference, name, stock_managed, type, classification, "
                    + "address, city, capacity_min, capacity_max, visibility) select " + accountId + ", 100 + g, 'OSMB-"
                    + accountNumber + "-' || (100 + g), '" + name + " ' || g, " + managed + ", 'GITE', 'TWO_STARS', "
                    + "'1 rue du Banc', 'Annecy', 1, 6, 'BOOKABLE' from generate_series(1, " + count + ") g");
            s.execute("update account set last_accommodation_seq = " + (100 + count) + " where id = " + accountId);
            String ours = "from accommodation where account_id = " + accountId + " and name like '" + name + " %'";
            for (int nights : new int[]{2, 7}) {
                s.execute("insert into rate (account_id, accommodation_id, nights, arrival_days, price) select "
                        + accountId + ", id, " + nights + ", 127, " + (nights * 70) + " + id % 50 " + ours);
            }
            s.execute("insert into rate_period (rate_id, first_day, last_day) select r.id, current_date + 1, "
                    + "current_date + 366 from rate r join accommodation a on a.id = r.accommodation_id "
                    + "where a.name like '" + name + " %' and a.account_id = " + accountId);
            s.execute("insert into night_stock (accommodation_id, night, units) select a.id, d::date, "
                    + "case when a.stock_managed then " + units + " else 1 end from accommodation a "
                    + "cross join generate_series(current_date, current_date + 400, interval '1 day') d "
                    + "where a.name like '" + name + " %' and a.account_id = " + accountId);
            s.execute("analyze");
            List<Long> found = new ArrayList<>();
            try (ResultSet r = s.executeQuery("select id " + ours + " order by id")) {
                while (r.next()) {
                    found.add(r.getLong(1));
                }
            }
            return found.stream().mapToLong(Long::longValue).toArray();
        }
    }
}
