package org.sejour.it.browser;

import org.sejour.it.TestSettings;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Owners of the booking site's tests, written straight into the test database: an account in
 * production (or still in test) with its contact details, and accommodations with a visibility.
 * What the guest side does with them is what the tests check, through the browser. Also reads
 * back dossiers, payments and payment attempts.
 */
final class SiteFixture implements AutoCloseable {

    /** an account as the site knows it: its id and its public number */
    record Account(long id, int number) {
    }

    private final Connection connection;

    SiteFixture() throws SQLException {
        connection = DriverManager.getConnection(TestSettings.dbUrl(), "sejour", TestSettings.credential("db.password"));
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }

    /**
     * An owner in production (or test) whose guests pay through the offline provider: in
     * production that takes the operator's demo switch, which this turns on.
     */
    Account account(boolean production, String lastName) throws SQLException {
        return account(production, true, lastName);
    }

    /** An owner in production without the demo switch: no fake payment for their guests. */
    Account productionAccountWithoutDemoPayments(String lastName) throws SQLException {
        return account(true, false, lastName);
    }

    private Account account(boolean production, boolean demoPayments, String lastName) throws SQLException {
        long id = single("insert into account (account_number, mode, demo_payments, contact_completed, first_name, "
                        + "last_name, email, phone, address, postal_code, city, country) values "
                        + "(nextval('account_number_seq'), ?, ?, true, 'Camille', ?, ?, '+33 4 92 00 00 00', "
                        + "'12 chemin des Alpages', '05000', 'Gap', 'FR') returning id",
                production ? "PRODUCTION" : "TEST", production && demoPayments, lastName,
                "owner-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test");
        return new Account(id, (int) single("select account_number from account where id = ?", id));
    }

    long accommodation(Account account, String name, String visibility) throws SQLException {
        long seq = single("update account set last_accommodation_seq = last_accommodation_seq + 1 where id = ? "
                + "returning last_accommodation_seq", account.id());
        long id = single("insert into accommodation (account_id, seq, reference, name, type, classification, address, "
                        + "postal_code, city, latitude, longitude, capacity_min, capacity_max, surface, visibility) "
                        + "values (?, ?, ?, ?, 'GITE', 'THREE_STARS', 'Lieu-dit les Prés', '05000', 'Gap', 44.559722, "
                        + "6.079444, 1, 6, 85, ?) returning id",
                account.id(), (int) seq, "OSMB-" + account.number() + "-" + seq, name, visibility);
        single("insert into accommodation_description (accommodation_id, lang, text) values (?, 'fr', ?), (?, 'de', ?) "
                + "returning accommodation_id", id, "Un gîte calme au bord du lac, vue sur les montagnes.",
                id, "Ein ruhiges Ferienhaus am See mit Blick auf die Berge.");
        single("insert into accommodation_amenity (accommodation_id, amenity) values (?, 'GARDEN'), (?, 'PARKING') "
                + "returning accommodation_id", id, id);
        return id;
    }

    void salesTermsText(Account account, String french) throws SQLException {
        single("insert into sales_terms (account_id) values (?) on conflict (account_id) do update "
                + "set version = sales_terms.version returning account_id", account.id());
        single("insert into sales_terms_text (account_id, lang, body) values (?, 'fr', ?) returning account_id",
                account.id(), french);
    }

    void mode(long accountId, String mode) throws SQLException {
        single("update account set mode = ? where id = ? returning id", mode, accountId);
    }

    /** The owner's advanced setting: several accommodations in one booking on the site. */
    void severalStays(Account account, boolean offered) throws SQLException {
        single("update account set site_several_stays = ? where id = ? returning id", offered, account.id());
    }

    /** The accommodations of the account's newest dossier, in the order of its stays. */
    List<Long> latestStays(long accountId) throws SQLException {
        return rows("select s.accommodation_id from dossier_stay s where s.dossier_id = "
                + "(select max(id) from dossier where account_id = ?) order by s.position", r -> r.getLong(1), accountId);
    }

    void visibility(long accommodationId, String visibility) throws SQLException {
        single("update accommodation set visibility = ? where id = ? returning id", visibility, accommodationId);
    }

    /** The account's dossiers as "status|origin|total|paid|payments", newest first. */
    List<String> dossiers(long accountId) throws SQLException {
        return rows("select d.status, d.origin, d.total, "
                + "coalesce((select sum(amount) from payment p where p.dossier_id = d.id), 0), "
                + "(select count(*) from payment p where p.dossier_id = d.id) from dossier d where d.account_id = ? "
                + "order by d.id desc", r -> r.getString(1) + "|" + r.getString(2) + "|"
                + r.getBigDecimal(3).toPlainString() + "|" + r.getBigDecimal(4).setScale(2).toPlainString() + "|"
                + r.getLong(5), accountId);
    }

    /** The terms a dossier keeps: the version the guest accepted and when (null for none). */
    record Acceptance(long dossierId, String version, java.time.Instant at) {
    }

    /** The account's newest dossier's accepted terms. */
    Acceptance latestAcceptance(long accountId) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("select id, terms_version, terms_accepted_at "
                + "from dossier where account_id = ? order by id desc limit 1")) {
            s.setLong(1, accountId);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new AssertionError("no dossier for account " + accountId);
                }
                java.sql.Timestamp at = r.getTimestamp(3);
                return new Acceptance(r.getLong(1), r.getString(2), at == null ? null : at.toInstant());
            }
        }
    }

    /** The account's payment attempts as "status|amount|reference", oldest first. */
    List<String> attempts(long accountId) throws SQLException {
        return rows("select status, amount, reference from payment_attempt where account_id = ? order by id",
                r -> r.getString(1) + "|" + r.getBigDecimal(2).toPlainString() + "|" + r.getString(3), accountId);
    }

    long soldNights(long accommodationId) throws SQLException {
        return single("select coalesce(sum(sold), 0) from night_stock where accommodation_id = ?", accommodationId);
    }

    String offlineSession(String attemptReference) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "select provider_session from payment_attempt where reference = ?")) {
            s.setString(1, attemptReference);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new AssertionError("no attempt " + attemptReference);
                }
                return r.getString(1);
            }
        }
    }

    /** One row of a query's result, read. */
    private interface Row<T> {
        T read(ResultSet r) throws SQLException;
    }

    private <T> List<T> rows(String sql, Row<T> row, Object... args) throws SQLException {
        List<T> rows = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(row.read(r));
                }
            }
        }
        return rows;
    }

    private long single(String sql, Object... args) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i] instanceof BigDecimal b ? b : args[i]);
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
