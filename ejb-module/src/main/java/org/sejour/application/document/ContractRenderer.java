package org.sejour.application.document;

/** Turns a contract into a PDF. */
public interface ContractRenderer {

    byte[] render(ContractDocument contract);
}
