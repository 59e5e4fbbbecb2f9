package org.sejour.application.dossier;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.sejour.application.access.Requires;
import org.sejour.application.booking.BusinessCalendar;
import org.sejour.application.dossier.DossierCriteria.BalanceFilter;
import org.sejour.application.dossier.DossierQueries.Keyed;
import org.sejour.application.dossier.DossierQueries.Movement;
import org.sejour.domain.model.account.Permission;
import org.sejour.domain.model.dossier.DossierStatus;
import org.sejour.domain.model.dossier.Origin;
import org.sejour.domain.model.shared.NotFoundException;
import org.sejour.infrastructure.export.Spreadsheet;
import org.sejour.infrastructure.export.Spreadsheet.Column;
import org.sejour.infrastructure.export.Spreadsheet.Type;

import static org.sejour.infrastructure.persistence.NativeValues.instant;
import static org.sejour.infrastructure.persistence.NativeValues.localDate;

import java.io.ByteArrayOutputStream;
import java.io.Serializable;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Excel exports of an owner's dossier search, or of their arrivals or departures over a period
 * ({@link ExportKind}), made by the dossier-export batch job and kept {@link #KEPT} for download.
 * The page asks for one ({@link #request}, {@link #requestMovements}), the job reads the rows
 * ({@link #rowsAfter}), stages them chunk by chunk ({@link #stage}) then makes the file
 * ({@link #render}, {@link #complete}), and the page follows its progress and offers the file;
 * an owner sees only their own exports.
 */
@Stateless
public class DossierExports {

    /** how long a file stays downloadable once made (and how long a request may run) */
    public static final Duration KEPT = Duration.ofHours(24);

    private static final int READ_LINES = 2000;
    /**
     * Made once: each Json.createArrayBuilder/createReader looks the JSON provider up again (a
     * ServiceLoader scan of the server's modules), and the job builds or reads one array per row.
     */
    private static final JsonBuilderFactory JSON_BUILDERS = Json.createBuilderFactory(null);
    private static final JsonReaderFactory JSON_READERS = Json.createReaderFactory(null);

    @PersistenceContext(unitName = "sejour")
    EntityManager em;
    @EJB
    DossierQueries queries;

    /** The number of columns a dossier search's export has: the page gives as many headers. */
    public static int columnCount() {
        return ExportKind.DOSSIERS.columnCount();
    }

    /**
     * Records an owner's request for the export of a search; the caller then starts the job with
     * the returned id. Counts the rows now, so that the page can show progress from the start.
     */
    @Requires(Permission.EXPORTS)
    public long request(long accountId, DossierCriteria criteria, DossierSort sort, boolean ascending,
                        ExportLabels labels, Instant now) {
        Objects.requireNonNull(criteria, "criteria is required");
        requireHeaders(ExportKind.DOSSIERS, labels);
        long total = queries.count(accountId, criteria);
        Object id = em.createNativeQuery("insert into dossier_export (kind, account_id, requested_at, expires_at, state, "
                        + "arrival_from, arrival_to, guest, accommodation_id, number, status, balance, origin, promo_code, "
                        + "sort, ascending, labels, rows_total) values ('DOSSIERS', ?1, ?2, ?3, 'RUNNING', cast(?4 as date), "
                        + "cast(?5 as date), cast(?6 as varchar), cast(?7 as bigint), cast(?8 as integer), "
                        + "cast(?9 as varchar), ?10, cast(?11 as varchar), cast(?12 as varchar), ?13, ?14, ?15, ?16) "
                        + "returning id")
                .setParameter(1, accountId)
                .setParameter(2, Timestamp.from(now))
                .setParameter(3, Timestamp.from(now.plus(KEPT)))
                .setParameter(4, criteria.arrivalFrom() == null ? null : java.sql.Date.valueOf(criteria.arrivalFrom()))
                .setParameter(5, criteria.arrivalTo() == null ? null : java.sql.Date.valueOf(criteria.arrivalTo()))
                .setParameter(6, criteria.guest())
                .setParameter(7, criteria.accommodationId())
                .setParameter(8, criteria.number())
                .setParameter(9, criteria.status() == null ? null : criteria.status().name())
                .setParameter(10, criteria.balance().name())
                .setParameter(11, criteria.origin() == null ? null : criteria.origin().name())
                .setParameter(12, criteria.promoCode())
                .setParameter(13, (sort == null ? DossierSort.NUMBER : sort).name())
                .setParameter(14, ascending)
                .setParameter(15, labels.toJson())
                .setParameter(16, (int) Math.min(Integer.MAX_VALUE, total))
                .getSingleResult();
        return ((Number) id).longValue();
    }

    /**
     * Records an owner's request for the export of their arrivals or departures from {@code first}
     * to {@code last} (inclusive), as the list shows them; the caller then starts the job.
     */
    @Requires(Permission.EXPORTS)
    public long requestMovements(long accountId, Movement movement, LocalDate first, LocalDate last,
                                 ExportLabels labels, Instant now) {
        Objects.requireNonNull(first, "first is required");
        Objects.requireNonNull(last, "last is required");
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("the period ends before it starts");
        }
        ExportKind kind = ExportKind.of(Objects.requireNonNull(movement, "movement is required"));
        requireHeaders(kind, labels);
        long total = queries.countMovements(accountId, movement, first, last);
        Object id = em.createNativeQuery("insert into dossier_export (kind, account_id, requested_at, expires_at, "
                        + "state, period_from, period_to, labels, rows_total) values (?1, ?2, ?3, ?4, 'RUNNING', ?5, ?6, "
                        + "?7, ?8) returning id")
                .setParameter(1, kind.name())
                .setParameter(2, accountId)
                .setParameter(3, Timestamp.from(now))
                .setParameter(4, Timestamp.from(now.plus(KEPT)))
                .setParameter(5, java.sql.Date.valueOf(first))
                .setParameter(6, java.sql.Date.valueOf(last))
                .setParameter(7, labels.toJson())
                .setParameter(8, (int) Math.min(Integer.MAX_VALUE, total))
                .getSingleResult();
        return ((Number) id).longValue();
    }

    private static void requireHeaders(ExportKind kind, ExportLabels labels) {
        if (labels.headers().size() != kind.columnCount()) {
            throw new IllegalArgumentException("an export of " + kind + " has " + kind.columnCount() + " headers");
        }
    }

    /** How far the owner's export got; another owner's, or an expired one, is not found. */
    public ExportProgress progress(long accountId, long exportId, Instant now) {
        List<?> found = em.createNativeQuery("select state, rows_written, rows_total, file_name, expires_at "
                        + "from dossier_export where id = ?1 and account_id = ?2 and expires_at > ?3")
                .setParameter(1, exportId).setParameter(2, accountId).setParameter(3, Timestamp.from(now))
                .getResultList();
        if (found.isEmpty()) {
            throw new NotFoundException("export", exportId);
        }
        Object[] r = (Object[]) found.get(0);
        return new ExportProgress(exportId, "READY".equals(r[0]), ((Number) r[1]).intValue(),
                ((Number) r[2]).intValue(), (String) r[3], instant(r[4]));
    }

    /** The owner's finished export; another owner's, one still running or expired, is not found. */
    public ExportFile file(long accountId, long exportId, Instant now) {
        List<?> found = em.createNativeQuery("select file_name, content from dossier_export where id = ?1 "
                        + "and account_id = ?2 and state = 'READY' and expires_at > ?3")
                .setParameter(1, exportId).setParameter(2, accountId).setParameter(3, Timestamp.from(now))
                .getResultList();
        if (found.isEmpty()) {
            throw new NotFoundException("export", exportId);
        }
        Object[] r = (Object[]) found.get(0);
        return new ExportFile((String) r[0], (byte[]) r[1]);
    }

    // ---- for the dossier-export job

    /** Whether the export still waits for its file (a job restarted after it was made has nothing left to do). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean isRunning(long exportId) {
        return !em.createNativeQuery("select 1 from dossier_export where id = ?1 and state = 'RUNNING'")
                .setParameter(1, exportId).getResultList().isEmpty();
    }

    /**
     * The rows of a running export after {@code lastKey} in its order ({@code null}: from the
     * first), {@code limit} at most, each with its key; none once the export is ready. Dossiers
     * of the search for a dossier export, {@link MovementRow}s for arrivals and departures.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<? extends Keyed<?>> rowsAfter(long exportId, List<Serializable> lastKey, int limit) {
        List<?> found = em.createNativeQuery("select kind, account_id, arrival_from, arrival_to, guest, "
                        + "accommodation_id, number, status, balance, origin, promo_code, sort, ascending, period_from, "
                        + "period_to from dossier_export where id = ?1 and state = 'RUNNING'")
                .setParameter(1, exportId).getResultList();
        if (found.isEmpty()) {
            return List.of();
        }
        Object[] r = (Object[]) found.get(0);
        ExportKind kind = ExportKind.valueOf((String) r[0]);
        long accountId = ((Number) r[1]).longValue();
        Optional<Movement> movement = kind.movement();
        if (movement.isPresent()) {
            return queries.movementChunk(accountId, movement.get(), localDate(r[13]), localDate(r[14]), lastKey, limit);
        }
        DossierCriteria criteria = new DossierCriteria(localDate(r[2]), localDate(r[3]), (String) r[4],
                r[5] == null ? null : ((Number) r[5]).longValue(), r[6] == null ? null : ((Number) r[6]).intValue(),
                r[7] == null ? null : DossierStatus.valueOf((String) r[7]), BalanceFilter.valueOf((String) r[8]),
                r[9] == null ? null : Origin.valueOf((String) r[9]), (String) r[10]);
        return queries.chunk(accountId, criteria, DossierSort.valueOf((String) r[11]), (Boolean) r[12], lastKey, limit);
    }

    /**
     * Stages a chunk's rows after those already staged, and counts them as written, in the
     * chunk's transaction: a chunk rolled back leaves neither lines nor count, so its restart
     * stages the same rows under the same line numbers.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void stage(long exportId, List<? extends Serializable> rows) {
        // "no key update": it serialises the chunks of an export all the same, without waiting
        // for the key-share locks the staged lines' foreign key takes on this row
        List<?> found = em.createNativeQuery("select rows_written, labels, kind from dossier_export "
                        + "where id = ?1 and state = 'RUNNING' for no key update")
                .setParameter(1, exportId).getResultList();
        if (found.isEmpty()) {
            throw new NotFoundException("export", exportId);
        }
        Object[] export = (Object[]) found.get(0);
        int written = ((Number) export[0]).intValue();
        if (rows.isEmpty()) {
            return;
        }
        ExportLabels labels = ExportLabels.fromJson((String) export[1]);
        ExportKind kind = ExportKind.valueOf((String) export[2]);
        JsonArrayBuilder lines = JSON_BUILDERS.createArrayBuilder();
        rows.forEach(row -> lines.add(cells(values(kind, row, labels))));
        em.createNativeQuery("insert into dossier_export_line (export_id, line, cells) "
                        + "select ?1, ?2 + t.n, cast(t.cells as text) from jsonb_array_elements(cast(?3 as jsonb)) "
                        + "with ordinality as t(cells, n)")
                .setParameter(1, exportId).setParameter(2, written).setParameter(3, lines.build().toString())
                .executeUpdate();
        em.createNativeQuery("update dossier_export set rows_written = rows_written + ?2 where id = ?1")
                .setParameter(1, exportId).setParameter(2, rows.size()).executeUpdate();
    }

    /** A row's values in the kind's column order, as the search or the list shows them. */
    private static List<Object> values(ExportKind kind, Serializable item, ExportLabels labels) {
        if (kind == ExportKind.DOSSIERS) {
            DossierRow row = (DossierRow) item;
            return List.of(row.number(),
                    LocalDateTime.ofInstant(row.createdAt(), BusinessCalendar.ZONE),
                    labels.statuses().getOrDefault(row.status().name(), row.status().name()),
                    row.guestName(), nullable(row.guestEmail()), nullable(row.guestPhone()), row.accommodation(),
                    row.arrival(), row.departure(), row.nights(), row.persons(),
                    labels.origins().getOrDefault(row.origin().name(), row.origin().name()),
                    nullable(row.promoCode()), row.total(), row.deposit(), row.balance(), row.paid(), row.refunded(),
                    row.owed(), row.toRefund());
        }
        MovementRow row = (MovementRow) item;
        return List.of(row.day(), row.number(), row.guestName(), row.accommodation(), row.nights(), row.persons(),
                row.owed(), nullable(row.guestPhone()));
    }

    /** A row's cells as text, in column order; the file is made from them with each column's type. */
    private static JsonArray cells(List<Object> values) {
        JsonArrayBuilder cells = JSON_BUILDERS.createArrayBuilder();
        for (Object value : values) {
            if (value == JsonValue.NULL) {
                cells.addNull();
            } else {
                cells.add(value.toString());
            }
        }
        return cells.build();
    }

    private static Object nullable(Object value) {
        return value == null ? JsonValue.NULL : value;
    }

    /**
     * Makes the .xlsx from the staged lines, reading them a few thousand at a time into POI's
     * streaming workbook. Outside a transaction: it only reads, and a big export must not hit the
     * transaction timeout.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public byte[] render(long exportId) {
        Object[] export = (Object[]) em.createNativeQuery("select labels, kind from dossier_export where id = ?1")
                .setParameter(1, exportId).getSingleResult();
        ExportLabels labels = ExportLabels.fromJson((String) export[0]);
        List<Type> types = ExportKind.valueOf((String) export[1]).types();
        List<Integer> widths = ExportKind.valueOf((String) export[1]).widths();
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            columns.add(new Column(labels.headers().get(i), types.get(i), widths.get(i)));
        }
        try (Spreadsheet sheet = new Spreadsheet(labels.sheetName(), columns)) {
            int after = 0;
            while (true) {
                @SuppressWarnings("unchecked")
                List<Object[]> lines = em.createNativeQuery("select line, cells from dossier_export_line "
                                + "where export_id = ?1 and line > ?2 order by line limit ?3")
                        .setParameter(1, exportId).setParameter(2, after).setParameter(3, READ_LINES)
                        .getResultList();
                for (Object[] line : lines) {
                    sheet.row(typedValues((String) line[1], types));
                }
                if (lines.size() < READ_LINES) {
                    break;
                }
                after = ((Number) lines.get(lines.size() - 1)[0]).intValue();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            sheet.writeTo(out);
            return out.toByteArray();
        }
    }

    private static Object[] typedValues(String cellsJson, List<Type> types) {
        try (var reader = JSON_READERS.createReader(new StringReader(cellsJson))) {
            JsonArray cells = reader.readArray();
            Object[] values = new Object[types.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = cells.isNull(i) ? null : typed(types.get(i), cells.getString(i));
            }
            return values;
        }
    }

    private static Object typed(Type type, String text) {
        return switch (type) {
            case TEXT -> text;
            case INTEGER -> Long.parseLong(text);
            case MONEY, PERCENT -> new BigDecimal(text);
            case DATE -> LocalDate.parse(text);
            case DATE_TIME -> LocalDateTime.parse(text);
        };
    }

    /**
     * Keeps the file, ready for download for {@link #KEPT} from now, and drops the staged lines.
     * Only a running export completes: a step restarted after this committed changes nothing.
     */
    public void complete(long exportId, byte[] content, Instant now) {
        // dossiers-<day asked>.xlsx; arrivals-<first>[_<last>].xlsx, as the list's period reads
        int updated = em.createNativeQuery("update dossier_export set state = 'READY', content = ?2, "
                        + "file_name = case kind when 'DOSSIERS' then 'dossiers-' "
                        + "|| to_char(requested_at at time zone 'Europe/Paris', 'YYYY-MM-DD') "
                        + "else lower(kind) || '-' || to_char(period_from, 'YYYY-MM-DD') || case when period_to = period_from "
                        + "then '' else '_' || to_char(period_to, 'YYYY-MM-DD') end end || '.xlsx', "
                        + "rows_total = rows_written, expires_at = ?3 where id = ?1 and state = 'RUNNING'")
                .setParameter(1, exportId).setParameter(2, content).setParameter(3, Timestamp.from(now.plus(KEPT)))
                .executeUpdate();
        if (updated == 1) {
            em.createNativeQuery("delete from dossier_export_line where export_id = ?1")
                    .setParameter(1, exportId).executeUpdate();
        }
    }

    /** Removes the exports (files and staged lines) whose time is up; returns how many. */
    public int removeExpired(Instant now) {
        return em.createNativeQuery("delete from dossier_export where expires_at <= ?1")
                .setParameter(1, Timestamp.from(now)).executeUpdate();
    }
}
