package org.sejour.interfaces.backoffice.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.sejour.application.audit.AuditEntry;

import java.io.Serializable;
import java.util.List;

/**
 * An audit trail row in words: who (a login, a visitor of the public pages, or Séjour itself),
 * on what, and each changed field with its value before and after. The fields an owner knows
 * by a name have one in the bundles (audit.field.*); the others, and every value, are shown as
 * the database holds them, marked as code: the trail is the record, and a word put on a stored
 * value could drift from what was stored.
 */
@Named
@ApplicationScoped
public class AuditTexts {

    /**
     * One changed field as shown.
     *
     * @param named whether {@code label} is a word from the bundles (else the column's name)
     */
    public record Line(String label, boolean named, String before, String after, boolean redacted)
            implements Serializable {
    }

    public String actor(AuditEntry entry) {
        return switch (entry.actorKind()) {
            case USER -> entry.actorLogin() == null ? "#?" : entry.actorLogin();
            case PUBLIC -> Faces.text("audit.actor.public");
            case SYSTEM -> Faces.text("audit.actor.system");
        };
    }

    public String subject(AuditEntry entry) {
        return Faces.text("audit.subject." + entry.subject());
    }

    /** The table and the row's key, as the database names them. */
    public String object(AuditEntry entry) {
        return entry.table() + " " + entry.objectKey();
    }

    public String action(AuditEntry entry) {
        return Faces.text("audit.action." + entry.action());
    }

    public List<Line> changes(AuditEntry entry) {
        return entry.changes().stream().map(AuditTexts::line).toList();
    }

    private static Line line(AuditEntry.Change change) {
        String key = "audit.field." + change.field();
        String word = Faces.text(key);
        boolean named = !word.equals(key);
        return new Line(named ? word : change.field(), named, change.before(), change.after(), change.redacted());
    }
}
