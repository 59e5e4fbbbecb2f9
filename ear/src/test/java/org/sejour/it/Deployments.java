package org.sejour.it;

import com.icegreen.greenmail.util.GreenMail;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.Testable;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.sejour.it.browser.ExcelJsSheet;
import org.sejour.it.channels.ChannelBenchmark;
import org.sejour.it.channels.ChannelsIT;
import org.sejour.it.channels.FeedServer;
import org.sejour.it.channels.UnitExportFixtureServlet;
import org.sejour.it.guest.GuestApiFixtureServlet;
import org.sejour.it.payment.PaymentFixtureServlet;
import org.sejour.it.recovery.JobCrashFixtureServlet;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;

/**
 * The archive the tests deploy: always the EAR that Maven built from the real modules, never a
 * hand-picked list of classes, plus one web module of test code. {@link OneDeployment} deploys it
 * once for the whole suite.
 */
public final class Deployments {

    private Deployments() {
    }

    /**
     * The shipped application plus a web module, {@code /sejour-tests}, holding what runs inside
     * the server: the in-container tests and benchmarks (so that they see the EAR's EJBs), the
     * fixture servlets the browser and HTTP tests call, and the SMTP server the mail tests start.
     * Tests driving the application from outside ({@code @RunAsClient}) see it exactly as it ships.
     */
    @Deployment
    public static EnterpriseArchive suite() {
        EnterpriseArchive ear = ShrinkWrap.createFromZipFile(EnterpriseArchive.class, earFile());
        WebArchive tests = ShrinkWrap.create(WebArchive.class, "sejour-tests.war")
                .addPackages(false, "org.sejour.it.incontainer", "org.sejour.it.bench", "org.sejour.it.fixtures")
                .addClasses(ChannelsIT.class, ChannelBenchmark.class, FeedServer.class, UnitExportFixtureServlet.class,
                        GuestApiFixtureServlet.class, PaymentFixtureServlet.class, JobCrashFixtureServlet.class,
                        ExcelJsSheet.class)
                .addClasses(Deployments.class, TestSettings.class, Timings.class, PdfText.class, TestSmtp.class,
                        ServerLog.class, TestsWarAuthentication.class)
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
        for (Class<?> type : new Class<?>[] {GreenMail.class, LoggerFactory.class}) {
            tests.addAsLibrary(jarOf(type));
        }
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

    private static File jarOf(Class<?> type) {
        try {
            return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(EnterpriseArchive ear, String path) {
        try (InputStream in = ear.get(path).getAsset().openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
