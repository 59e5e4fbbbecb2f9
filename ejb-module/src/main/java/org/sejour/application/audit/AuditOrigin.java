package org.sejour.application.audit;

import java.util.Objects;
import java.util.Optional;

/**
 * Who is asking, and from where, for the request the current thread serves: set by the web
 * module around each request that may change something, read by the audit interceptor (infrastructure) when
 * a transaction begins to write. A thread without one is the server's own work (timers, jobs).
 *
 * @param userId the signed-in user (an owner, a staff member or the operator), or null for a
 *               visitor of the public pages and API
 * @param clientAddress the request's address
 */
public record AuditOrigin(Long userId, String clientAddress) {

    private static final ThreadLocal<AuditOrigin> CURRENT = new ThreadLocal<>();

    public AuditOrigin {
        Objects.requireNonNull(clientAddress, "clientAddress is required");
    }

    /** What the database's audit triggers read as sejour.actor. */
    public String actor() {
        return userId == null ? "PUBLIC" : "USER:" + userId;
    }

    public static Optional<AuditOrigin> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** For the span of one request; always paired with {@link #clear()} in a finally block. */
    public static void set(AuditOrigin origin) {
        CURRENT.set(Objects.requireNonNull(origin, "origin is required"));
    }

    public static void clear() {
        CURRENT.remove();
    }
}
