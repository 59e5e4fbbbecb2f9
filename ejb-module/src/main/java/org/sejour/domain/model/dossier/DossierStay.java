package org.sejour.domain.model.dossier;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.sejour.domain.model.accommodation.Accommodation;

import java.io.Serializable;
import java.util.Objects;

/**
 * One accommodation a dossier books, for the dossier's nights. A family renting two gîtes has one
 * dossier with two stays; each holds its own unit of stock, persons and price lines (by its
 * position), the dossier holds the guest, the nights and the one deposit and balance.
 */
@Entity
@Table(name = "dossier_stay")
public class DossierStay implements Serializable {

    private static final long serialVersionUID = 1L;
    /** More would be a group booking, which is not a dossier. */
    public static final int MAX_STAYS = 20;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "dossier_id", nullable = false, updatable = false)
    private Dossier dossier;
    @Column(name = "position", nullable = false)
    private int position;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "accommodation_id", nullable = false)
    private Accommodation accommodation;

    protected DossierStay() {
        // JPA
    }

    DossierStay(Dossier dossier, int position, Accommodation accommodation) {
        this.dossier = dossier;
        this.position = position;
        this.accommodation = Objects.requireNonNull(accommodation, "accommodation is required");
    }

    /** The same slot now holds another accommodation (a change of accommodation). */
    void move(Accommodation to) {
        this.accommodation = Objects.requireNonNull(to, "accommodation is required");
    }

    public int position() { return position; }
    public Accommodation accommodation() { return accommodation; }
}
