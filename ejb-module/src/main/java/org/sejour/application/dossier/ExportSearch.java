package org.sejour.application.dossier;

/** The search an export job writes out, as the owner ran it when they asked for it. */
public record ExportSearch(long accountId, DossierCriteria criteria, DossierSort sort, boolean ascending) {
}
