package org.sejour.domain.model.message;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words in braces an owner may write in a message's subject or text, replaced when it goes
 * out by the dossier's values in the guest's language ({@code {guest}}, {@code {arrival}}…).
 */
public enum MessagePlaceholder {
    GUEST("guest"),
    FIRST_NAME("firstName"),
    ARRIVAL("arrival"),
    DEPARTURE("departure"),
    NIGHTS("nights"),
    ACCOMMODATION("accommodation"),
    ADDRESS("address"),
    ACCESS("access"),
    NUMBER("number"),
    TOTAL("total"),
    PAID("paid"),
    OWED("owed"),
    BOOKING_LINK("bookingLink"),
    /** the booking page's pre-arrival form: a rule "N days before arrival" links to it */
    PRE_ARRIVAL_LINK("preArrivalLink");

    static final Pattern TOKEN = Pattern.compile("\\{([A-Za-z]+)}");

    private final String token;

    MessagePlaceholder(String token) {
        this.token = token;
    }

    /** The name between the braces. */
    public String token() {
        return token;
    }

    public static Optional<MessagePlaceholder> of(String token) {
        return Arrays.stream(values()).filter(p -> p.token.equals(token)).findFirst();
    }

    /** The names in braces of this text that are no placeholder, in their order (a typo the owner would send). */
    public static Set<String> unknownIn(String text) {
        Set<String> unknown = new LinkedHashSet<>();
        Matcher m = TOKEN.matcher(text == null ? "" : text);
        while (m.find()) {
            if (of(m.group(1)).isEmpty()) {
                unknown.add(m.group(1));
            }
        }
        return unknown;
    }

    /** The text with each placeholder replaced by its value; a name in braces that is no placeholder is left as written. */
    public static String fill(String text, Function<MessagePlaceholder, String> values) {
        Matcher m = TOKEN.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = of(m.group(1)).map(values).orElse(m.group());
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    @Override
    public String toString() {
        return "{" + token + "}";
    }
}
