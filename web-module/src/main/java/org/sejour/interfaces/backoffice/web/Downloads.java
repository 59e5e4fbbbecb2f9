package org.sejour.interfaces.backoffice.web;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import org.sejour.infrastructure.export.Spreadsheet;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/** Sends a file as the response of a non-ajax request, in place of the page. */
final class Downloads {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private Downloads() {
    }

    /** Streams the sheet to the browser as an attachment and closes it. */
    static void send(String fileName, Spreadsheet sheet) {
        FacesContext context = FacesContext.getCurrentInstance();
        ExternalContext external = context.getExternalContext();
        try (sheet) {
            external.responseReset();
            external.setResponseContentType(XLSX);
            external.setResponseHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
            external.setResponseHeader("Cache-Control", "no-store");
            try (OutputStream out = external.getResponseOutputStream()) {
                sheet.writeTo(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        context.responseComplete();
    }
}
