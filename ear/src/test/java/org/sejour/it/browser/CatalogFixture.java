package org.sejour.it.browser;

import org.sejour.it.TestSettings;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

/**
 * Sets up an owner's catalog straight in the test database, for browser tests whose subject is
 * not the settings screens (those are tested through their own pages): a rate, an optional
 * supplement, a promo code. Also reads back what a test must check in the database.
 */
final class CatalogFixture implements AutoCloseable {

    private final Connection connection;

    CatalogFixture() throws SQLException {
        connection = DriverManager.getConnection(TestSettings.dbUrl(), "sejour", TestSettings.credential("db.password"));
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }

    long accountIdOfNumber(int accountNumber) throws SQLException {
        return single("select id from account where account_number = ?", accountNumber);
    }

    long accommodationOf(long accountId, String name) throws SQLException {
        return single("select id from accommodation where account_id = ? and name = ?", accountId, name);
    }

    /** A rate of {@code nights} nights, arrival any day from {@code first} to {@code last}. */
    void rate(long accountId, long accommodationId, int nights, LocalDate first, LocalDate last, String price)
            throws SQLException {
        long rateId = single("insert into rate (account_id, accommodation_id, nights, arrival_days, price) "
                + "values (?, ?, ?, 127, ?) returning id", accountId, accommodationId, nights, new BigDecimal(price));
        single("insert into rate_period (rate_id, first_day, last_day) values (?, ?, ?) returning rate_id",
                rateId, first, last);
    }

    /** An optional supplement at a fixed price, for all the owner's accommodations, outside the deposit. */
    long supplement(long accountId, String label, String amount, int maxQuantity) throws SQLException {
        long id = single("insert into supplement (account_id, mandatory, pricing, amount, deposit_applies, "
                + "max_quantity, availability, all_accommodations) values (?, false, 'FIXED', ?, false, ?, 'ALWAYS', true) "
                + "returning id", accountId, new BigDecimal(amount), maxQuantity);
        single("insert into supplement_text (supplement_id, lang, label) values (?, 'fr', ?) returning supplement_id",
                id, label);
        return id;
    }

    /** A multiple-use code valid from yesterday for a year, on every accommodation and stay. */
    void promoCode(long accountId, String code, String publicLabel, String percent) throws SQLException {
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/Paris"));
        single("insert into promo_code (account_id, code, internal_label, public_label, single_use, valid_from, "
                + "valid_to, percent) values (?, ?, ?, ?, false, ?, ?, ?) returning id", accountId, code, publicLabel,
                publicLabel, today.minusDays(1), today.plusYears(1), new BigDecimal(percent));
    }

    /** The dossier row as "status|origin|total|guest last name|promo code uses". */
    String dossier(long dossierId) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("select d.status, d.origin, d.total, "
                + "d.guest_last_name, coalesce(p.uses, -1), d.account_id from dossier d "
                + "left join promo_code p on p.id = d.promo_code_id where d.id = ?")) {
            s.setLong(1, dossierId);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return "(no dossier " + dossierId + ")";
                }
                return r.getString(1) + "|" + r.getString(2) + "|" + r.getBigDecimal(3).toPlainString() + "|"
                        + r.getString(4) + "|" + r.getInt(5) + "|" + r.getLong(6);
            }
        }
    }

    private long single(String sql, Object... args) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new AssertionError("no row for " + sql);
                }
                return r.getLong(1);
            }
        }
    }
}
