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
import org.sejour.application.booking.BusinessCalendar;
import org.sejour.application.dossier.DossierCriteria.BalanceFilter;
import org.sejour.domain.model.dossier.DossierStatus;
import org.sejour.domain.model.dossier.Origin;
import org.sejour.domain.model.shared.NotFoundException;
import org.sejour.infrastructure.export.Spreadsheet;
import org.sejour.infrastructure.export.Spreadsheet.Column;
import org.sejour.infrastructure.export.Spreadsheet.Type;

import static org.sejour.infrastructure.persistence.NativeValues.instant;
import static org.sejour.infrastructure.persistence.NativeValues.localDate;

import java.io.ByteArrayOutputStream;
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
 * Excel exports of an owner's dossier search, made by the dossier-export batch job and kept
 * {@link #KEPT} for download. The page asks for one ({@link #request}), the job stages the rows
 * chunk by chunk ({@link #stage}) then makes the file ({@link #render}, {@link #complete}), and
 * the page follows its progress and offers the file; an owner sees only their own exports.
 */
@Stateless
public class DossierExports {

    /** how long a file stays downloadable once made (and how long a request may run) */
    public static final Duration KEPT = Duration.ofHours(24);

    /** the columns' types and widths; their headers come from the owner's {@link ExportLabels} */
    private static final List<Type> TYPES = List.of(Type.INTEGER, Type.DATE_TIME, Type.TEXT, Type.TEXT, Type.TEXT,
            Type.TEXT, Type.TEXT, Type.DATE, Type.DATE, Type.INTEGER, Type.INTEGER, Type.TEXT, Type.TEXT, Type.MONEY,
            Type.MONEY, Type.MONEY);
    private static final List<Integer> WIDTHS = List.of(10, 17, 12, 28, 28, 18, 28, 12, 12, 8, 8, 16, 12, 12, 12, 12);
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

    /** The number of columns an export has: the page gives as many headers. */
    public static int columnCount() {
        return TYPES.size();
    }

    /**
     * Records an owner's request for the export of a search; the caller then starts the job with
     * the returned id. Counts the rows now, so that the page can show progress from the start.
     */
    public long request(long accountId, DossierCriteria criteria, DossierSort sort, boolean ascending,
                        ExportLabels labels, Instant now) {
        Objects.requireNonNull(criteria, "criteria is required");
        if (labels.headers().size() != TYPES.size()) {
            throw new IllegalArgumentException("an export has " + TYPES.size() + " headers");
        }
        long total = queries.count(accountId, criteria);
        Object id = em.createNativeQuery("insert into dossier_export (account_id, requested_at, expires_at, state, "
                        + "arrival_from, arrival_to, guest, accommodation_id, number, status, balance, origin, promo_code, "
                        + "sort, ascending, labels, rows_total) values (?1, ?2, ?3, 'RUNNING', cast(?4 as date), "
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

    /** The search an export writes out; empty once it is ready (a restarted job has nothing left to do). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<ExportSearch> search(long exportId) {
        List<?> found = em.createNativeQuery("select account_id, arrival_from, arrival_to, guest, accommodation_id, "
                        + "number, status, balance, origin, promo_code, sort, ascending from dossier_export "
                        + "where id = ?1 and state = 'RUNNING'")
                .setParameter(1, exportId).getResultList();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = (Object[]) found.get(0);
        DossierCriteria criteria = new DossierCriteria(localDate(r[1]), localDate(r[2]), (String) r[3],
                r[4] == null ? null : ((Number) r[4]).longValue(), r[5] == null ? null : ((Number) r[5]).intValue(),
                r[6] == null ? null : DossierStatus.valueOf((String) r[6]), BalanceFilter.valueOf((String) r[7]),
                r[8] == null ? null : Origin.valueOf((String) r[8]), (String) r[9]);
        return Optional.of(new ExportSearch(((Number) r[0]).longValue(), criteria,
                DossierSort.valueOf((String) r[10]), (Boolean) r[11]));
    }

    /**
     * Stages a chunk's rows after those already staged, and counts them as written, in the
     * chunk's transaction: a chunk rolled back leaves neither lines nor count, so its restart
     * stages the same rows under the same line numbers.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void stage(long exportId, List<DossierRow> rows) {
        List<?> found = em.createNativeQuery("select rows_written, labels from dossier_export "
                        + "where id = ?1 and state = 'RUNNING' for update")
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
        JsonArrayBuilder lines = JSON_BUILDERS.createArrayBuilder();
        rows.forEach(row -> lines.add(cells(row, labels)));
        em.createNativeQuery("insert into dossier_export_line (export_id, line, cells) "
                        + "select ?1, ?2 + t.n, cast(t.cells as text) from jsonb_array_elements(cast(?3 as jsonb)) "
                        + "with ordinality as t(cells, n)")
                .setParameter(1, exportId).setParameter(2, written).setParameter(3, lines.build().toString())
                .executeUpdate();
        em.createNativeQuery("update dossier_export set rows_written = rows_written + ?2 where id = ?1")
                .setParameter(1, exportId).setParameter(2, rows.size()).executeUpdate();
    }

    /** A row's cells as text, in column order; the file is made from them with each column's type. */
    private static JsonArray cells(DossierRow row, ExportLabels labels) {
        List<Object> values = List.of(row.number(),
                LocalDateTime.ofInstant(row.createdAt(), BusinessCalendar.ZONE),
                labels.statuses().getOrDefault(row.status().name(), row.status().name()),
                row.guestName(), nullable(row.guestEmail()), nullable(row.guestPhone()), row.accommodation(),
                row.arrival(), row.departure(), row.nights(), row.persons(),
                labels.origins().getOrDefault(row.origin().name(), row.origin().name()),
                nullable(row.promoCode()), row.total(), row.paid(), row.balance());
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
        String json = (String) em.createNativeQuery("select labels from dossier_export where id = ?1")
                .setParameter(1, exportId).getSingleResult();
        ExportLabels labels = ExportLabels.fromJson(json);
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < TYPES.size(); i++) {
            columns.add(new Column(labels.headers().get(i), TYPES.get(i), WIDTHS.get(i)));
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
                    sheet.row(values((String) line[1]));
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

    private static Object[] values(String cellsJson) {
        try (var reader = JSON_READERS.createReader(new StringReader(cellsJson))) {
            JsonArray cells = reader.readArray();
            Object[] values = new Object[TYPES.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = cells.isNull(i) ? null : typed(TYPES.get(i), cells.getString(i));
            }
            return values;
        }
    }

    private static Object typed(Type type, String text) {
        return switch (type) {
            case TEXT -> text;
            case INTEGER -> Long.parseLong(text);
            case MONEY -> new BigDecimal(text);
            case DATE -> LocalDate.parse(text);
            case DATE_TIME -> LocalDateTime.parse(text);
        };
    }

    /**
     * Keeps the file, ready for download for {@link #KEPT} from now, and drops the staged lines.
     * Only a running export completes: a step restarted after this committed changes nothing.
     */
    public void complete(long exportId, byte[] content, Instant now) {
        int updated = em.createNativeQuery("update dossier_export set state = 'READY', content = ?2, "
                        + "file_name = 'dossiers-' || to_char(requested_at at time zone 'Europe/Paris', 'YYYY-MM-DD') "
                        + "|| '.xlsx', rows_total = rows_written, expires_at = ?3 where id = ?1 and state = 'RUNNING'")
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
