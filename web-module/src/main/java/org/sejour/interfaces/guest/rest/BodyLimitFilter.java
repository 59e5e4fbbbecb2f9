package org.sejour.interfaces.guest.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import org.sejour.domain.model.shared.Language;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Refuses a request body above {@link #MAX_BYTES} before reading it: at once when its
 * Content-Length says so, else (a chunked body) as soon as the bytes read pass the limit, so
 * that a client cannot make the server take in megabytes only to refuse them afterwards.
 * Both answer 413 {@code payload-too-large}.
 */
@Provider
@PreMatching
public class BodyLimitFilter implements ContainerRequestFilter {

    /** A booking is about 1 KB: sixteen times that is no booking. */
    static final int MAX_BYTES = 16_384;

    @Context
    HttpHeaders headers;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > MAX_BYTES) {
            String lang = request.getUriInfo().getQueryParameters().getFirst("lang");
            request.abortWith(tooLarge(GuestLanguage.ofError(lang, headers)).response().build());
            return;
        }
        request.setEntityStream(new Bounded(request.getEntityStream()));
    }

    static Problem tooLarge(Language language) {
        return Problem.of("payload-too-large", 413, GuestTexts.text(language, "api.body.tooLarge"), null, List.of());
    }

    /** Thrown by the body's stream past the limit; ProblemMapper answers it with {@link #tooLarge}. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super("request body above " + MAX_BYTES + " bytes");
        }
    }

    /** The body as the resource reads it, failing on the first byte past the limit. */
    private static final class Bounded extends FilterInputStream {
        private long read;

        Bounded(InputStream body) {
            super(body);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int bytes) throws TooLarge {
            read += bytes;
            if (read > MAX_BYTES) {
                throw new TooLarge();
            }
        }
    }
}
