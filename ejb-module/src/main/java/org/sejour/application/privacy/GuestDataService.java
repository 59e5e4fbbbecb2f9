package org.sejour.application.privacy;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotNull;
import org.sejour.application.access.Requires;
import org.sejour.domain.model.account.Permission;
import org.sejour.domain.model.dossier.Dossier;
import org.sejour.domain.model.dossier.DossierRepository;
import org.sejour.domain.model.privacy.GuestRecords;
import org.sejour.domain.model.privacy.GuestRecords.Table;
import org.sejour.domain.model.shared.InvalidInputException;
import org.sejour.domain.model.shared.NotFoundException;
import org.sejour.domain.model.shared.SejourException;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A guest's rights over their data (docs/privacy.md), one method per privacy action so that each
 * can be recorded as such: {@link #export} (access, portability), {@link #erase} (erasure on
 * request), {@link #eraseIfDue} (erasure at the end of the owner's retention),
 * {@link #changeRetention}. The guest is the person of one dossier: the owner's dossiers with the
 * same e-mail (case-insensitive), or that dossier alone when it has none. Never another owner's.
 */
@Stateless
public class GuestDataService {

    private static final Logger LOG = Logger.getLogger(GuestDataService.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    public static final int MIN_RETENTION_YEARS = 2;
    public static final int MAX_RETENTION_YEARS = 30;

    @Inject
    GuestRecords records;
    @Inject
    GuestDataRenderer renderer;
    @Inject
    DossierRepository dossiers;
    @PersistenceContext(unitName = "sejour")
    EntityManager em;

    /** A privacy action, kept for the audit trail (V53), which names who did it and from where. */
    enum Action { EXPORT, ERASURE, RETENTION_ERASURE }

    /** The guest's data as JSON and PDF; another owner's dossier is not found. */
    @Requires(Permission.MANAGE_GUEST_DATA)
    public GuestExport export(long accountId, long dossierId) {
        Dossier picked = dossiers.find(accountId, dossierId).orElseThrow(() -> new NotFoundException("dossier", dossierId));
        List<Long> ids = records.dossiersOfGuest(accountId, dossierId);
        List<Table> tables = records.rowsOf(accountId, ids);
        List<Integer> numbers = records.numbers(accountId, ids);
        String name = picked.guest().firstName() + " " + picked.guest().lastName();
        String email = picked.guest().email();
        String matchedBy = email == null ? "dossier" : "email";
        byte[] json = json(accountId, name, email, matchedBy, numbers, tables);
        byte[] pdf = renderer.render("Données personnelles d'un client / Personal data of a guest",
                name + (email == null ? "" : " <" + email + ">") + " · "
                        + (numbers.size() == 1 ? "dossier n° " : "dossiers n° ") + join(numbers),
                lines(tables));
        record(accountId, dossierId, Action.EXPORT, numbers.size());
        LOG.log(Level.INFO, "Guest data of dossier {0} exported for account {1} ({2} dossiers)",
                new Object[]{dossierId, accountId, numbers.size()});
        return new GuestExport(json, pdf, numbers, "donnees-client-" + picked.number());
    }

    /**
     * Anonymises the guest of this dossier in all the owner's dossiers, in this one transaction
     * (docs/privacy.md says what goes and what accounting law keeps); answers the pseudonym the
     * guest now goes by. It cannot be undone. Another owner's dossier is not found.
     */
    @Requires(Permission.MANAGE_GUEST_DATA)
    public String erase(long accountId, long dossierId, @NotNull LocalDate today, @NotNull String actor) {
        Dossier picked = dossiers.find(accountId, dossierId).orElseThrow(() -> new NotFoundException("dossier", dossierId));
        if (picked.guestErasedOn().isPresent()) {
            throw new SejourException("privacy.alreadyErased");
        }
        List<Long> ids = records.dossiersOfGuest(accountId, dossierId);
        String lastName = "effacé n° " + picked.number();
        int erased = records.anonymise(accountId, ids, "Client", lastName, today, token());
        record(accountId, dossierId, Action.ERASURE, erased);
        LOG.log(Level.INFO, "Guest of dossier {0} erased by {1}, account {2} ({3} dossiers)",
                new Object[]{dossierId, actor, accountId, erased});
        return "Client " + lastName;
    }

    /**
     * For the retention job, in a transaction of its own per guest: anonymises the guest of this
     * dossier if it is still due on {@code today} (a guest already anonymised, or back for a stay
     * since, is left alone); answers how many dossiers it anonymised.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int eraseIfDue(long dossierId, Long onlyAccountId, @NotNull LocalDate today) {
        if (!records.dueForRetention(onlyAccountId, today, dossierId - 1, 1).equals(List.of(dossierId))) {
            return 0;
        }
        long accountId = records.accountOf(dossierId).orElseThrow();
        List<Long> ids = records.dossiersOfGuest(accountId, dossierId);
        int number = dossiers.find(accountId, ids.get(0)).map(Dossier::number).orElseThrow();
        int erased = records.anonymise(accountId, ids, "Client", "effacé n° " + number, today, token());
        record(accountId, dossierId, Action.RETENTION_ERASURE, erased);
        LOG.log(Level.INFO, "Guest of dossier {0} erased at the end of account {1}''s retention ({2} dossiers)",
                new Object[]{dossierId, accountId, erased});
        return erased;
    }

    /** The numbers of the owner's dossiers of the guest of this dossier: what an export or an erasure covers. */
    @Requires(Permission.VIEW_DOSSIERS)
    public List<Integer> dossierNumbersOfGuest(long accountId, long dossierId) {
        dossiers.find(accountId, dossierId).orElseThrow(() -> new NotFoundException("dossier", dossierId));
        return records.numbers(accountId, records.dossiersOfGuest(accountId, dossierId));
    }

    /** The day the guest of this dossier was anonymised, if they were. */
    @Requires(Permission.VIEW_DOSSIERS)
    public Optional<LocalDate> guestErasedOn(long accountId, long dossierId) {
        return dossiers.find(accountId, dossierId).orElseThrow(() -> new NotFoundException("dossier", dossierId))
                .guestErasedOn();
    }

    /** The dossiers above {@code afterId} whose guest is due for anonymisation, for the retention job's reader. */
    public List<Long> dueForRetention(Long onlyAccountId, @NotNull LocalDate today, long afterId, int size) {
        return records.dueForRetention(onlyAccountId, today, afterId, size);
    }

    public Optional<Integer> retentionYears(long accountId) {
        return records.retentionYears(accountId);
    }

    /** Guests anonymised this many years after their last departure; null: never. */
    @Requires(Permission.MANAGE_GUEST_DATA)
    public void changeRetention(long accountId, Integer years) {
        if (years != null && (years < MIN_RETENTION_YEARS || years > MAX_RETENTION_YEARS)) {
            throw new InvalidInputException("retentionYears", "privacy.retention.range");
        }
        records.changeRetentionYears(accountId, years);
        LOG.log(Level.INFO, "Guest data retention of account {0} set to {1} years", new Object[]{accountId, years});
    }

    private static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String join(List<Integer> numbers) {
        return String.join(", ", numbers.stream().map(String::valueOf).toList());
    }

    private static byte[] json(long accountId, String name, String email, String matchedBy, List<Integer> numbers,
                               List<Table> tables) {
        JsonObjectBuilder guest = Json.createObjectBuilder().add("name", name);
        if (email == null) {
            guest.addNull("email");
        } else {
            guest.add("email", email);
        }
        JsonArrayBuilder dossierNumbers = Json.createArrayBuilder();
        numbers.forEach(dossierNumbers::add);
        JsonObjectBuilder data = Json.createObjectBuilder();
        for (Table table : tables) {
            JsonArrayBuilder rows = Json.createArrayBuilder();
            for (Map<String, Object> row : table.rows()) {
                JsonObjectBuilder object = Json.createObjectBuilder();
                row.forEach((column, value) -> {
                    if (value == null) {
                        object.addNull(column);
                    } else if (value instanceof Long l) {
                        object.add(column, l);
                    } else if (value instanceof BigDecimal d) {
                        object.add(column, d);
                    } else if (value instanceof Boolean b) {
                        object.add(column, b);
                    } else {
                        object.add(column, value.toString());
                    }
                });
                rows.add(object);
            }
            data.add(table.name(), rows);
        }
        JsonWriterFactory factory = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonWriter writer = factory.createWriter(out, StandardCharsets.UTF_8)) {
            writer.writeObject(Json.createObjectBuilder()
                    .add("exportedAt", Instant.now().toString())
                    .add("account", accountId)
                    .add("guest", guest)
                    .add("matchedBy", matchedBy)
                    .add("dossierNumbers", dossierNumbers)
                    .add("data", data)
                    .build());
        }
        return out.toByteArray();
    }

    /** Each row of each table under its own heading, its filled fields one per line. */
    private static List<GuestDataRenderer.Line> lines(List<Table> tables) {
        List<GuestDataRenderer.Line> lines = new ArrayList<>();
        for (Table table : tables) {
            int n = 0;
            for (Map<String, Object> row : table.rows()) {
                String section = heading(table.name()) + (table.rows().size() > 1 ? " (" + ++n + ")" : "");
                row.forEach((column, value) -> {
                    if (value != null && !value.toString().isBlank()) {
                        lines.add(new GuestDataRenderer.Line(section, column.replace('_', ' '), value.toString()));
                    }
                });
            }
        }
        return lines;
    }

    private static String heading(String table) {
        return switch (table) {
            case "dossier" -> "Dossier";
            case "dossier_stay" -> "Hébergement réservé / Accommodation booked";
            case "dossier_party" -> "Participants / Party";
            case "dossier_line" -> "Ligne de prix / Price line";
            case "dossier_event" -> "Historique / History";
            case "payment" -> "Règlement / Payment";
            case "payment_attempt" -> "Paiement en ligne / Online payment";
            case "deposit_hold" -> "Caution / Security deposit";
            case "payment_difference" -> "Écart de paiement / Payment difference";
            case "invoice" -> "Reçu ou avoir / Receipt or credit note";
            case "invoice_line" -> "Ligne de reçu / Receipt line";
            case "contract_offer" -> "Contrat proposé / Contract offered";
            case "contract_version" -> "Contrat remplacé / Contract replaced";
            case "contract_acceptance" -> "Acceptation du contrat / Contract accepted";
            case "pre_arrival_form" -> "Fiche d'arrivée / Pre-arrival form";
            case "pre_arrival_person" -> "Personne / Person";
            case "outbox_mail" -> "Courriel / E-mail";
            case "outbox_attempt" -> "Envoi / Delivery attempt";
            case "message_sent" -> "Message programmé / Scheduled message";
            case "channel_conflict" -> "Conflit de canal / Channel conflict";
            default -> table;
        };
    }

    /** Through the persistence context's connection, where the audit trail's actor is set (AuditInterceptor). */
    private void record(long accountId, long dossierId, Action action, int dossierCount) {
        em.createNativeQuery("insert into privacy_action (account_id, dossier_id, kind, dossiers) values (?1, ?2, ?3, ?4)")
                .setParameter(1, accountId).setParameter(2, dossierId).setParameter(3, action.name())
                .setParameter(4, dossierCount).executeUpdate();
    }
}
