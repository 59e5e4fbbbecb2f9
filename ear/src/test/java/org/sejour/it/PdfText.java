package org.sejour.it;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A PDF's text as poppler's pdftotext reads it, spaces folded, so that tests read documents as a guest would. */
public final class PdfText {

    private PdfText() {
    }

    public static String of(byte[] pdf) throws Exception {
        Path file = Files.createTempFile("sejour", ".pdf");
        try {
            Files.write(file, pdf);
            Process p = new ProcessBuilder("pdftotext", "-layout", file.toString(), "-").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("pdftotext did not end within 60 s");
            }
            return out.replace('\u00A0', ' ').replaceAll(" {2,}", " ");
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
