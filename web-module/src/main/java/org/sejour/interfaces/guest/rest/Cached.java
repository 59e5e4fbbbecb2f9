package org.sejour.interfaces.guest.rest;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Read-only answers that browsers and proxies may keep: an ETag that is a hash of the very bytes
 * sent (so it changes exactly when the answer does, whatever changed: the catalogue, the stock, a
 * photo, a translation), a short public max-age, and 304 Not Modified when the client already has them.
 */
final class Cached {

    private static final Jsonb JSON = JsonbBuilder.create();

    /** An answer written once: its JSON bytes and their tag, immutable, shareable between requests. */
    record Body(byte[] bytes, EntityTag tag) {
    }

    private Cached() {
    }

    static Body body(Object view) {
        byte[] bytes;
        try {
            bytes = JSON.toJson(view).getBytes(StandardCharsets.UTF_8);
        } catch (jakarta.json.bind.JsonbException e) {
            throw new IllegalStateException("cannot write " + view.getClass().getName(), e);
        }
        return new Body(bytes, new EntityTag(hash(bytes)));
    }

    static Response ok(Request request, Object view, int maxAgeSeconds) {
        return ok(request, body(view), maxAgeSeconds);
    }

    static Response ok(Request request, Body body, int maxAgeSeconds) {
        Response.ResponseBuilder notModified = request.evaluatePreconditions(body.tag());
        Response.ResponseBuilder answer = notModified != null ? notModified
                : Response.ok(body.bytes(), MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"));
        return answer.tag(body.tag()).header("Cache-Control", "public, max-age=" + maxAgeSeconds)
                .header("Vary", "Accept-Language, Origin").build();
    }

    private static String hash(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
