package org.sejour.application.audit;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import org.sejour.application.access.Requires;
import org.sejour.application.booking.BusinessCalendar;
import org.sejour.domain.model.account.Permission;
import org.sejour.domain.model.shared.NotFoundException;

import javax.sql.DataSource;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the audit trail the database writes (V52): an owner's changes, filtered, and one
 * dossier's. Read-only by design: nothing in the application writes or changes the trail, the
 * triggers do, and the table refuses UPDATE and DELETE.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class AuditTrailService {

    /** a page of the trail holds at most this many rows */
    public static final int MAX_PAGE = 200;

    private static final String COLUMNS = "e.id, e.occurred_at, e.actor_kind, e.actor_login, e.client_address,"
            + " e.object_type, e.object_key, e.dossier_id, e.action, e.changes::text";
    private static final String FROM = " from audit_event e";

    @Resource(lookup = "jdbc/sejour")
    DataSource dataSource;

    /** A person who may appear in the trail: the account's users and whoever else changed its data. */
    public record Person(long userId, String login) implements java.io.Serializable {
    }

    @Requires(Permission.VIEW_AUDIT)
    public long count(long accountId, AuditFilter filter) {
        Query query = where(accountId, filter);
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = query.prepare(c, "select count(*)" + FROM + query.where)) {
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("audit trail of account " + accountId + " could not be counted", e);
        }
    }

    /** The most recent changes first. */
    @Requires(Permission.VIEW_AUDIT)
    public List<AuditEntry> search(long accountId, AuditFilter filter, int first, int max) {
        if (first < 0 || max < 1 || max > MAX_PAGE) {
            throw new IllegalArgumentException("a page is 1 to " + MAX_PAGE + " rows from 0: " + first + "/" + max);
        }
        Query query = where(accountId, filter);
        String sql = "select " + COLUMNS + FROM + query.where + " order by e.occurred_at desc, e.id offset "
                + first + " limit " + max;
        try (Connection c = dataSource.getConnection(); PreparedStatement s = query.prepare(c, sql)) {
            return read(s);
        } catch (SQLException e) {
            throw new IllegalStateException("audit trail of account " + accountId + " could not be read", e);
        }
    }

    /** One dossier's changes in the order they happened; another owner's dossier is not found. */
    @Requires(Permission.VIEW_DOSSIERS)
    public List<AuditEntry> ofDossier(long accountId, long dossierId) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("select 1 from dossier where id = ? and account_id = ?")) {
                s.setLong(1, dossierId);
                s.setLong(2, accountId);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        throw new NotFoundException("dossier", dossierId);
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("select " + COLUMNS + FROM
                    + " where e.account_id = ? and e.dossier_id = ? order by e.occurred_at, e.id")) {
                s.setLong(1, accountId);
                s.setLong(2, dossierId);
                return read(s);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("audit trail of dossier " + dossierId + " could not be read", e);
        }
    }

    /**
     * Whose changes the owner can ask for: the account's users. The operator's changes, and a
     * removed staff member's, are shown with their login but not offered as a filter.
     */
    @Requires(Permission.VIEW_AUDIT)
    public List<Person> people(long accountId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select u.id, u.login from app_user u"
                     + " where u.account_id = ? order by u.login")) {
            s.setLong(1, accountId);
            List<Person> people = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    people.add(new Person(r.getLong(1), r.getString(2)));
                }
            }
            return people;
        } catch (SQLException e) {
            throw new IllegalStateException("people of account " + accountId + " could not be read", e);
        }
    }

    private record Query(String where, List<Object> parameters) {
        PreparedStatement prepare(Connection connection, String sql) throws SQLException {
            PreparedStatement statement = connection.prepareStatement(sql);
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            return statement;
        }
    }

    private static Query where(long accountId, AuditFilter filter) {
        StringBuilder where = new StringBuilder(" where e.account_id = ?");
        List<Object> parameters = new ArrayList<>(List.of(accountId));
        if (filter.subject() != null) {
            where.append(" and e.object_type = any (?)");
            parameters.add(filter.subject().tables().toArray(String[]::new));
        }
        if (filter.userId() != null) {
            where.append(" and e.actor_user_id = ?");
            parameters.add(filter.userId());
        }
        if (filter.from() != null) {
            where.append(" and e.occurred_at >= ?");
            parameters.add(Timestamp.from(filter.from().atStartOfDay(BusinessCalendar.ZONE).toInstant()));
        }
        if (filter.to() != null) {
            where.append(" and e.occurred_at < ?");
            parameters.add(Timestamp.from(BusinessCalendar.endOf(filter.to())));
        }
        return new Query(where.toString(), parameters);
    }

    private static List<AuditEntry> read(PreparedStatement statement) throws SQLException {
        List<AuditEntry> entries = new ArrayList<>();
        try (ResultSet r = statement.executeQuery()) {
            while (r.next()) {
                long dossier = r.getLong(8);
                entries.add(new AuditEntry(r.getString(1), r.getTimestamp(2).toInstant(),
                        AuditEntry.ActorKind.valueOf(r.getString(3)), r.getString(4), r.getString(5), r.getString(6),
                        r.getString(7), r.wasNull() ? null : dossier, AuditEntry.Action.valueOf(r.getString(9)),
                        changes(r.getString(10))));
            }
        }
        return entries;
    }

    private static List<AuditEntry.Change> changes(String json) {
        JsonObject object;
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            object = reader.readObject();
        }
        List<AuditEntry.Change> changes = new ArrayList<>();
        for (Map.Entry<String, JsonValue> field : object.entrySet()) {
            JsonObject change = field.getValue().asJsonObject();
            changes.add(new AuditEntry.Change(field.getKey(), text(change.get("before")), text(change.get("after")),
                    change.containsKey("changed")));
        }
        return changes;
    }

    private static String text(JsonValue value) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        return value.getValueType() == JsonValue.ValueType.STRING ? ((jakarta.json.JsonString) value).getString()
                : value.toString();
    }
}
