package org.sejour.application.dossier;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import org.sejour.domain.model.account.Permission;
import org.sejour.application.access.Requires;
import org.sejour.domain.model.catalog.AccountSalesTerms;
import org.sejour.domain.model.catalog.SalesTermsRepository;
import org.sejour.domain.model.dossier.Dossier;
import org.sejour.domain.model.dossier.DossierAmounts;
import org.sejour.domain.model.dossier.DossierRepository;
import org.sejour.domain.model.dossier.DossierStatus;
import org.sejour.domain.model.dossier.Origin;
import org.sejour.domain.model.dossier.PartyCount;
import org.sejour.domain.model.dossier.TermsAcceptance;
import org.sejour.domain.model.pricing.SalesTerms;
import org.sejour.domain.model.pricing.TaxExemption;
import org.sejour.domain.model.shared.Money;
import org.sejour.domain.model.shared.NotFoundException;

import jakarta.inject.Inject;

import static org.sejour.infrastructure.persistence.NativeValues.instant;
import static org.sejour.infrastructure.persistence.NativeValues.localDate;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The read side of dossiers: search, lists and the dossier page. Each list is one SQL statement
 * (its count another), computing paid amounts and persons in the database, always within the
 * caller's account.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class DossierQueries {

    /** rows read per statement when a whole search is exported */
    static final int EXPORT_CHUNK = 2000;
    static final int MAX_PAGE = 500;

    private static final String COLUMNS = "select d.id, d.number, d.created_at, d.status, a.name, d.arrival, "
            + "d.departure, d.guest_last_name, d.guest_first_name, d.guest_email, d.guest_phone, "
            + "(select coalesce(sum(dp.persons), 0) from dossier_party dp where dp.dossier_id = d.id), "
            + "d.origin, pc.code, d.total, pay.paid, pay.refunded, d.deposit_amount";
    private static final String FROM = " from dossier d join accommodation a on a.id = d.accommodation_id "
            + "left join promo_code pc on pc.id = d.promo_code_id "
            // paid and refunded kept apart: money given back never becomes money due (PaymentBalance)
            + "cross join lateral (select coalesce(sum(p.amount) filter (where p.amount > 0), 0) as paid, "
            + "coalesce(-sum(p.amount) filter (where p.amount < 0), 0) as refunded from payment p "
            + "where p.dossier_id = d.id) pay";

    @PersistenceContext(unitName = "sejour")
    EntityManager em;
    @Inject
    DossierRepository dossiers;
    @Inject
    SalesTermsRepository salesTerms;

    /** Which day of a stay a movement list is about. */
    public enum Movement {
        ARRIVAL("d.arrival"), DEPARTURE("d.departure");

        private final String column;

        Movement(String column) {
            this.column = column;
        }
    }

    public long count(long accountId, DossierCriteria criteria) {
        Where where = Where.of(accountId, criteria);
        Query query = em.createNativeQuery("select count(*)" + FROM + where.sql);
        where.bind(query);
        return ((Number) query.getSingleResult()).longValue();
    }

    /** One page of the search, sorted by a whitelisted column. */
    public List<DossierRow> page(long accountId, DossierCriteria criteria, DossierSort sort, boolean ascending,
                                 int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("a page is 1 to " + MAX_PAGE + " rows from offset 0 or more");
        }
        return rows(accountId, criteria, sort, ascending, offset, limit);
    }

    /**
     * Hands every dossier of the search, in order, to {@code sink}, reading a chunk at a time so
     * that an export of the whole account never holds it in memory. Outside a transaction: a long
     * export must not hit the transaction timeout, and it only reads.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void forEach(long accountId, DossierCriteria criteria, DossierSort sort, boolean ascending,
                        Consumer<DossierRow> sink) {
        forEach(accountId, criteria, sort, ascending, EXPORT_CHUNK, sink);
    }

    /** {@link #forEach(long, DossierCriteria, DossierSort, boolean, Consumer)}, {@code chunk} rows per statement. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void forEach(long accountId, DossierCriteria criteria, DossierSort sort, boolean ascending, int chunk,
                        Consumer<DossierRow> sink) {
        DossierSort order = sort == null ? DossierSort.NUMBER : sort;
        inChunks(COLUMNS, Where.of(accountId, criteria), order.keys(), ascending, chunk,
                r -> sink.accept(row(r)));
    }

    private List<DossierRow> rows(long accountId, DossierCriteria criteria, DossierSort sort, boolean ascending,
                                  int offset, int limit) {
        Where where = Where.of(accountId, criteria);
        Query query = em.createNativeQuery(COLUMNS + FROM + where.sql
                + (sort == null ? DossierSort.NUMBER : sort).orderBy(ascending)
                + " offset " + offset + " limit " + limit);
        where.bind(query);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(DossierQueries::row).toList();
    }

    /**
     * Guests arriving (or leaving) from {@code first} to {@code last} inclusive, by day then
     * accommodation; cancelled dossiers are left out, nobody comes.
     */
    public List<MovementRow> movements(long accountId, Movement movement, LocalDate first, LocalDate last) {
        Where where = movementsWhere(accountId, movement, first, last);
        Query query = em.createNativeQuery(movementColumns(movement) + FROM + where.sql + " order by "
                + String.join(", ", movementKeys(movement)));
        where.bind(query);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(DossierQueries::movementRow).toList();
    }

    /**
     * Arrivals and departures from {@code first} to {@code last} inclusive, by day then accommodation,
     * departures of a day first (the unit is cleaned before the next guests come): the housekeeping
     * list, read from the same lists as the arrivals and departures pages, without amounts nor contact.
     */
    @Requires(Permission.VIEW_CLEANING_LIST)
    public List<CleaningLine> cleaningList(long accountId, LocalDate first, LocalDate last) {
        List<CleaningLine> lines = new ArrayList<>();
        for (Movement movement : List.of(Movement.DEPARTURE, Movement.ARRIVAL)) {
            for (MovementRow row : movements(accountId, movement, first, last)) {
                LocalDate arrival = movement == Movement.ARRIVAL ? row.day() : row.day().minusDays(row.nights());
                lines.add(new CleaningLine(row.day(), movement, row.number(), row.accommodation(), arrival,
                        arrival.plusDays(row.nights()), row.persons()));
            }
        }
        lines.sort(Comparator.comparing(CleaningLine::day).thenComparing(CleaningLine::movement,
                Comparator.comparing(m -> m == Movement.DEPARTURE ? 0 : 1)).thenComparing(CleaningLine::accommodation));
        return lines;
    }

    /** How many movements {@link #movements} lists, counted without reading them. */
    public long countMovements(long accountId, Movement movement, LocalDate first, LocalDate last) {
        Where where = movementsWhere(accountId, movement, first, last);
        Query query = em.createNativeQuery("select count(*) from dossier d" + where.sql);
        where.bind(query);
        return ((Number) query.getSingleResult()).longValue();
    }

    /**
     * The movements after {@code lastKey} in the list's order ({@code null}: from the first),
     * {@code limit} at most, each with its key: the export job reads a list this way and restarts
     * after the key of the last movement it wrote.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<Keyed<MovementRow>> movementChunk(long accountId, Movement movement, LocalDate first, LocalDate last,
                                                  List<Serializable> lastKey, int limit) {
        return keyed(movementColumns(movement), movementsWhere(accountId, movement, first, last),
                movementKeys(movement), true, lastKey, limit, DossierQueries::movementRow);
    }

    private static Where movementsWhere(long accountId, Movement movement, LocalDate first, LocalDate last) {
        Where where = new Where(accountId);
        where.and("d.status <> 'CANCELLED'");
        where.and(movement.column + " between ? and ?", first, last);
        return where;
    }

    private static String movementColumns(Movement movement) {
        return "select d.id, d.number, " + movement.column + ", d.guest_last_name, d.guest_first_name, d.guest_phone, "
                + "a.name, d.departure - d.arrival, "
                + "(select coalesce(sum(dp.persons), 0) from dossier_party dp where dp.dossier_id = d.id), "
                + "d.total, d.deposit_amount, pay.paid, pay.refunded";
    }

    /** by day, accommodation, then number (unique within the account, so it settles every tie) */
    private static List<String> movementKeys(Movement movement) {
        return List.of(movement.column, "lower(a.name)", "d.number");
    }

    private static MovementRow movementRow(Object[] r) {
        DossierAmounts amounts = DossierAmounts.of(Money.of((BigDecimal) r[9]), Money.of((BigDecimal) r[10]),
                Money.of((BigDecimal) r[11]), Money.of((BigDecimal) r[12]));
        return new MovementRow(((Number) r[0]).longValue(), ((Number) r[1]).intValue(), localDate(r[2]),
                displayName((String) r[3], (String) r[4]), (String) r[5], (String) r[6], ((Number) r[7]).intValue(),
                ((Number) r[8]).intValue(), amounts.owed().amount());
    }

    /**
     * Reads a list in chunks by keyset: each statement starts after the previous chunk's last sort
     * key ({@code (k1, k2, id) > (…)}), where OFFSET would make the database walk and throw away
     * every row already exported, again for each chunk. The keys must all sort in the same
     * direction, never be null, and the last one must be unique.
     */
    private void inChunks(String columns, Where where, List<String> keys, boolean ascending, int chunk,
                          Consumer<Object[]> sink) {
        if (chunk < 1) {
            throw new IllegalArgumentException("a chunk is one row or more");
        }
        List<Object> last = null;
        while (true) {
            List<Object[]> rows = chunkAfter(columns, where, keys, ascending, last, chunk);
            rows.forEach(sink);
            if (rows.size() < chunk) {
                return;
            }
            last = lastKey(rows, keys);
        }
    }

    /**
     * One chunk of a keyset read: the rows after {@code last} (the sort key of the row read
     * before, null for the first chunk). The keys are selected after {@code columns}, so that
     * the last row read gives the next start.
     */
    private List<Object[]> chunkAfter(String columns, Where where, List<String> keys, boolean ascending,
                                      List<?> last, int chunk) {
        String direction = ascending ? " asc" : " desc";
        String keyList = String.join(", ", keys);
        StringBuilder sql = new StringBuilder(columns).append(", ").append(keyList).append(FROM).append(where.sql);
        if (last != null) {
            sql.append(" and (").append(keyList).append(ascending ? ") > (" : ") < (");
            for (int i = 0; i < keys.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append('?').append(where.parameters.size() + i + 1);
            }
            sql.append(')');
        }
        sql.append(" order by ").append(String.join(direction + ", ", keys)).append(direction)
                .append(" limit ").append(chunk);
        Query query = em.createNativeQuery(sql.toString());
        where.bind(query);
        for (int i = 0; last != null && i < keys.size(); i++) {
            query.setParameter(where.parameters.size() + i + 1, last.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows;
    }

    private static List<Object> lastKey(List<Object[]> rows, List<String> keys) {
        Object[] last = rows.get(rows.size() - 1);
        return List.of(Arrays.copyOfRange(last, last.length - keys.size(), last.length));
    }

    /** A row of a list in export order, with its sort key (to read on after it). */
    public record Keyed<R extends Serializable>(R row, List<Serializable> key) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /**
     * The dossiers of the search that come after {@code lastKey} in its order ({@code null}: from
     * the first), {@code limit} at most, each with its sort key: a batch job reads a whole search
     * this way and restarts after the key of the last dossier it wrote.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<Keyed<DossierRow>> chunk(long accountId, DossierCriteria criteria, DossierSort sort,
                                         boolean ascending, List<Serializable> lastKey, int limit) {
        return keyed(COLUMNS, Where.of(accountId, criteria), (sort == null ? DossierSort.NUMBER : sort).keys(),
                ascending, lastKey, limit, DossierQueries::row);
    }

    private <R extends Serializable> List<Keyed<R>> keyed(String columns, Where where, List<String> keys,
                                                          boolean ascending, List<Serializable> lastKey, int limit,
                                                          Function<Object[], R> row) {
        if (limit < 1) {
            throw new IllegalArgumentException("a chunk is one row or more");
        }
        return chunkAfter(columns, where, keys, ascending, lastKey, limit).stream()
                .map(r -> new Keyed<>(row.apply(r), Arrays.stream(r, r.length - keys.size(), r.length)
                        .map(Serializable.class::cast).toList()))
                .toList();
    }

    /** The id of the account's dossier with this number (the header's search box). */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Optional<Long> idOfNumber(long accountId, int number) {
        return em.createNativeQuery("select id from dossier where account_id = ?1 and number = ?2")
                .setParameter(1, accountId).setParameter(2, number).getResultStream().findFirst()
                .map(id -> ((Number) id).longValue());
    }

    /** The dossier page's content; another owner's dossier is "not found". */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public DossierView view(long accountId, long dossierId) {
        Dossier d = dossiers.find(accountId, dossierId).orElseThrow(() -> new NotFoundException("dossier", dossierId));
        DossierAmounts amounts = d.amounts();
        String promoCode = d.promoCodeId().map(id -> (String) em.createNativeQuery(
                "select code from promo_code where id = ?1").setParameter(1, id).getSingleResult()).orElse(null);
        return new DossierView(d.id(), d.number(), d.createdAt(), d.createdBy(), d.origin(), d.originSite().orElse(null),
                d.status(), d.cancelReason().orElse(null), d.optionExpiresAt().orElse(null), d.guest(),
                d.stays().stream().map(s -> new DossierView.Stay(s.position(), s.accommodation().id(),
                        s.accommodation().name(), d.partyOf(s.position()).stream()
                        .map(p -> new DossierView.Party(p.label(), p.persons())).toList(),
                        exemptionsOf(d.partyOf(s.position())))).toList(),
                d.stay().arrival(), d.stay().departure(), d.stay().nights(),
                d.party().stream().map(p -> new DossierView.Party(p.label(), p.persons())).toList(),
                d.lines().stream().map(l -> new DossierView.Line(l.kind(), l.label(), l.quantity(), l.amount(),
                        l.stay().orElse(null), l.referenceId())).toList(),
                amounts.total().amount(), amounts.deposit().amount(), d.depositDue().orElse(null),
                salesTerms.find(accountId).map(AccountSalesTerms::depositType).orElse(SalesTerms.DepositType.ARRHES),
                amounts.balance().amount(), d.balanceDueDate().orElse(null), amounts.paid().amount(),
                amounts.refunded().amount(), amounts.remaining().amount(), amounts.toRefund().amount(),
                d.payments().stream().map(p -> new DossierView.PaymentLine(p.kind(), p.paidOn(), p.amount(),
                        p.method(), p.reference())).toList(),
                d.signedContractReceived(), d.onlinePaymentAllowed(), promoCode, d.contractVersion(),
                d.termsAccepted().map(TermsAcceptance::version).orElse(null),
                d.termsAccepted().map(TermsAcceptance::acceptedAt).orElse(null),
                d.history().stream().map(e -> new DossierView.Event(e.at(), e.actor(), e.action(), e.detail()))
                        .toList());
    }

    private static DossierRow row(Object[] r) {
        DossierAmounts amounts = DossierAmounts.of(Money.of((BigDecimal) r[14]), Money.of((BigDecimal) r[17]),
                Money.of((BigDecimal) r[15]), Money.of((BigDecimal) r[16]));
        return DossierRow.of(((Number) r[0]).longValue(), ((Number) r[1]).intValue(), instant(r[2]),
                DossierStatus.valueOf((String) r[3]), (String) r[4], localDate(r[5]), localDate(r[6]),
                displayName((String) r[7], (String) r[8]), (String) r[9], (String) r[10], ((Number) r[11]).intValue(),
                Origin.valueOf((String) r[12]), (String) r[13], amounts);
    }

    /** The persons of one stay declared exempt from the tourist tax, by reason, its ranges added up. */
    private static Map<TaxExemption, Integer> exemptionsOf(List<PartyCount> party) {
        Map<TaxExemption, Integer> exempt = new EnumMap<>(TaxExemption.class);
        party.forEach(p -> p.exemptions().forEach((reason, n) -> exempt.merge(reason, n, Integer::sum)));
        return exempt;
    }

    private static String displayName(String lastName, String firstName) {
        return lastName.toUpperCase(Locale.ROOT) + " " + firstName;
    }


    /** The WHERE clause of a search and its parameters, numbered as they are added. */
    private static final class Where {
        private final StringBuilder sql = new StringBuilder(" where d.account_id = ?1");
        private final List<Object> parameters = new ArrayList<>();

        Where(long accountId) {
            parameters.add(accountId);
        }

        static Where of(long accountId, DossierCriteria c) {
            Where where = new Where(accountId);
            if (c.arrivalFrom() != null) {
                where.and("d.arrival >= ?", c.arrivalFrom());
            }
            if (c.arrivalTo() != null) {
                where.and("d.arrival <= ?", c.arrivalTo());
            }
            if (c.guest() != null) {
                String pattern = "%" + likeEscaped(c.guest().toLowerCase(Locale.ROOT)) + "%";
                where.and("(lower(d.guest_last_name || ' ' || d.guest_first_name) like ? escape '\\' "
                        + "or lower(d.guest_first_name || ' ' || d.guest_last_name) like ? escape '\\' "
                        + "or d.guest_email like ? escape '\\')", pattern, pattern, pattern);
            }
            if (c.accommodationId() != null) {
                // any of the dossier's accommodations, not only the first
                where.and("(d.accommodation_id = ? or exists (select 1 from dossier_stay ds where ds.dossier_id = d.id "
                        + "and ds.accommodation_id = ?))", c.accommodationId(), c.accommodationId());
            }
            if (c.number() != null) {
                where.and("d.number = ?", c.number());
            }
            if (c.status() != null) {
                where.and("d.status = ?", c.status().name());
            }
            if (c.origin() != null) {
                where.and("d.origin = ?", c.origin().name());
            }
            if (c.promoCode() != null) {
                where.and("pc.code = ?", c.promoCode().toUpperCase(Locale.ROOT));
            }
            switch (c.balance()) {
                // a cancelled dossier's total is its fee: it is neither paid nor unpaid, but cancelled
                case PAID -> where.sql.append(" and d.total - pay.paid <= 0 and d.status <> 'CANCELLED'");
                // a cancelled dossier is owed nothing, whatever its total
                case UNPAID -> where.sql.append(" and d.total - pay.paid > 0 and d.status <> 'CANCELLED'");
                case ANY -> { }
            }
            return where;
        }

        /** Appends "and condition", numbering each "?" of it. */
        private void and(String condition, Object... values) {
            StringBuilder numbered = new StringBuilder();
            int value = 0;
            for (char ch : condition.toCharArray()) {
                if (ch == '?') {
                    parameters.add(values[value++]);
                    numbered.append('?').append(parameters.size());
                } else {
                    numbered.append(ch);
                }
            }
            sql.append(" and ").append(numbered);
        }

        void bind(Query query) {
            for (int i = 0; i < parameters.size(); i++) {
                query.setParameter(i + 1, parameters.get(i));
            }
        }

        private static String likeEscaped(String text) {
            return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        }
    }
}
