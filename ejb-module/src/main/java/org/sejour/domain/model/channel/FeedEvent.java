package org.sejour.domain.model.channel;

import org.sejour.domain.model.shared.StayPeriod;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * One event of an imported feed, reduced to what Séjour keeps: its identity, its nights and
 * a summary stripped of any guest name. The fallback key (nights + summary) finds the event
 * again when a platform rewrites its UIDs between two fetches.
 */
public record FeedEvent(String uid, StayPeriod nights, String summary, EventKind kind) {

    public static final int MAX_UID = 500;
    public static final int MAX_SUMMARY = 200;

    public FeedEvent {
        Objects.requireNonNull(nights, "nights are required");
        Objects.requireNonNull(kind, "kind is required");
        summary = summary == null ? "" : truncate(summary.strip(), MAX_SUMMARY);
        uid = uid == null || uid.isBlank() ? fallbackKey(nights, summary) : truncate(uid.strip(), MAX_UID);
    }

    public String fallbackKey() {
        return fallbackKey(nights, summary);
    }

    static String fallbackKey(StayPeriod nights, String summary) {
        String text = nights.arrival() + "/" + nights.departure() + "/" + summary.toLowerCase(Locale.ROOT);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
