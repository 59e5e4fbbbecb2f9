package org.sejour.infrastructure.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;

import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * Tells a permanent SMTP refusal from a temporary failure. A 5xx reply (550 mailbox
 * unavailable, 553 address rejected…) or an address the server refused is permanent; no
 * connection, a timeout or a 4xx reply is temporary. The reply code is read by reflection
 * (getReturnCode) so the implementation classes of the server's Jakarta Mail need not be known.
 */
final class SmtpFailures {

    private SmtpFailures() {
    }

    static boolean isPermanent(Throwable failure) {
        for (Throwable t : chain(failure)) {
            int code = returnCode(t);
            if (code >= 500 && code < 600) {
                return true;
            }
            if (code >= 400 && code < 500) {
                return false;
            }
        }
        for (Throwable t : chain(failure)) {
            if (t instanceof SendFailedException sent && sent.getInvalidAddresses() != null
                    && sent.getInvalidAddresses().length > 0) {
                return true;
            }
        }
        return false;
    }

    /** The failure and everything it wraps, causes and Jakarta Mail's "next" exceptions alike. */
    static Set<Throwable> chain(Throwable failure) {
        Set<Throwable> seen = new HashSet<>();
        Deque<Throwable> todo = new ArrayDeque<>();
        todo.add(failure);
        while (!todo.isEmpty()) {
            Throwable t = todo.poll();
            if (t == null || !seen.add(t)) {
                continue;
            }
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
            if (t instanceof MessagingException m && m.getNextException() != null) {
                todo.add(m.getNextException());
            }
        }
        return seen;
    }

    static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t : chain(failure)) {
            if (!text.isEmpty()) {
                text.append(" | ");
            }
            int code = returnCode(t);
            text.append(code > 0 ? code + " " : "").append(t.getClass().getSimpleName()).append(": ")
                    .append(t.getMessage() == null ? "" : t.getMessage().strip());
        }
        return text.toString();
    }

    private static int returnCode(Throwable t) {
        try {
            Method method = t.getClass().getMethod("getReturnCode");
            return method.getReturnType() == int.class ? (int) method.invoke(t) : -1;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return -1;
        }
    }
}
