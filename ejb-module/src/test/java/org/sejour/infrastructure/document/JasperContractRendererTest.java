package org.sejour.infrastructure.document;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sejour.application.document.ContractDocument;
import org.sejour.application.document.ContractDocument.PriceLine;
import org.sejour.domain.model.dossier.DossierAmounts;
import org.sejour.domain.model.pricing.SalesTerms;
import org.sejour.domain.model.shared.Language;
import org.sejour.domain.model.shared.Money;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Renders the tutorial's week (1–8 May 2027, 500.00 € less a 50.00 € promotion, a cleaning
 * supplement, the tourist tax) in every dossier state and in French and English, and reads
 * the PDFs back with pdftotext, an independent reader.
 */
class JasperContractRendererTest {

    static final Path ARTIFACTS = Path.of(System.getProperty("sejour.test.artifacts", "target/test-artifacts"));
    static final JasperContractRenderer RENDERER = new JasperContractRenderer();

    @BeforeAll
    static void tools() throws IOException {
        Files.createDirectories(ARTIFACTS);
    }

    static ContractDocument contract(Language language, ContractDocument.State state, Money paid, boolean parts34) {
        boolean fr = language == Language.FR;
        Money total = Money.of("528.80");
        Money deposit = Money.of("150.00");
        return new ContractDocument(language,
                new ContractDocument.Owner("Gîtes de l'Étang", fr ? "EI Hélène Lefèvre — SIRET 123 456 789 00012"
                        : "EI Hélène Lefèvre — SIRET 123 456 789 00012", fr ? "Le calme au bord de l'eau" : "Peace by the water",
                        List.of("12 rue des Églantiers, 38000 Grenoble, FR", "+33 4 76 00 00 00 · helene@example.test"),
                        logo()),
                19, 1, LocalDate.of(2027, 3, 15), state,
                "MARTIN Claude", List.of("3 place Bellecour", "69002 Lyon FR", "claude@example.test"),
                "Gîte les Lauriers", List.of("1 chemin des Crêtes", "38000 Grenoble"),
                LocalDate.of(2027, 5, 1), LocalDate.of(2027, 5, 8),
                Optional.of(LocalTime.of(16, 0)), Optional.of(LocalTime.of(19, 0)), Optional.of(LocalTime.of(10, 0)),
                fr ? "En cas d'arrivée tardive, appelez-nous." : "If you arrive late, please call us.", "",
                List.of(new ContractDocument.Party(fr ? "Adulte" : "Adult", 2),
                        new ContractDocument.Party(fr ? "Enfant" : "Child", 1)),
                List.of(new PriceLine(fr ? "Hébergement (7 nuits)" : "Accommodation (7 nights)", 1, Money.of("450.00"),
                                Optional.of(Money.of("500.00")), false),
                        new PriceLine(fr ? "Promotion printemps" : "Spring offer", 1, Money.of("-50.00"), Optional.empty(), true),
                        new PriceLine(fr ? "Ménage de fin de séjour" : "Final cleaning", 1, Money.of("60.00"), Optional.empty(), false),
                        new PriceLine(fr ? "Taxe de séjour" : "Tourist tax", 1, Money.of("18.80"), Optional.empty(), false)),
                new DossierAmounts(total, deposit, Optional.of(LocalDate.of(2027, 3, 22)),
                        Optional.of(LocalDate.of(2027, 4, 1)), paid, Money.ZERO),
                SalesTerms.DepositType.ARRHES, Optional.of(Money.of("1250.00")),
                fr ? "Virement : IBAN FR76 3000 6000 0112 3456 7890 189" : "Bank transfer: IBAN FR76 3000 6000 0112 3456 7890 189",
                fr ? "Draps fournis. Animaux non admis." : "Bed linen provided. No pets.",
                fr ? "Hélène Lefèvre\nBien cordialement" : "Hélène Lefèvre\nKind regards",
                stateText(fr, state), parts34 ? List.of(photo(new Color(70, 130, 180)), photo(new Color(60, 140, 80))) : List.of(),
                parts34 ? (fr ? "Article 1 — La location prend effet à réception des arrhes. Toute réservation engage le client."
                        : "Article 1 — The rental starts on receipt of the deposit.") : null);
    }

    static String stateText(boolean fr, ContractDocument.State state) {
        return switch (state) {
            case OPTION_AWAITING_PAYMENT -> fr ? "Votre option sera confirmée à réception des arrhes." : "Your option is confirmed once the deposit is received.";
            case BALANCE_AWAITING_PAYMENT -> fr ? "Merci de régler le solde avant votre arrivée." : "Please pay the balance before your arrival.";
            case PAID -> fr ? "Votre séjour est entièrement réglé, à bientôt !" : "Your stay is fully paid, see you soon!";
            case CANCELLED -> "";
        };
    }

