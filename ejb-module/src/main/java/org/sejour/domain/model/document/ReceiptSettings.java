package org.sejour.domain.model.document;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.sejour.domain.model.invoice.LegalMentions;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * What the owner's receipts say about them in law (see {@link LegalMentions}). One per
 * account; an account that never saved any prints none. A change applies to receipts issued
 * afterwards: each receipt keeps the mentions it was issued with.
 */
@Entity
@Table(name = "receipt_settings")
public class ReceiptSettings implements Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @Column(name = "account_id")
    private Long accountId;
    @Embedded
    private LegalMentions mentions = LegalMentions.none();
    @Version
    private int version;

    protected ReceiptSettings() {
        // JPA
    }

    public static ReceiptSettings defaultsFor(long accountId) {
        ReceiptSettings settings = new ReceiptSettings();
        settings.accountId = accountId;
        return settings;
    }

    /** What the settings page edits, as typed: {@link LegalMentions#of} checks it all before anything changes. */
    public record Changes(String legalName, String legalForm, String siret, String registration,
                          LegalMentions.VatStatus vatStatus, String vatNumber, BigDecimal vatRate, String numberPrefix) {
    }

    public void change(Changes changes) {
        Objects.requireNonNull(changes, "changes are required");
        mentions = LegalMentions.of(changes.legalName(), changes.legalForm(), changes.siret(), changes.registration(),
                changes.vatStatus(), changes.vatNumber(), changes.vatRate(), changes.numberPrefix());
    }

    public long accountId() { return accountId; }

    public LegalMentions mentions() {
        return mentions == null ? LegalMentions.none() : mentions.copy();
    }
}
