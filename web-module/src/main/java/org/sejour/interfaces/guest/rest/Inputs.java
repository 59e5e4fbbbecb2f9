package org.sejour.interfaces.guest.rest;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.stream.JsonParser;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.sejour.domain.model.shared.InvalidInputException;
import org.sejour.domain.model.shared.InvalidInputException.Violation;
import org.sejour.domain.model.shared.SejourException;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.StringJoiner;

/**
 * Reads the guest's input into values, refusing with the field at fault: query parameters are
 * taken as text and parsed here (JAX-RS would answer a badly typed query parameter with 404), and
 * bodies are checked against their Bean Validation limits, every violation reported at once.
 */
final class Inputs {

    static final int MAX_NIGHTS = 90;
    /** How far ahead a guest may look: beyond, no owner has rates yet and the calendars cost for nothing. */
    static final int MAX_YEARS_AHEAD = 3;

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    private Inputs() {
    }

    /**
     * How deeply a body may nest: a booking is three levels deep. Checked while the body is
     * walked, before JSON-B (whose binding recurses once per level) ever sees it; Parsson's own
     * bound (1,000) fails with a bare RuntimeException, not a JsonException.
     */
    static final int MAX_DEPTH = 16;
    private static final Jsonb JSON = JsonbBuilder.create();

    /** A body that is not one JSON object of the expected shape (broken, trailing text, wrong types). */
    static final class MalformedBody extends SejourException {
        private static final long serialVersionUID = 1L;

        MalformedBody() {
            super("api.body.malformed");
        }
    }

    /**
     * The body read strictly: exactly one JSON object, at most {@link #MAX_DEPTH} levels deep, and
     * nothing after it (JSON-B alone would read the first value and ignore what follows), then its
     * limits checked. Its size was bounded before it was read (BodyLimitFilter).
     */
    static <T> T body(String text, Class<T> type) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("body", "api.body.required");
        }
        if (!wellFormed(text)) {
            throw new MalformedBody();
        }
        T bound;
        try {
            bound = JSON.fromJson(text, type);
        } catch (RuntimeException e) {
            // JSON-B fails in more ways than JsonbException ([1,2] where a map is expected…): all are the body's fault
            throw new MalformedBody();
        }
        return checked(bound);
    }

    private static boolean wellFormed(String text) {
        try (JsonParser parser = Json.createParser(new StringReader(text))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                return false;
            }
            // walked event by event: the parser's skipObject() never returns on a truncated body
            for (int depth = 1; depth > 0; ) {
                switch (parser.next()) {
                    case START_OBJECT, START_ARRAY -> depth++;
                    case END_OBJECT, END_ARRAY -> depth--;
                    default -> {
                        // a value inside: nothing to count
                    }
                }
                if (depth > MAX_DEPTH) {
                    return false;
                }
            }
            return !parser.hasNext();
        } catch (JsonException | java.util.NoSuchElementException e) {
            return false;
        }
    }

    static <T> T checked(T body) {
        if (body == null) {
            throw new InvalidInputException("body", "api.body.required");
        }
        List<Violation> violations = new ArrayList<>();
        VALIDATOR.validate(body).stream()
                .sorted(Comparator.comparing((ConstraintViolation<T> v) -> v.getPropertyPath().toString()))
                .forEach(v -> violations.add(new Violation(field(v.getPropertyPath()), key(v.getMessageTemplate()))));
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return body;
    }

    /** "guest.email", "party": the properties only, not the map keys or values inside them. */
    private static String field(Path path) {
        StringJoiner field = new StringJoiner(".");
        path.forEach(node -> {
            if (node.getKind() == ElementKind.PROPERTY && node.getName() != null) {
                field.add(node.getName());
            }
        });
        return field.toString();
    }

    private static String key(String template) {
        return template.startsWith("{") && template.endsWith("}") ? template.substring(1, template.length() - 1)
                : "api.invalidInput";
    }

    static LocalDate date(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(field, "api.required");
        }
        try {
            LocalDate date = text.length() == 10 ? LocalDate.parse(text) : null;
            if (date != null && !date.isBefore(LocalDate.now().minusDays(1))
                    && !date.isAfter(LocalDate.now().plusYears(MAX_YEARS_AHEAD))) {
                return date;
            }
        } catch (DateTimeParseException e) {
            // answered below, like a date out of range
        }
        throw new InvalidInputException(field, "api.date.invalid");
    }

    static YearMonth month(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(field, "api.required");
        }
        try {
            YearMonth month = text.length() == 7 ? YearMonth.parse(text) : null;
            YearMonth now = YearMonth.now();
            if (month != null && !month.isBefore(now.minusMonths(1)) && !month.isAfter(now.plusYears(MAX_YEARS_AHEAD))) {
                return month;
            }
        } catch (DateTimeParseException e) {
            // answered below, like a month out of range
        }
        throw new InvalidInputException(field, "api.month.invalid");
    }

    static int number(String field, String text, int min, int max, int whenAbsent, String rangeKey) {
        if (text == null || text.isBlank()) {
            return whenAbsent;
        }
        try {
            int value = text.length() > 9 ? Integer.MIN_VALUE : Integer.parseInt(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below, like a number out of range
        }
        throw new InvalidInputException(field, rangeKey);
    }

    static List<Long> ids(String field, List<String> texts, int max) {
        if (texts == null || texts.isEmpty()) {
            throw new InvalidInputException(field, "api.required");
        }
        if (texts.size() > max) {
            throw new InvalidInputException(field, "api.accommodations.tooMany");
        }
        List<Long> ids = new ArrayList<>();
        for (String text : texts) {
            if (text == null || !text.matches("\\d{1,18}")) {
                throw new InvalidInputException(field, "api.id.invalid");
            }
            Long id = Long.valueOf(text);
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        return ids;
    }
}
