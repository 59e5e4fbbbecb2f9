package org.sejour.domain.model.dossier;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * The owner's terms a guest accepted before booking: their version (a fingerprint of the text
 * and rules, see AccountSalesTerms#version) and the moment of acceptance. It is the proof of
 * what the guest agreed to, so it never changes once the dossier exists.
 */
@Embeddable
public class TermsAcceptance implements Serializable {

    private static final long serialVersionUID = 1L;

    @Column(name = "terms_version", updatable = false)
    private String version;
    @Column(name = "terms_accepted_at", updatable = false)
    private Instant acceptedAt;

    protected TermsAcceptance() {
        // JPA
    }

    public TermsAcceptance(String version, Instant acceptedAt) {
        Objects.requireNonNull(version, "the terms version is required");
        Objects.requireNonNull(acceptedAt, "the acceptance time is required");
        if (version.isBlank() || version.length() > 64) {
            throw new IllegalArgumentException("a terms version is 1 to 64 characters");
        }
        this.version = version;
        this.acceptedAt = acceptedAt;
    }

    public String version() { return version; }
    public Instant acceptedAt() { return acceptedAt; }

    @Override
    public boolean equals(Object o) {
        return o instanceof TermsAcceptance other && version.equals(other.version)
                && acceptedAt.equals(other.acceptedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(version, acceptedAt);
    }

    @Override
    public String toString() {
        return version + " @ " + acceptedAt;
    }
}
