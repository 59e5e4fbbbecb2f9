package org.sejour.interfaces.backoffice.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.sejour.application.audit.AuditEntry;

import java.util.List;

/**
 * An audit trail row in words: who (a login, a visitor of the public pages, or Séjour itself),
 * on what, and each changed field as "before → after". Fields keep the database's names (with
 * spaces): the trail is the record, and any name put on them could drift from what was stored.
 */
@Named
@ApplicationScoped
public class AuditTexts {

    private static final String ARROW = " → ";

    public String actor(AuditEntry entry) {
        return switch (entry.actorKind()) {
            case USER -> entry.actorLogin() == null ? "#?" : entry.actorLogin();
            case PUBLIC -> Faces.text("audit.actor.public");
            case SYSTEM -> Faces.text("audit.actor.system");
        };
    }

    public String object(AuditEntry entry) {
        return Faces.text("audit.subject." + entry.subject()) + " · " + entry.table().replace('_', ' ')
                + " " + entry.objectKey();
    }

    public String action(AuditEntry entry) {
        return Faces.text("audit.action." + entry.action());
    }

    public List<String> changes(AuditEntry entry) {
        return entry.changes().stream().map(AuditTexts::change).toList();
    }

    private static String change(AuditEntry.Change change) {
        String field = change.field().replace('_', ' ');
        if (change.redacted()) {
            return field + ": " + Faces.text("audit.change.redacted");
        }
        if (change.before() == null) {
            return field + ": " + change.after();
        }
        if (change.after() == null) {
            return field + ": " + change.before() + ARROW + "∅";
        }
        return field + ": " + change.before() + ARROW + change.after();
    }
}
