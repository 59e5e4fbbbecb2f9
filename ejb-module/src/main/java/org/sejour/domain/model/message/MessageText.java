package org.sejour.domain.model.message;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.io.Serializable;
import java.util.Objects;

/** A rule's subject and text in one language. */
@Embeddable
public class MessageText implements Serializable {

    private static final long serialVersionUID = 1L;

    @Column(name = "lang", nullable = false)
    private String lang;
    @Column(name = "subject", nullable = false)
    private String subject;
    @Column(name = "body", nullable = false)
    private String body;

    protected MessageText() {
        // JPA
    }

    MessageText(String lang, String subject, String body) {
        this.lang = Objects.requireNonNull(lang, "lang is required");
        this.subject = Objects.requireNonNull(subject, "subject is required");
        this.body = Objects.requireNonNull(body, "body is required");
    }

    String lang() { return lang; }
    public String subject() { return subject; }
    public String body() { return body; }

    @Override
    public boolean equals(Object other) {
        return other instanceof MessageText that && lang.equals(that.lang) && subject.equals(that.subject)
                && body.equals(that.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(lang, subject, body);
    }
}
