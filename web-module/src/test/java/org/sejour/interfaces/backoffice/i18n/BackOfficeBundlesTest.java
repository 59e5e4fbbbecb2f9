package org.sejour.interfaces.backoffice.i18n;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sejour.domain.model.shared.Language;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The back office speaks the seven languages of the product: each translation of the back-office
 * bundle and of ValidationMessages has exactly the French base's keys, nothing empty, the same
 * arguments, and patterns that MessageFormat reads as meant (an apostrophe left single in a
 * pattern with arguments swallows the text after it).
 */
class BackOfficeBundlesTest {

    private static final String MESSAGES = "org/sejour/interfaces/backoffice/i18n/messages";
    private static final String VALIDATION = "ValidationMessages";
    /** French is the base file; its _fr file is empty on purpose (see messages_fr.properties). */
    private static final List<String> TRANSLATIONS = List.of("en", "de", "es", "ca", "it", "nl");
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)\\s*(?:,\\s*(\\w+))?");
    private static final Pattern NAMED = Pattern.compile("\\{([A-Za-z_][\\w.]*)}");
    private static final Pattern TAG = Pattern.compile("<[^>]+>|&\\w+;");

    static Stream<String> languages() {
        return Stream.concat(Stream.of("fr"), TRANSLATIONS.stream());
    }

    static Stream<Arguments> translations() {
        return Stream.of(MESSAGES, VALIDATION)
                .flatMap(bundle -> TRANSLATIONS.stream().map(language -> Arguments.of(bundle, language)));
    }

    /** The language switch offers every {@link Language}: each must have its bundles here. */
    @Test
    void coversEveryLanguageTheBackOfficeOffers() {
        assertEquals(Arrays.stream(Language.values()).map(Language::code).toList(), languages().toList());
    }

    @ParameterizedTest(name = "{0}_{1} has the base's keys, none empty")
    @MethodSource("translations")
    void hasExactlyTheBaseKeysAndNoEmptyValue(String bundle, String language) {
        Map<String, String> base = read(bundle + ".properties");
        Map<String, String> translated = read(bundle + "_" + language + ".properties");

        Set<String> missing = new TreeSet<>(base.keySet());
        missing.removeAll(translated.keySet());
        Set<String> extra = new TreeSet<>(translated.keySet());
        extra.removeAll(base.keySet());
        assertTrue(missing.isEmpty(), () -> "missing in " + language + ": " + missing);
        assertTrue(extra.isEmpty(), () -> "not in the base, in " + language + ": " + extra);
        List<String> empty = translated.entrySet().stream().filter(e -> e.getValue().isBlank())
                .map(Map.Entry::getKey).toList();
        assertTrue(empty.isEmpty(), () -> "empty in " + language + ": " + empty);
    }

    @ParameterizedTest(name = "{0}_{1} uses the base's arguments and markup")
    @MethodSource("translations")
    void usesTheSameArgumentsAndMarkupAsTheBase(String bundle, String language) {
        Map<String, String> base = read(bundle + ".properties");
        Map<String, String> translated = read(bundle + "_" + language + ".properties");
        List<String> differing = new ArrayList<>();
        translated.forEach((key, value) -> {
            String original = base.get(key);
            if (original != null && (!arguments(value).equals(arguments(original))
                    || !all(NAMED, value).equals(all(NAMED, original))
                    || !all(TAG, value).equals(all(TAG, original)))) {
                differing.add(key + " = " + value);
            }
        });
        assertTrue(differing.isEmpty(), () -> "arguments or markup differ from the base: " + differing);
    }

    /** The base and English are checked too: they are patterns like the others. */
    @ParameterizedTest(name = "messages in {0}: patterns format as written")
    @MethodSource("languages")
    void patternsFormatAsWritten(String language) {
        String file = language.equals("fr") ? MESSAGES + ".properties" : MESSAGES + "_" + language + ".properties";
        List<String> broken = new ArrayList<>();
        Locale locale = Locale.forLanguageTag(language);
        read(file).forEach((key, pattern) -> {
            String problem = quotingProblem(pattern, locale);
            if (problem != null) {
                broken.add(key + " (" + problem + "): " + pattern);
            }
        });
        assertTrue(broken.isEmpty(), () -> "badly quoted patterns: " + broken);
    }

    /** Faces and our own lookups resolve each language to its own file (the server's default locale is en). */
    @ParameterizedTest(name = "{0} resolves to its own bundle")
    @MethodSource("languages")
    void eachLanguageResolvesToItsOwnFile(String language) {
        Locale previous = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
        try {
            for (String bundle : List.of(MESSAGES.replace('/', '.'), VALIDATION)) {
                ResourceBundle resolved = ResourceBundle.getBundle(bundle, Locale.forLanguageTag(language));
                assertEquals(language, resolved.getLocale().getLanguage(), bundle);
            }
        } finally {
            Locale.setDefault(previous);
        }
    }

    /**
     * Null when MessageFormat gives back the pattern's text with each argument in place. Patterns
     * with arguments double every apostrophe; those without are shown as they are, so never do.
     */
    static String quotingProblem(String pattern, Locale locale) {
        Map<Integer, String> types = argumentTypes(pattern);
        if (types.isEmpty()) {
            return pattern.contains("''") ? "doubled apostrophe in a text without arguments" : null;
        }
        if (pattern.replace("''", "").contains("'")) {
            return "single apostrophe in a pattern with arguments";
        }
        int count = types.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
        Object[] samples = new Object[count];
        for (int i = 0; i < count; i++) {
            samples[i] = types.getOrDefault(i, "").isEmpty() ? "«" + i + "»" : 3;
        }
        String formatted;
        try {
            formatted = new MessageFormat(pattern, locale).format(samples);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        if (types.values().stream().allMatch(String::isEmpty)) {
            String expected = pattern.replace("''", "'");
            for (int i = 0; i < count; i++) {
                expected = expected.replace("{" + i + "}", "«" + i + "»");
            }
            return formatted.equals(expected) ? null : "formats as: " + formatted;
        }
        return formatted.contains("{") || formatted.contains("}") ? "formats as: " + formatted : null;
    }

    private static Map<Integer, String> argumentTypes(String pattern) {
        Map<Integer, String> types = new TreeMap<>();
        Matcher m = ARGUMENT.matcher(pattern);
        while (m.find()) {
            types.merge(Integer.valueOf(m.group(1)), m.group(2) == null ? "" : m.group(2),
                    (a, b) -> a.isEmpty() ? b : a);
        }
        return types;
    }

    private static Set<String> arguments(String pattern) {
        Set<String> found = new TreeSet<>();
        argumentTypes(pattern).forEach((index, type) -> found.add(index + (type.isEmpty() ? "" : "," + type)));
        return found;
    }

    private static Set<String> all(Pattern pattern, String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    /** The file as Java 9+ ResourceBundle reads it (UTF-8), refusing a key declared twice. */
    static Map<String, String> read(String resource) {
        Map<String, String> entries = new TreeMap<>();
        Properties strict = new Properties() {
            @Override
            public synchronized Object put(Object key, Object value) {
                if (entries.put((String) key, (String) value) != null) {
                    throw new IllegalStateException(resource + " declares " + key + " twice");
                }
                return super.put(key, value);
            }
        };
        try (InputStream in = BackOfficeBundlesTest.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no " + resource + " on the class path");
            }
            strict.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }
}
