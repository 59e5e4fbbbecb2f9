package org.sejour.domain.model.document;

/** The owner's texts on a contract; each is written in French and may be translated. */
public enum ContractField {
    /** Part 1: the identity line under the owner's name (legal form, registration…). */
    HEADER,
    SLOGAN,
    /** How to pay the deposit and the balance (bank details, cheque order…). */
    PAYMENT_TERMS,
    ARRIVAL_REMARKS,
    DEPARTURE_REMARKS,
    ADDITIONAL_INFO,
    /** The signature and closing block. */
    SIGNATURE,
    /** The text for an option awaiting its deposit. */
    STATE_OPTION,
    /** The text for a confirmed dossier whose balance is still due. */
    STATE_BALANCE,
    /** The text for a paid dossier. */
    STATE_PAID,
    /** Part 4: terms and conditions of sale. */
    TERMS
}
