package org.sejour.it.browser;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The browsers one test opens (register one per test class with @RegisterExtension): when the
 * test fails, each keeps its page and screenshot as evidence before anything closes it; after
 * each test, the test fails if a page broke its Content-Security-Policy, and each browser is
 * made new again ({@link Browser#reset}) for a later test, or closed if its test failed.
 */
public final class Browsers implements TestExecutionExceptionHandler, AfterEachCallback {

    private static final ExtensionContext.Namespace RUN = ExtensionContext.Namespace.create(Browsers.class);
    /** Chromium sessions between two tests, shared by the test classes of the run. */
    private static final Idle IDLE = new Idle();

    private final Map<String, Browser> open = new LinkedHashMap<>();

    /** The test's main browser; its evidence is named after the test method. */
    public Browser open() {
        return open("");
    }

    /** Another browser (another owner's, say); its evidence carries the role as a suffix. */
    public Browser open(String role) {
        Browser reused = IDLE.take();
        Browser browser = reused != null ? reused : new Browser();
        Browser replaced = open.put(role, browser);
        if (replaced != null) {
            release(replaced);
        }
        return browser;
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        String name = "failed-" + context.getRequiredTestMethod().getName();
        open.forEach((role, browser) -> browser.keepEvidence(role.isEmpty() ? name : name + "-" + role));
        throw failure;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        // the run's store closes what is idle at its end
        context.getRoot().getStore(RUN).getOrComputeIfAbsent(Idle.class, type -> IDLE, Idle.class);
        boolean failed = context.getExecutionException().isPresent();
        List<Browser> browsers = new ArrayList<>(open.values());
        open.clear();
        RuntimeException first = null;
        List<String> violations = new ArrayList<>();
        for (Browser browser : browsers) {
            try {
                // every page a test visits is also checked against its Content-Security-Policy
                violations.addAll(browser.policyViolations());
                if (failed) {
                    browser.close(); // whatever state it was left in stays out of the next test
                } else {
                    release(browser);
                }
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
        if (!violations.isEmpty()) {
            throw new AssertionError("the pages broke their Content-Security-Policy:\n" + String.join("\n", violations));
        }
    }

    /** Keeps a browser for a later test if it comes back new, else closes it. */
    private static void release(Browser browser) {
        boolean kept = false;
        try {
            kept = browser.reset();
        } catch (RuntimeException e) {
            // a session that does not come back clean is not worth keeping: a new one is started instead
        }
        if (kept) {
            IDLE.give(browser);
        } else {
            browser.close();
        }
    }

    /** The idle sessions; closed with the run. */
    private static final class Idle implements AutoCloseable {
        private final Deque<Browser> browsers = new ArrayDeque<>();

        synchronized Browser take() {
            return browsers.pollFirst();
        }

        synchronized void give(Browser browser) {
            browsers.addFirst(browser);
        }

        @Override
        public synchronized void close() {
            while (!browsers.isEmpty()) {
                browsers.pollFirst().close();
            }
        }
    }
}
