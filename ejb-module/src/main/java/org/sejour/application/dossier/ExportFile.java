package org.sejour.application.dossier;

/** A finished export: its file name and the .xlsx bytes. */
public record ExportFile(String fileName, byte[] content) {
}
