package org.sejour.infrastructure.document;

import org.junit.jupiter.api.Test;
import org.sejour.application.privacy.GuestDataRenderer.Line;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A template still compiles after the compiler once failed to read its messages: in a JVM of its
 * own, where JDT has not loaded them yet, the messages are first remembered as missing (what a
 * jar closed under the lookup left behind after a crash restart), then a document is rendered.
 */
class CompiledTemplateTest {

    private static final String JDT_MESSAGES = "org.eclipse.jdt.internal.compiler.problem.messages";

    @Test
    void aTemplateCompilesAfterTheCompilersMessagesWereOnceMissing() throws Exception {
        Process run = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CompiledTemplateTest.class.getName())
                .redirectErrorStream(true).start();
        assertTrue(run.waitFor(120, TimeUnit.SECONDS), "the child JVM did not end");
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, run.exitValue(), output);
        assertTrue(output.contains("rendered %PDF"), output);
    }

    /** The child JVM: the messages remembered as missing, then a document rendered. */
    public static void main(String[] args) throws Exception {
        ClassLoader loader = CompiledTemplateTest.class.getClassLoader();
        // a lookup that finds nothing leaves the bundle cached as missing, as the closed jar did
        ResourceBundle.Control nothing = new ResourceBundle.Control() {
            @Override
            public ResourceBundle newBundle(String baseName, Locale locale, String format, ClassLoader l, boolean reload) {
                return null;
            }
        };
        assertThrows(MissingResourceException.class,
                () -> ResourceBundle.getBundle(JDT_MESSAGES, Locale.getDefault(), loader, nothing));
        assertThrows(MissingResourceException.class, () -> ResourceBundle.getBundle(JDT_MESSAGES, Locale.getDefault(), loader),
                "the bundle is remembered as missing");
        byte[] pdf = new JasperGuestDataRenderer().render("Personal data", "a guest",
                List.of(new Line("Dossier (1)", "guest last name", "García")));
        System.out.println("rendered " + new String(pdf, 0, 4, StandardCharsets.US_ASCII));
    }
}
