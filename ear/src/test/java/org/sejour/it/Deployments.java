package org.sejour.it;

import org.jboss.arquillian.container.test.api.Testable;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The archives the tests deploy: always the EAR that Maven built from the real modules,
 * never a hand-picked list of classes.
 */
public final class Deployments {

    private Deployments() {
    }

    /** The application exactly as it ships, for tests that drive it from outside (HTTP, browser). */
    public static EnterpriseArchive application() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, earFile());
    }

    /**
     * The shipped application plus a small web module holding the test classes, so that
     * in-container tests run inside the EAR and see its EJBs.
     */
    public static EnterpriseArchive withTests(Class<?>... testClasses) {
        EnterpriseArchive ear = application();
        WebArchive tests = ShrinkWrap.create(WebArchive.class, "sejour-tests.war")
                .addClasses(testClasses)
                .addClasses(Deployments.class, TestSettings.class, Timings.class, PdfText.class, TestSmtp.class,
                        TestsWarAuthentication.class)
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
        ear.addAsModule(Testable.archiveToTest(tests));
        String applicationXml = read(ear, "META-INF/application.xml");
        ear.setApplicationXML(new StringAsset(applicationXml.replace("<library-directory>",
                "<module><web><web-uri>sejour-tests.war</web-uri><context-root>/sejour-tests</context-root></web></module>\n  <library-directory>")));
        return ear;
    }

    private static File earFile() {
        File ear = new File(TestSettings.required("sejour.ear"));
        if (!ear.isFile()) {
            throw new IllegalStateException("build the EAR first (mvn package): " + ear);
        }
        return ear;
    }

    private static String read(EnterpriseArchive ear, String path) {
        try (InputStream in = ear.get(path).getAsset().openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@link #withTests} plus libraries the tests need inside the server (an SMTP server for
     * the mail tests), taken from the test class path as jars.
     */
    public static EnterpriseArchive withTestsAndLibraries(List<Class<?>> fromJarsOf, Class<?>... testClasses) {
        EnterpriseArchive ear = withTests(testClasses);
        WebArchive tests = ear.getAsType(WebArchive.class, "sejour-tests.war");
        for (Class<?> type : fromJarsOf) {
            try {
                tests.addAsLibrary(new File(type.getProtectionDomain().getCodeSource().getLocation().toURI()));
            } catch (java.net.URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        return ear;
    }
}