    @ParameterizedTest
    @CsvSource({
            "FR, OPTION_AWAITING_PAYMENT, 0.00",
            "FR, BALANCE_AWAITING_PAYMENT, 150.00",
            "FR, PAID, 528.80",
            "EN, OPTION_AWAITING_PAYMENT, 0.00",
            "EN, BALANCE_AWAITING_PAYMENT, 150.00",
            "EN, PAID, 528.80"})
    void everyStateInFrenchAndEnglish(Language language, ContractDocument.State state, String paid) throws Exception {
        byte[] pdf = RENDERER.render(contract(language, state, Money.of(paid), true));
        Path file = ARTIFACTS.resolve("contract-" + language.code() + "-" + state + ".pdf");
        Files.write(file, pdf);
        String text = pdftotext(file);
        boolean fr = language == Language.FR;

        assertTrue(text.contains("Gîtes de l'Étang"), text);
        assertTrue(text.contains(fr ? "Le calme au bord de l'eau" : "Peace by the water"), text);
        assertTrue(text.contains(fr ? "Contrat de location" : "Rental contract"), text);
        assertTrue(text.contains(fr ? "Dossier n° 19 du 15 mars 2027" : "Booking no. 19 of March 15, 2027"), text);
        assertTrue(text.contains(fr ? "Arrivée le 1 mai 2027 entre 16h00 et 19h00" : "Arrival on May 1, 2027 between 4:00 PM and 7:00 PM"), text);
        assertTrue(text.contains(fr ? "Départ le 8 mai 2027 avant 10h00" : "Departure on May 8, 2027 before 10:00 AM"), text);
        assertTrue(text.contains(fr ? "7 nuits" : "7 nights"), text);
        assertTrue(text.contains(fr ? "2 × Adulte" : "2 × Adult"), text);
        assertTrue(text.contains(fr ? "500,00 €" : "€500.00"), "struck-out price\n" + text);
        assertTrue(text.contains(fr ? "450,00 €" : "€450.00"), text);
        assertTrue(text.contains(fr ? "528,80 €" : "€528.80"), "total\n" + text);
        assertTrue(text.contains(fr ? "Arrhes : 150,00 € à régler avant le 22 mars 2027"
                : "Deposit (arrhes): €150.00 to be paid by March 22, 2027"), text);
        assertTrue(text.contains(fr ? "1 250,00 €" : "€1,250.00"), "security deposit\n" + text);
        assertTrue(text.contains("FR76 3000 6000 0112 3456 7890 189"), text);
        assertTrue(text.contains(stateText(fr, state)), text);
        assertTrue(text.contains(fr ? "Conditions générales de vente" : "Terms and conditions of sale"), text);
        // issue 22: the balance (solde) is total − arrhes in every state, 378.80 and never the 528.80 left
        // to pay before any payment; what is left to pay has its own label
        assertTrue(text.contains(fr ? "Solde : 378,80 € à régler avant le 1 avril 2027"
                : "Balance: €378.80 to be paid by April 1, 2027"), text);
        assertFalse(text.contains(fr ? "Solde : 528,80" : "Balance: €528.80"), text);
        String paidText = fr ? paid.replace('.', ',') + " €" : "€" + paid;
        assertTrue(text.contains((fr ? "Déjà réglé : " : "Already paid: ") + paidText), text);
        Money left = Money.of("528.80").minus(Money.of(paid));
        String leftText = fr ? left.amount().toPlainString().replace('.', ',') + " €" : "€" + left.amount().toPlainString();
        assertTrue(text.contains((fr ? "Reste à payer : " : "Left to pay: ") + leftText), text);
    }

