package org.sejour.it;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Properties;

/** Calls a test fixture servlet from outside the server; its answer is a properties text. */
public final class FixtureHttp {

    private FixtureHttp() {
    }

    /** POSTs the form (already URL-encoded) to the path under the base URL. */
    public static Properties post(String path, String form) {
        return send(HttpRequest.newBuilder(URI.create(TestSettings.baseUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    public static Properties get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create(TestSettings.baseUrl() + pathAndQuery)).build());
    }

    private static Properties send(HttpRequest request) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
            }
            Properties p = new Properties();
            p.load(new StringReader(response.body()));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
