package org.sejour.it.browser;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The browsers one test opens (register one per test class with @RegisterExtension): when the
 * test fails, each keeps its page and screenshot as evidence before anything closes it; after
 * each test, all are closed, and the test fails if a page broke its Content-Security-Policy.
 */
public final class Browsers implements TestExecutionExceptionHandler, AfterEachCallback {

    private final Map<String, Browser> open = new LinkedHashMap<>();

    /** The test's main browser; its evidence is named after the test method. */
    public Browser open() {
        return open("");
    }

    /** Another browser (another owner's, say); its evidence carries the role as a suffix. */
    public Browser open(String role) {
        Browser browser = new Browser();
        Browser replaced = open.put(role, browser);
        if (replaced != null) {
            replaced.close();
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
        List<Browser> browsers = new ArrayList<>(open.values());
        open.clear();
        RuntimeException first = null;
        List<String> violations = new ArrayList<>();
        for (Browser browser : browsers) {
            try {
                // every page a test visits is also checked against its Content-Security-Policy
                violations.addAll(browser.policyViolations());
                browser.close();
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
}
