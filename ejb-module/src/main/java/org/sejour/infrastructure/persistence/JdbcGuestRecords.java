package org.sejour.infrastructure.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import org.sejour.domain.model.privacy.GuestRecords;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The guest's rows in plain SQL: the export reads every column of every table that holds the
 * guest (a column added later is exported without a change here), and the erasure is a list of
 * statements run in the caller's transaction (the connection is the persistence unit's, shared
 * within the transaction). The list of tables is docs/privacy.md's; keep both in step.
 */
@ApplicationScoped
public class JdbcGuestRecords implements GuestRecords {

    /** What is exported, in this order: the table and the rows of the dossiers {@code ?} names. */
    private static final List<String[]> EXPORTED = List.of(
            new String[]{"dossier", "select * from dossier where id = any(?) order by id"},
            new String[]{"dossier_stay", "select * from dossier_stay where dossier_id = any(?) order by dossier_id, position"},
            new String[]{"dossier_party", "select * from dossier_party where dossier_id = any(?) order by dossier_id, stay_position, label"},
            new String[]{"dossier_line", "select * from dossier_line where dossier_id = any(?) order by dossier_id, position"},
            new String[]{"dossier_event", "select * from dossier_event where dossier_id = any(?) order by dossier_id, id"},
            new String[]{"payment", "select * from payment where dossier_id = any(?) order by dossier_id, id"},
            new String[]{"payment_attempt", "select * from payment_attempt where dossier_id = any(?) order by id"},
            new String[]{"deposit_hold", "select * from deposit_hold where dossier_id = any(?) order by id"},
            new String[]{"payment_difference", "select * from payment_difference where dossier_id = any(?) order by payment_intent"},
            new String[]{"invoice", "select * from invoice where dossier_id = any(?) order by number"},
            new String[]{"invoice_line", "select l.* from invoice_line l join invoice i on i.id = l.invoice_id "
                    + "where i.dossier_id = any(?) order by i.number, l.position"},
            new String[]{"contract_offer", "select * from contract_offer where dossier_id = any(?) order by dossier_id, version"},
            new String[]{"contract_version", "select * from contract_version where dossier_id = any(?) order by dossier_id, version"},
            new String[]{"contract_acceptance", "select * from contract_acceptance where dossier_id = any(?) order by id"},
            new String[]{"pre_arrival_form", "select * from pre_arrival_form where dossier_id = any(?) order by id"},
            new String[]{"pre_arrival_person", "select p.* from pre_arrival_person p join pre_arrival_form f on f.id = p.form_id "
                    + "where f.dossier_id = any(?) order by f.id, p.position"},
            new String[]{"outbox_mail", "select * from outbox_mail where dossier_id = any(?) order by id"},
            new String[]{"outbox_attempt", "select a.* from outbox_attempt a join outbox_mail m on m.id = a.mail_id "
                    + "where m.dossier_id = any(?) order by a.id"},
            new String[]{"message_sent", "select * from message_sent where dossier_id = any(?) order by id"},
            new String[]{"channel_conflict", "select * from channel_conflict where dossier_id = any(?) order by id"});

    @Resource(lookup = "jdbc/sejour")
    DataSource dataSource;

    @Override
    public List<Long> dossiersOfGuest(long accountId, long dossierId) {
        return ids("select d.id from dossier d join dossier picked on picked.id = ? and picked.account_id = ? "
                + "where d.account_id = picked.account_id and (d.id = picked.id "
                + "or (picked.guest_email is not null and lower(d.guest_email) = lower(picked.guest_email))) "
                + "order by d.id", dossierId, accountId);
    }

