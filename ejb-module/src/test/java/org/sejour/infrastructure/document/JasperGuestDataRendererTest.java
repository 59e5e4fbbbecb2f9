package org.sejour.infrastructure.document;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sejour.application.privacy.GuestDataRenderer.Line;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sejour.infrastructure.document.JasperContractRendererTest.ARTIFACTS;
import static org.sejour.infrastructure.document.JasperContractRendererTest.pdftotext;

/** The guest's data printed under one heading per record, values as typed, read back with pdftotext. */
class JasperGuestDataRendererTest {

    @BeforeAll
    static void tools() throws IOException {
        Files.createDirectories(ARTIFACTS);
    }

    @Test
    void eachRecordUnderItsHeadingWithItsFields() throws Exception {
        Path file = ARTIFACTS.resolve("guest-data.pdf");
        Files.write(file, new JasperGuestDataRenderer().render("Données personnelles d'un client / Personal data of a guest",
                "Lucía García <lucia@example.test> · dossiers n° 3, 7", List.of(
                        new Line("Dossier (1)", "guest last name", "García <b>x</b>"),
                        new Line("Dossier (1)", "guest email", "lucia@example.test"),
                        new Line("Reçu ou avoir / Receipt or credit note", "buyer name", "García Lucía"),
                        new Line("Reçu ou avoir / Receipt or credit note", "payment amount", "150.00"))));
        String text = pdftotext(file);
        assertTrue(text.contains("Personal data of a guest"), text);
        assertTrue(text.contains("dossiers n° 3, 7"), text);
        assertTrue(text.contains("Dossier (1)"), text);
        assertTrue(text.contains("García <b>x</b>"), "printed as typed: " + text);
        assertTrue(text.indexOf("Receipt or credit note") < text.indexOf("payment amount"), text);
        assertTrue(text.contains("150.00"), text);
    }
}
