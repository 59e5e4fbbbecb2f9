package org.sejour.it.browser;

import org.sejour.it.TestSettings;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Calls to the test-only servlets of the tests' web module (it.fixtures), which answer properties. */
final class FixtureRequests {

    private FixtureRequests() {
    }

    /** Posts {@code form} (URL-encoded already) to {@code sejour-tests/path}; the answer must be 200. */
    static Properties post(String path, String form) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(TestSettings.baseUrl() + "sejour-tests/" + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request,
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response::body);
            Properties properties = new Properties();
            properties.load(new StringReader(response.body()));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
