package org.sejour.application.privacy;

import java.util.List;

/** Prints what Séjour holds about a guest as a PDF a person can read (the JSON says the same to a machine). */
public interface GuestDataRenderer {

    /** One line of the document: under a heading (a dossier, a receipt…), a field and its value. */
    record Line(String section, String field, String value) {
    }

    byte[] render(String title, String subtitle, List<Line> lines);
}
