package org.sejour.it.bench;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sejour.application.CreatedOwner;
import org.sejour.application.document.ContractService;
import org.sejour.domain.model.dossier.Dossier;
import org.sejour.domain.model.dossier.Origin;
import org.sejour.it.PdfText;
import org.sejour.it.fixtures.DossierFixtures;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sejour.it.Timings.percentile;
import static org.sejour.it.Timings.time;
import static org.sejour.it.fixtures.DossierFixtures.MAY_FIRST;

/**
 * Contract PDFs (JasperReports, fonts embedded) of 32 dossiers booked through the real booking
 * service, rendered one after the other as the dossier page's download does, after a warm-up.
 * Not part of the suite: ./sejour bench ContractBenchmark. Target: p95 ≤ 300 ms per PDF.
 */
@ExtendWith(ArquillianExtension.class)
public class ContractBenchmark {

    private static final Logger LOG = Logger.getLogger(ContractBenchmark.class.getName());
    static final int GITES = 4;
    static final int WEEKS = 8;
    static final int WARMUP = 10;
    static final int ROUNDS = 3;

    @Inject
    DossierFixtures fixtures;
    @EJB
    ContractService contracts;

    @Test
    void measure() throws Exception {
        CreatedOwner owner = fixtures.owner("cbench", "Pw-" + UUID.randomUUID());
        List<Dossier> dossiers = new ArrayList<>();
        for (int g = 0; g < GITES; g++) {
            long gite = fixtures.gite(owner.accountId(), "Gîte des Érables " + (g + 1), "812.50");
            for (int w = 0; w < WEEKS; w++) {
                dossiers.add(fixtures.book(owner.accountId(), gite, MAY_FIRST.plusWeeks(w), "Hélène",
                        "Contrat" + (char) ('A' + g) + (char) ('A' + w), "contrat" + g + w + "@example.test",
                        Origin.PHONE, null, w % 2 == 0));
            }
        }
        long accountId = owner.accountId();
        AtomicInteger next = new AtomicInteger();
        AtomicLong bytes = new AtomicLong();
        double[] millis = time(WARMUP, ROUNDS * dossiers.size(), () -> {
            Dossier dossier = dossiers.get(next.getAndIncrement() % dossiers.size());
            bytes.addAndGet(contracts.contractOf(accountId, dossier.id()).length);
        });

        // what was timed is a real contract: its guest and accommodation are on it
        Dossier last = dossiers.get(dossiers.size() - 1);
        String text = PdfText.of(contracts.contractOf(accountId, last.id())).toUpperCase(Locale.ROOT);
        assertTrue(text.contains(last.guest().lastName().toUpperCase(Locale.ROOT))
                && text.contains("ÉRABLES"), "the contract names its guest and gîte");

        String report = String.format("contracts, %d PDFs of %d dossiers after %d warm-up renders: p50 %.0f ms,"
                        + " p95 %.0f ms, max %.0f ms (target p95 ≤ 300 ms); %.0f kB per PDF on average;"
                        + " load average %.1f%n",
                millis.length, dossiers.size(), WARMUP, percentile(millis, 50), percentile(millis, 95),
                millis[millis.length - 1], bytes.get() / 1e3 / (millis.length + WARMUP),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        LOG.info(report);
        Files.writeString(Path.of(System.getProperty("java.io.tmpdir"), "sejour-bench.txt"), report,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
