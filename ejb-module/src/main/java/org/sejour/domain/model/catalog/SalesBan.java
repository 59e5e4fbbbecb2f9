package org.sejour.domain.model.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.sejour.domain.model.shared.InvalidInputException;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** Nights the owner closed on the planning (interdiction de vente), first and last night included. */
@Entity
@Table(name = "sales_ban")
public class SalesBan implements Serializable {

    private static final long serialVersionUID = 1L;
    /** Two years of nights: enough to close a season, short enough to catch a mistyped year. */
    public static final int MAX_NIGHTS = 731;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "accommodation_id", nullable = false, updatable = false)
    private long accommodationId;
    @Column(name = "first_night", nullable = false, updatable = false)
    private LocalDate firstNight;
    @Column(name = "last_night", nullable = false, updatable = false)
    private LocalDate lastNight;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected SalesBan() {
        // JPA
    }

    public SalesBan(long accommodationId, LocalDate firstNight, LocalDate lastNight, Instant createdAt) {
        Rules.order(firstNight, lastNight, "nights", "salesBan.nights");
        if (ChronoUnit.DAYS.between(firstNight, lastNight) >= MAX_NIGHTS) {
            throw new InvalidInputException("nights", "salesBan.nights.tooLong");
        }
        this.accommodationId = accommodationId;
        this.firstNight = firstNight;
        this.lastNight = lastNight;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt is required");
    }

    public Long id() { return id; }
    public long accommodationId() { return accommodationId; }
    public LocalDate firstNight() { return firstNight; }
    public LocalDate lastNight() { return lastNight; }
    public Instant createdAt() { return createdAt; }

    public boolean closes(LocalDate night) {
        return !night.isBefore(firstNight) && !night.isAfter(lastNight);
    }
}
