package org.sejour.application.privacy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * What Séjour holds about one guest of one owner: the JSON (every field, for a machine), the PDF
 * (the same, for a person), the dossiers it covers and the name the files go by.
 */
public record GuestExport(byte[] json, byte[] pdf, List<Integer> dossierNumbers, String fileName) {

    public GuestExport {
        json = json.clone();
        pdf = pdf.clone();
        dossierNumbers = List.copyOf(dossierNumbers);
    }

    @Override
    public byte[] json() {
        return json.clone();
    }

    @Override
    public byte[] pdf() {
        return pdf.clone();
    }

    /** Both files in one download: what the owner sends the guest. */
    public byte[] zip() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(fileName + ".json"));
            zip.write(json);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(fileName + ".pdf"));
            zip.write(pdf);
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
