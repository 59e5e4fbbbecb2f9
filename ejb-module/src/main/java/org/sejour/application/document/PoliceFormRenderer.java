package org.sejour.application.document;

import java.time.LocalDate;
import java.util.List;

/**
 * Prints the individual police forms (fiches individuelles de police, CESEDA R814-1 to R814-3)
 * of a dossier: one page per foreign guest aged 15 or over, to be signed on arrival.
 */
public interface PoliceFormRenderer {

    /** The host and the place, as each page names them. */
    record Host(String name, String lodging, String address) {
    }

    /** A child under 15 listed on an accompanying adult's form. */
    record Child(String name, int age) {
    }

    /** One page: one guest's answers, and the children listed on it. */
    record Page(String lastName, String firstNames, LocalDate birthDate, String birthPlace, String nationality,
                String homeAddress, String phone, String email, List<Child> children) {
        public Page {
            children = List.copyOf(children);
        }
    }

    byte[] render(Host host, int dossierNumber, LocalDate arrival, LocalDate departure, List<Page> pages);
}
