package org.sejour.domain.model.document;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.io.Serializable;
import java.util.Objects;

/** One owner text in one language; the settings aggregates hand them out as TranslatedTexts. */
@Embeddable
public class DocumentText implements Serializable {

    private static final long serialVersionUID = 1L;

    @Column(name = "field", nullable = false)
    private String field;
    @Column(name = "lang", nullable = false)
    private String lang;
    @Column(name = "text", nullable = false)
    private String text;

    protected DocumentText() {
        // JPA
    }

    DocumentText(String field, String lang, String text) {
        this.field = Objects.requireNonNull(field, "field is required");
        this.lang = Objects.requireNonNull(lang, "lang is required");
        this.text = Objects.requireNonNull(text, "text is required");
    }

    String field() { return field; }
    String lang() { return lang; }
    String text() { return text; }

    @Override
    public boolean equals(Object other) {
        return other instanceof DocumentText that && field.equals(that.field) && lang.equals(that.lang)
                && text.equals(that.text);
    }

    @Override
    public int hashCode() {
        return Objects.hash(field, lang, text);
    }
}
