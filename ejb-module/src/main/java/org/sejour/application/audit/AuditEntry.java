package org.sejour.application.audit;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One changed row as the audit trail holds it.
 *
 * @param actorLogin the signed-in user's login when they made the change, or null for a visitor of the public pages
 *                   ({@link ActorKind#PUBLIC}) and the server's own work ({@link ActorKind#SYSTEM})
 * @param objectKey  the row's key as the table has it ("12", or "dossier_id=7,position=2")
 * @param dossierId  the dossier the row belongs to, if any
 */
public record AuditEntry(String id, Instant occurredAt, ActorKind actorKind, String actorLogin, String clientAddress,
                         String table, String objectKey, Long dossierId, Action action, List<Change> changes)
        implements Serializable {

    public AuditEntry {
        Objects.requireNonNull(occurredAt, "occurredAt is required");
        Objects.requireNonNull(actorKind, "actorKind is required");
        Objects.requireNonNull(table, "table is required");
        Objects.requireNonNull(action, "action is required");
        changes = List.copyOf(changes);
    }

    public AuditSubject subject() {
        return AuditSubject.ofTable(table).orElseThrow();
    }

    public enum ActorKind { USER, PUBLIC, SYSTEM }

    public enum Action { INSERT, UPDATE, DELETE }

    /**
     * One column's change; {@code redacted} when the trail keeps no value for it (personal data,
     * secrets), only that it changed. Values as the database wrote them in JSON, null when absent.
     */
    public record Change(String field, String before, String after, boolean redacted) implements Serializable {
    }
}
