package org.sejour.infrastructure.document;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sejour.application.document.PoliceFormRenderer.Child;
import org.sejour.application.document.PoliceFormRenderer.Host;
import org.sejour.application.document.PoliceFormRenderer.Page;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sejour.infrastructure.document.JasperContractRendererTest.ARTIFACTS;
import static org.sejour.infrastructure.document.JasperContractRendererTest.pdftotext;

/** Two foreign guests, a child on the first one's form: two pages, read back with pdftotext. */
class JasperPoliceFormRendererTest {

    @BeforeAll
    static void tools() throws IOException {
        Files.createDirectories(ARTIFACTS);
    }

    @Test
    void onePagePerForeignGuestWithTheLawsFieldsAndTheChildOnTheFirst() throws Exception {
        Path file = ARTIFACTS.resolve("police-forms.pdf");
        Files.write(file, new JasperPoliceFormRenderer().render(
                new Host("Camille Rousseau", "Gîte les Lauriers", "1 chemin, 05000 Gap"), 19,
                LocalDate.of(2027, 5, 1), LocalDate.of(2027, 5, 8), List.of(
                        new Page("García <script>alert(1)</script>", "Lucía", LocalDate.of(1985, 3, 14), "Sevilla",
                                "Espagne (ES)", "Calle Mayor 5\n41001 Sevilla", "+34 600 000 000",
                                "lucia@example.test", List.of(new Child("Pablo García", 9))),
                        new Page("Smith", "John", LocalDate.of(1980, 1, 2), "Leeds", "Royaume-Uni (GB)",
                                "1 High Street, Leeds", "+44 20 0000 0000", "john@example.test", List.of()))));
        String text = pdftotext(file);
        assertEquals(2, text.split("\f", -1).length - 1, "one page per guest: " + text);
        String first = text.split("\f")[0];
        assertTrue(first.contains("FICHE INDIVIDUELLE DE POLICE"), first);
        assertTrue(first.contains("García <script>alert(1)</script>"), "printed as typed, never markup: " + first);
        assertTrue(first.contains("14/03/1985"), first);
        assertTrue(first.contains("Sevilla"), first);
        assertTrue(first.contains("Espagne (ES)"), first);
        assertTrue(first.contains("Calle Mayor 5"), first);
        assertTrue(first.contains("lucia@example.test"), first);
        assertTrue(first.contains("01/05/2027") && first.contains("08/05/2027"), first);
        assertTrue(first.contains("Pablo García (9 ans / years)"), first);
        assertTrue(first.contains("Camille Rousseau") && first.contains("Dossier n° 19"), first);
        String second = text.split("\f")[1];
        assertTrue(second.contains("Smith") && second.contains("Royaume-Uni (GB)"), second);
        assertTrue(!second.contains("Pablo"), "the child is on one form only: " + second);
    }
}
