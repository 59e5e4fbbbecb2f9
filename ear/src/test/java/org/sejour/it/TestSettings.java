package org.sejour.it;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** What ./sejour test tells the tests: ports, the test database, the generated credentials. */
public final class TestSettings {

    private TestSettings() {
    }

    public static String required(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + name + " is not set (run ./sejour test)");
        }
        return value;
    }

    public static String baseUrl() {
        return "http://localhost:" + required("sejour.test.httpPort") + "/";
    }

    /** The port the test domain's mail session sends to; a browser test can listen there with GreenMail. */
    public static int smtpPort() {
        return Integer.parseInt(required("sejour.test.smtpPort"));
    }

    public static String dbUrl() {
        return required("sejour.test.dbUrl");
    }

    /** A value from the credentials file that server-config generated for the test domain. */
    public static String credential(String key) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of(required("sejour.test.credentials")))) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String value = properties.getProperty(key);
        if (value == null) {
            throw new IllegalStateException("no " + key + " in the test credentials");
        }
        return value;
    }

    public static Path artifacts() {
        try {
            return Files.createDirectories(Path.of(required("sejour.test.artifacts")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