    @Override
    public List<Integer> numbers(long accountId, List<Long> dossierIds) {
        try (Connection c = dataSource.getConnection()) {
            return idsOn(c, "select number from dossier where id = any(?) and account_id = ? order by id",
                    c.createArrayOf("bigint", dossierIds.toArray()), accountId).stream().map(Long::intValue).toList();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Optional<Long> accountOf(long dossierId) {
        return ids("select account_id from dossier where id = ?", dossierId).stream().findFirst();
    }

    @Override
    public List<Table> rowsOf(long accountId, List<Long> dossierIds) {
        List<Long> own = own(accountId, dossierIds);
        List<Table> tables = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            Array ids = c.createArrayOf("bigint", own.toArray());
            for (String[] exported : EXPORTED) {
                try (PreparedStatement s = c.prepareStatement(exported[1])) {
                    s.setArray(1, ids);
                    tables.add(new Table(exported[0], rows(s)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the guest's rows cannot be read", e);
        }
        return tables;
    }

    @Override
    public int anonymise(long accountId, List<Long> dossierIds, String firstName, String lastName, LocalDate today,
                         String newGuestToken) {
        try (Connection c = dataSource.getConnection()) {
            Array ids = c.createArrayOf("bigint", dossierIds.toArray());
            List<Long> due = idsOn(c, "select id from dossier where id = any(?) and account_id = ? "
                    + "and guest_erased_on is null order by id for update", ids, accountId);
            if (due.isEmpty()) {
                return 0;
            }
            Array d = c.createArrayOf("bigint", due.toArray());
            Array terms = c.createArrayOf("text", terms(c, d).toArray());
            // lets the V50 triggers take the invoices' buyer and the contract evidence, until the commit
            query(c, "select set_config('sejour.erasure', 'on', true)");
            update(c, "update invoice set buyer_name = ?, buyer_details = '', "
                    + "payment_reference = erase_terms(payment_reference, ?), refund_reason = erase_terms(refund_reason, ?) "
                    + "where dossier_id = any(?)", firstName + " " + lastName, terms, terms, d);
            update(c, "update payment set reference = erase_terms(reference, ?), reason = erase_terms(reason, ?), "
                    + "recorded_by = erase_terms(recorded_by, ?) where dossier_id = any(?)", terms, terms, terms, d);
            update(c, "update deposit_hold set reason = erase_terms(reason, ?), failure = erase_terms(failure, ?) "
                    + "where dossier_id = any(?)", terms, terms, d);
            update(c, "update dossier_event set actor = erase_terms(actor, ?), detail = erase_terms(detail, ?) "
                    + "where dossier_id = any(?)", terms, terms, d);
            update(c, "update outbox_attempt set detail = erase_terms(detail, ?) "
                    + "where mail_id in (select id from outbox_mail where dossier_id = any(?))", terms, d);
            // a mail to the guest not sent yet never leaves; the log keeps that it existed, not to whom
            update(c, "update outbox_mail set "
                    + "status = case when status = 'PENDING' and erase_terms(recipient, ?) <> recipient then 'FAILED' else status end, "
                    + "last_error = case when status = 'PENDING' and erase_terms(recipient, ?) <> recipient "
                    + "then 'guest data erased' else erase_terms(last_error, ?) end, "
                    + "recipient = case when erase_terms(recipient, ?) <> recipient "
                    + "then 'efface-' || dossier_id || '@invalid.invalid' else recipient end, "
                    + "copy_to = case when erase_terms(copy_to, ?) <> copy_to then null else copy_to end, "
                    + "reply_to = case when erase_terms(reply_to, ?) <> reply_to then null else reply_to end "
                    + "where dossier_id = any(?)", terms, terms, terms, terms, terms, terms, d);
            update(c, "update pre_arrival_person set first_name = 'Effacé', last_name = 'Effacé', birth_date = null, "
                    + "birth_place = null, home_address = null, phone = null, email = null, "
                    + "police_erased_on = coalesce(police_erased_on, ?) "
                    + "where form_id in (select id from pre_arrival_form where dossier_id = any(?))", today, d);
            update(c, "update pre_arrival_form set car_plate = null, remarks = null where dossier_id = any(?)", d);
            update(c, "delete from contract_acceptance where dossier_id = any(?)", d);
            update(c, "delete from contract_offer where dossier_id = any(?)", d);
            update(c, "delete from contract_version where dossier_id = any(?)", d);
            // what a channel's calendar said about the stay ("Reserved – Jane Doe")
            update(c, "update channel_block set summary = null where summary is not null "
                    + "and accommodation_id in (select id from accommodation where account_id = ?) "
                    + "and erase_terms(summary, ?) <> summary", accountId, terms);
            update(c, "update offline_payment_session set description = erase_terms(description, ?) "
                    + "where session_id in (select provider_session from payment_attempt where dossier_id = any(?))", terms, d);
            // exports are kept a day and cannot be edited (a compressed workbook): the owner runs them again
            update(c, "delete from dossier_export where account_id = ?", accountId);
            // a new version: a change the owner saves meanwhile from an older read fails rather than mixes
            update(c, "update dossier set guest_first_name = ?, guest_last_name = ?, guest_email = null, "
                    + "guest_phone = null, guest_address = null, guest_postal_code = null, guest_city = null, "
                    + "guest_country = null, cancel_reason = erase_terms(cancel_reason, ?), "
                    + "created_by = erase_terms(created_by, ?), idempotency_key = null, request_hash = null, "
                    + "guest_erased_on = ?, version = version + 1 where id = any(?)", firstName, lastName, terms, terms,
                    today, d);
            for (Long id : due) {
                // the guest's link to the dossier dies with the guest
                update(c, "update dossier set guest_token = ? where id = ?", newGuestToken + "-" + id, id);
            }
            return due.size();
        } catch (SQLException e) {
            throw new IllegalStateException("the guest of dossiers " + dossierIds + " cannot be anonymised", e);
        }
    }

    @Override
    public Optional<Integer> retentionYears(long accountId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select guest_retention_years from account where id = ?")) {
            s.setLong(1, accountId);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                int years = r.getInt(1);
                return r.wasNull() ? Optional.empty() : Optional.of(years);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void changeRetentionYears(long accountId, Integer years) {
        try (Connection c = dataSource.getConnection()) {
            update(c, "update account set guest_retention_years = ? where id = ?", years, accountId);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public List<Long> dueForRetention(Long accountId, LocalDate today, long afterId, int size) {
        // the cut-off per account: a guest whose last departure is on or before it is due
        return ids("select d.id from dossier d join account a on a.id = d.account_id "
                + "where a.guest_retention_years is not null and d.guest_erased_on is null and d.id > ? "
                + "and (?::bigint is null or d.account_id = ?::bigint) "
                + "and d.departure < ?::date - make_interval(years => a.guest_retention_years) "
                + "and not exists (select 1 from dossier later where later.account_id = d.account_id "
                + "    and later.id <> d.id and d.guest_email is not null "
                + "    and lower(later.guest_email) = lower(d.guest_email) "
                + "    and later.departure >= ?::date - make_interval(years => a.guest_retention_years)) "
                + "order by d.id limit ?", afterId, accountId, accountId, today, today, size);
    }

    /** The dossiers of the list that are the account's: another owner's ids are dropped. */
    private List<Long> own(long accountId, List<Long> dossierIds) {
        try (Connection c = dataSource.getConnection()) {
            return idsOn(c, "select id from dossier where id = any(?) and account_id = ? order by id",
                    c.createArrayOf("bigint", dossierIds.toArray()), accountId);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The guest's name, e-mail, phone and addresses as the dossiers, pre-arrival forms and contract evidence hold them. */
    private static List<String> terms(Connection c, Array dossiers) throws SQLException {
        Set<String> terms = new LinkedHashSet<>();
        String sql = "select guest_email, guest_phone, guest_first_name || ' ' || guest_last_name, "
                + "guest_last_name || ' ' || guest_first_name, guest_address, guest_last_name, guest_first_name "
                + "from dossier where id = any(?) "
                + "union all select p.email, p.phone, p.first_name || ' ' || p.last_name, p.last_name || ' ' || p.first_name, "
                + "p.home_address, p.last_name, p.first_name "
                + "from pre_arrival_person p join pre_arrival_form f on f.id = p.form_id where f.dossier_id = any(?) "
                // the address the contract was accepted from, which the dossier's history repeats
                + "union all select address, null, null, null, null, null, null from contract_acceptance where dossier_id = any(?)";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setArray(1, dossiers);
            s.setArray(2, dossiers);
            s.setArray(3, dossiers);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    for (int i = 1; i <= 7; i++) {
                        String term = r.getString(i);
                        if (term != null && term.strip().length() >= 3) {
                            terms.add(term.strip());
                        }
                    }
                }
            }
        }
        // longest first: "Jeanne Dupont" goes whole before "Dupont" alone
        return terms.stream().sorted((a, b) -> b.length() - a.length()).toList();
    }

    private List<Long> ids(String sql, Object... args) {
        try (Connection c = dataSource.getConnection()) {
            return idsOn(c, sql, args);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Long> idsOn(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            List<Long> ids = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getLong(1));
                }
            }
            return ids;
        }
    }

    private static void query(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            r.next();
        }
    }

    private static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            return s.executeUpdate();
        }
    }

    private static void bind(PreparedStatement s, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object arg = args[i];
            if (arg == null) {
                s.setNull(i + 1, Types.BIGINT);
            } else if (arg instanceof Array array) {
                s.setArray(i + 1, array);
            } else {
                s.setObject(i + 1, arg);
            }
        }
    }

    /** Every column by name; numbers and booleans as such, binary documents by their size, the rest as PostgreSQL writes it. */
    private static List<Map<String, Object>> rows(PreparedStatement s) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
            ResultSetMetaData meta = r.getMetaData();
            while (r.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(meta.getColumnLabel(i), value(r, i, meta.getColumnType(i)));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static Object value(ResultSet r, int column, int type) throws SQLException {
        Object value = switch (type) {
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> {
                byte[] bytes = r.getBytes(column);
                yield bytes == null ? null : "(PDF, " + bytes.length + " bytes)";
            }
            case Types.BIGINT, Types.INTEGER, Types.SMALLINT -> r.getLong(column);
            case Types.NUMERIC, Types.DECIMAL -> r.getBigDecimal(column);
            case Types.BOOLEAN, Types.BIT -> r.getBoolean(column);
            default -> r.getString(column);
        };
        return r.wasNull() ? null : value;
    }
}