    @org.junit.jupiter.api.Test
    void aPageRenderedAsAnImageForTheEye() throws Exception {
        Path file = ARTIFACTS.resolve("contract-page.pdf");
        Files.write(file, RENDERER.render(contract(Language.FR, ContractDocument.State.BALANCE_AWAITING_PAYMENT,
                Money.of("150.00"), true)));
        Process p = new ProcessBuilder("pdftoppm", "-png", "-r", "80", file.toString(),
                ARTIFACTS.resolve("contract-page").toString()).inheritIO().start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue());
        assertTrue(Files.exists(ARTIFACTS.resolve("contract-page-1.png")));
        String fonts = run("pdffonts", file.toString());
        assertTrue(fonts.contains("DejaVuSans"), fonts);
        assertFalse(fonts.contains("Helvetica"), "every font embedded\n" + fonts);
    }

    @org.junit.jupiter.api.Test
    void withoutPhotosAndTermsThosePartsAreLeftOut() throws Exception {
        Path file = ARTIFACTS.resolve("contract-short.pdf");
        Files.write(file, RENDERER.render(contract(Language.FR, ContractDocument.State.PAID, Money.of("528.80"), false)));
        String text = pdftotext(file);
        assertFalse(text.contains("Conditions générales de vente"), text);
        assertFalse(text.contains("Photos de l'hébergement"), text);
        assertTrue(text.contains("Dossier soldé"), text);
    }

    @org.junit.jupiter.api.Test
    void aGermanContractReadsAsAGermanWritesItAndIsRenderedForTheEye() throws Exception {
        Path file = ARTIFACTS.resolve("contract-de.pdf");
        Files.write(file, RENDERER.render(contract(Language.DE, ContractDocument.State.BALANCE_AWAITING_PAYMENT,
                Money.of("150.00"), true)));
        String text = pdftotext(file);
        assertTrue(text.contains("Mietvertrag"), text);
        assertTrue(text.contains("Buchung Nr. 19 vom 15. März 2027"), text);
        assertTrue(text.contains("Anreise am 1. Mai 2027 zwischen 16:00 und 19:00 Uhr"), text);
        assertTrue(text.contains("Abreise am 8. Mai 2027 bis 10:00 Uhr"), text);
        assertTrue(text.contains("7 Nächte"), text);
        assertTrue(text.contains("528,80 €"), "total\n" + text);
        assertTrue(text.contains("Anzahlung (Arrhes): 150,00 €, zahlbar bis zum 22. März 2027"), text);
        assertTrue(text.contains("Restzahlung: 378,80 €, zahlbar bis zum 1. April 2027"), text);
        assertTrue(text.contains("Bereits bezahlt: 150,00 €"), text);
        assertTrue(text.contains("Noch zu zahlen: 378,80 €"), text);
        assertTrue(text.contains("Kaution, bei Anreise zu hinterlegen: 1.250,00 €"), text);
        assertTrue(text.contains("Allgemeine Geschäftsbedingungen"), text);
        assertTrue(text.contains("Der Mieter, „gelesen und genehmigt“"), text);
        Process p = new ProcessBuilder("pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", file.toString(),
                ARTIFACTS.resolve("contract-de").toString()).inheritIO().start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue());
        assertTrue(Files.exists(ARTIFACTS.resolve("contract-de-1.png")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ES | Contrato de alquiler | Llegada el 1 de mayo de 2027 entre las 16:00 y las 19:00 | Señal (arras): 150,00 €, a abonar antes del 22 de marzo de 2027 | Fianza, a entregar a la llegada: 1.250,00 €",
            "CA | Contracte de lloguer | Arribada el dia 1 de maig de 2027 entre les 16:00 i les 19:00 | Paga i senyal (arres): 150,00 €, a pagar abans del dia 22 de març de 2027 | Fiança, a lliurar a l'arribada: 1.250,00 €",
            "IT | Contratto di locazione | Arrivo il giorno 1 maggio 2027 tra le 16:00 e le 19:00 | Caparra: 150,00 €, da versare entro il giorno 22 marzo 2027 | Cauzione da versare all'arrivo: 1.250,00 €",
            "NL | Huurovereenkomst | Aankomst op 1 mei 2027 tussen 16:00 en 19:00 uur | Aanbetaling (arrhes): € 150,00, te betalen vóór 22 maart 2027 | Borg, te voldoen bij aankomst: € 1.250,00"})
    void theOtherLanguagesToo(Language language, String title, String arrival, String deposit, String security)
            throws Exception {
        Path file = ARTIFACTS.resolve("contract-" + language.code() + ".pdf");
        Files.write(file, RENDERER.render(contract(language, ContractDocument.State.OPTION_AWAITING_PAYMENT,
                Money.ZERO, false)));
        String text = pdftotext(file);
        assertTrue(text.contains(title), text);
        assertTrue(text.contains(arrival), text);
        assertTrue(text.contains(deposit), text);
        assertTrue(text.contains(security), text);
    }

    static String pdftotext(Path pdf) throws Exception {
        return run("pdftotext", "-layout", pdf.toString(), "-").replace('\u00A0', ' ').replace('\u202F', ' ')
                .replaceAll(" {2,}", " ");
    }

    static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    static byte[] logo() {
        return png(new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB), new Color(200, 120, 40));
    }

    static byte[] photo(Color color) {
        return png(new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB), color);
    }

    static byte[] png(BufferedImage image, Color color) {
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.WHITE);
        g.fillOval(image.getWidth() / 4, image.getHeight() / 4, image.getWidth() / 2, image.getHeight() / 2);
        g.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
