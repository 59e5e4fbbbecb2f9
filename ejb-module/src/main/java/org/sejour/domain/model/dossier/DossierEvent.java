package org.sejour.domain.model.dossier;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** One line of a dossier's history: who did what, when. */
@Entity
@Table(name = "dossier_event")
public class DossierEvent implements Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "dossier_id", nullable = false, updatable = false)
    private Dossier dossier;
    @Column(name = "at", nullable = false)
    private Instant at;
    @Column(name = "actor", nullable = false)
    private String actor;
    @Column(name = "action", nullable = false)
    private String action;
    @Column(name = "detail")
    private String detail;

    protected DossierEvent() {
        // JPA
    }

    DossierEvent(Dossier dossier, Instant at, String actor, String action, String detail) {
        this.dossier = dossier;
        this.at = Objects.requireNonNull(at, "at is required");
        this.actor = Objects.requireNonNull(actor, "actor is required");
        this.action = Objects.requireNonNull(action, "action is required");
        this.detail = detail == null ? null : detail.substring(0, Math.min(detail.length(), 1000));
    }

    public Instant at() { return at; }
    public String actor() { return actor; }
    public String action() { return action; }
    public String detail() { return detail; }
}
