package org.sejour.infrastructure.document;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperExportManager;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import org.sejour.application.Failures;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One JRXML template of the documents (contract, receipt), compiled once, on first use, and
 * shared: filling it is thread-safe, compiling is not cheap (seconds). Fonts (DejaVu Sans,
 * embedded) come from the jasperreports-fonts extension the templates name.
 */
final class CompiledTemplate {

    private static final Logger LOG = Logger.getLogger(CompiledTemplate.class.getName());

    private final String resource;
    private volatile JasperReport report;

    CompiledTemplate(String resource) {
        this.resource = resource;
    }

    /** The template filled with these parameters and rows (the detail band), as PDF. */
    byte[] pdf(Map<String, Object> parameters, List<Map<String, ?>> rows) throws JRException {
        return JasperExportManager.exportReportToPdf(
                JasperFillManager.fillReport(compiled(), parameters, new JRMapCollectionDataSource(rows)));
    }

    private JasperReport compiled() {
        JasperReport compiled = report;
        if (compiled == null) {
            synchronized (this) {
                compiled = report;
                if (compiled == null) {
                    long start = System.nanoTime();
                    compiled = compile(true);
                    report = compiled;
                    LOG.log(Level.INFO, "Template {0} compiled in {1} ms",
                            new Object[]{resource, (System.nanoTime() - start) / 1_000_000});
                }
            }
        }
        return compiled;
    }

    private JasperReport compile(boolean again) {
        try (InputStream in = CompiledTemplate.class.getResourceAsStream(resource)) {
            return JasperCompileManager.compileReport(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JRException e) {
            // The compiler (JDT) could not read its messages: seen while Payara, still starting after
            // a crash, closed the jar they are in under the outbox's first contract ("zip file
            // closed"). ResourceBundle remembers such a bundle as missing until the JVM ends, so
            // every later compilation failed too: forget it, and try once more.
            boolean messagesMissing = Failures.causedBy(e, MissingResourceException.class);
            if (messagesMissing) {
                ResourceBundle.clearCache(JasperCompileManager.class.getClassLoader());
            }
            if (!messagesMissing || !again) {
                throw new IllegalStateException("the template " + resource + " does not compile", e);
            }
            LOG.log(Level.WARNING, "Template " + resource + " did not compile; trying again", e);
            return compile(false);
        }
    }
}
