package org.sejour.interfaces.backoffice.web;

import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** How the back office hands a PDF to the browser: shown inline, named, never cached by a proxy. */
public final class PdfResponse {

    private PdfResponse() {
    }

    public static void send(HttpServletResponse response, byte[] pdf, String fileName) throws IOException {
        response.setContentType("application/pdf");
        response.setHeader("Content-Disposition", "inline; filename=\"" + fileName + "\"");
        response.setHeader("Cache-Control", "private, no-store");
        response.setContentLength(pdf.length);
        response.getOutputStream().write(pdf);
    }
}
