package org.sejour.domain.model.accommodation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;

/**
 * One photo of an accommodation. The image files live in the photo store under
 * {@link #storageKey()}; the row says which accommodation they belong to and in which order.
 */
@Entity
@Table(name = "accommodation_photo")
public class AccommodationPhoto implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "accommodation_id", nullable = false, updatable = false)
    private Accommodation accommodation;

    @Column(name = "position", nullable = false)
    private int position;

    @Column(name = "storage_key", nullable = false, updatable = false)
    private String storageKey;

    @Column(name = "width", nullable = false)
    private int width;

    @Column(name = "height", nullable = false)
    private int height;

    @Column(name = "size_bytes", nullable = false)
    private int sizeBytes;

    @Column(name = "original_name")
    private String originalName;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected AccommodationPhoto() {
        // JPA
    }

    AccommodationPhoto(Accommodation accommodation, int position, StoredImage image, String originalName,
                       Instant createdAt) {
        this.accommodation = Objects.requireNonNull(accommodation, "accommodation is required");
        this.position = position;
        Objects.requireNonNull(image, "image is required");
        this.storageKey = image.storageKey();
        this.width = image.width();
        this.height = image.height();
        this.sizeBytes = image.sizeBytes();
        this.originalName = originalName == null ? null
                : originalName.substring(0, Math.min(originalName.length(), 255));
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt is required");
    }

    public Long id() { return id; }
    public Accommodation accommodation() { return accommodation; }
    public int position() { return position; }
    public String storageKey() { return storageKey; }
    public int width() { return width; }
    public int height() { return height; }
    public int sizeBytes() { return sizeBytes; }
    public String originalName() { return originalName; }

    void moveTo(int newPosition) {
        this.position = newPosition;
    }
}
