package org.sejour.domain.model.channel;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a platform means by an event, read from its summary. Every kind closes its nights;
 * the kind only says, on the planning, whether a guest is behind it.
 */
public enum EventKind {
    /** Airbnb "Reserved", Vrbo/Abritel "Reserved - Name", "Réservée - Prénom". */
    RESERVATION,
    /** Airbnb "Airbnb (Not available)", Booking.com "CLOSED - Not available", Vrbo "Blocked". */
    CLOSED,
    /** Anything else a feed lists: it still takes the nights, a calendar entry means "busy". */
    OTHER;

    private static final Pattern RESERVED = Pattern.compile("^(reserved|reservee?|reservation|booked|booking)\\b.*");
    private static final Pattern CLOSED_WORDS = Pattern.compile(
            ".*\\b(not available|unavailable|closed|blocked|bloquee?|indisponible|ferme)\\b.*");

    public static EventKind of(String summary) {
        String plain = plain(summary);
        if (RESERVED.matcher(plain).matches()) {
            return RESERVATION;
        }
        return CLOSED_WORDS.matcher(plain).matches() ? CLOSED : OTHER;
    }

    /**
     * The summary without the guest's name that Vrbo/Abritel append ("Reserved - Name"):
     * Séjour keeps no personal data of another platform's guests.
     */
    public static String withoutGuestName(String summary) {
        if (summary == null) {
            return "";
        }
        String dashes = unifyDashes(summary).strip();
        if (of(dashes) == RESERVATION) {
            int dash = dashes.indexOf(" - ");
            return dash < 0 ? dashes : dashes.substring(0, dash).strip();
        }
        return dashes;
    }

    /** Booking.com writes "CLOSED - Not available" with a hyphen or an en dash, depending on the day. */
    static String unifyDashes(String text) {
        return text.replaceAll("[\\u2010-\\u2015\\u2212]", "-");
    }

    private static String plain(String summary) {
        String text = summary == null ? "" : unifyDashes(summary).strip().toLowerCase(Locale.ROOT);
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }
}
