package org.sejour.domain.model.accommodation;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.sejour.domain.model.account.Account;
import org.sejour.domain.model.shared.InvalidInputException;
import org.sejour.domain.model.shared.Language;
import org.sejour.domain.model.shared.TranslatedText;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** A gîte, flat or chalet an owner sells; with stock management, a type of identical units. */
@Entity
@Table(name = "accommodation")
@NamedQuery(name = "Accommodation.ofAccount",
        query = "select a from Accommodation a where a.account.id = :accountId order by a.seq")
@NamedQuery(name = "Accommodation.byIdInAccount",
        query = "select a from Accommodation a where a.id = :id and a.account.id = :accountId")
public class Accommodation implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    public static final int MAX_PHOTOS = 20;
    public static final int MAX_ACCESS = 4000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id", nullable = false, updatable = false)
    private Account account;

    @Column(name = "seq", nullable = false, updatable = false)
    private int seq;

    @Column(name = "reference", nullable = false, updatable = false)
    private String reference;

    @Column(name = "name", nullable = false)
    private String name;
    @Column(name = "stock_managed", nullable = false)
    private boolean stockManaged;
    @Enumerated(EnumType.STRING)
    @Column(name = "type", nullable = false)
    private AccommodationType type;
    @Enumerated(EnumType.STRING)
    @Column(name = "classification", nullable = false)
    private Classification classification;
    @Column(name = "residence")
    private String residence;
    @Column(name = "address", nullable = false)
    private String address;
    @Column(name = "postal_code")
    private String postalCode;
    @Column(name = "city", nullable = false)
    private String city;
    @Column(name = "latitude")
    private BigDecimal latitude;
    @Column(name = "longitude")
    private BigDecimal longitude;
    @Column(name = "altitude")
    private Integer altitude;
    @Column(name = "capacity_min", nullable = false)
    private int capacityMin;
    @Column(name = "capacity_max", nullable = false)
    private int capacityMax;
    @Column(name = "surface")
    private BigDecimal surface;
    @Column(name = "floor")
    private Integer floor;
    @Enumerated(EnumType.STRING)
    @Column(name = "orientation")
    private Orientation orientation;
    @Column(name = "security_deposit")
    private BigDecimal securityDeposit;
    @Enumerated(EnumType.STRING)
    @Column(name = "visibility", nullable = false)
    private Visibility visibility;

    /** language code → text; codes rather than the enum keep the column readable in SQL */
    @ElementCollection
    @CollectionTable(name = "accommodation_description", joinColumns = @JoinColumn(name = "accommodation_id"))
    @MapKeyColumn(name = "lang")
    @Column(name = "text")
    private Map<String, String> description = new HashMap<>();

    /** How a guest gets in, per language code; only for guests with a booking ({access} in messages) */
    @ElementCollection
    @CollectionTable(name = "accommodation_access", joinColumns = @JoinColumn(name = "accommodation_id"))
    @MapKeyColumn(name = "lang")
    @Column(name = "text")
    private Map<String, String> access = new HashMap<>();

    @ElementCollection
    @CollectionTable(name = "accommodation_amenity", joinColumns = @JoinColumn(name = "accommodation_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "amenity")
    private Set<Amenity> amenities = new HashSet<>();

    @OneToMany(mappedBy = "accommodation", orphanRemoval = true, cascade = jakarta.persistence.CascadeType.ALL)
    @OrderBy("position")
    private List<AccommodationPhoto> photos = new ArrayList<>();

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    private int version;

    protected Accommodation() {
        // JPA
    }

    public Accommodation(Account account, AccommodationDetails details, Instant createdAt) {
        this.account = Objects.requireNonNull(account, "account is required");
        this.seq = account.nextAccommodationSeq();
        this.reference = account.accommodationReference(seq);
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt is required");
        describe(details);
    }

    public void describe(AccommodationDetails details) {
        Objects.requireNonNull(details, "details are required");
        name = details.name();
        stockManaged = details.stockManaged();
        type = details.type();
        classification = details.classification();
        residence = details.residence();
        address = details.address();
        postalCode = details.postalCode();
        city = details.city();
        latitude = details.gps() == null ? null : details.gps().latitude();
        longitude = details.gps() == null ? null : details.gps().longitude();
        altitude = details.altitude();
        capacityMin = details.capacityMin();
        capacityMax = details.capacityMax();
        surface = details.surface();
        floor = details.floor();
        orientation = details.orientation();
        securityDeposit = details.securityDeposit();
        visibility = details.visibility();
        description.clear();
        details.description().asMap().forEach((language, text) -> description.put(language.code(), text));
        amenities.clear();
        amenities.addAll(details.amenities());
    }

    public AccommodationDetails details() {
        return new AccommodationDetails(name, stockManaged, type, classification, residence, address, postalCode,
                city, gps().orElse(null), altitude, capacityMin, capacityMax, surface, floor, orientation,
                securityDeposit, visibility, description(), amenities());
    }

    public Long id() { return id; }
    public Long accountId() { return account.id(); }
    public String reference() { return reference; }
    public String name() { return name; }
    public boolean stockManaged() { return stockManaged; }
    public AccommodationType type() { return type; }
    public Classification classification() { return classification; }
    public String city() { return city; }
    public int capacityMin() { return capacityMin; }
    public int capacityMax() { return capacityMax; }
    public Visibility visibility() { return visibility; }
    public Optional<BigDecimal> securityDeposit() { return Optional.ofNullable(securityDeposit); }

    public Optional<GpsPosition> gps() {
        return latitude == null || longitude == null ? Optional.empty()
                : Optional.of(new GpsPosition(latitude, longitude));
    }

    public TranslatedText description() {
        return translated(description);
    }

    /** Replaces the instructions to get in, in every language at once. */
    public void giveAccess(TranslatedText instructions) {
        Objects.requireNonNull(instructions, "instructions are required (may be empty)");
        if (instructions.asMap().values().stream().anyMatch(text -> text.length() > MAX_ACCESS)) {
            throw new InvalidInputException("access", "accommodation.access.tooLong");
        }
        access.clear();
        instructions.asMap().forEach((language, text) -> access.put(language.code(), text));
    }

    public TranslatedText access() {
        return translated(access);
    }

    private static TranslatedText translated(Map<String, String> byCode) {
        Map<Language, String> texts = new EnumMap<>(Language.class);
        byCode.forEach((code, text) -> Language.fromCode(code).ifPresent(l -> texts.put(l, text)));
        return TranslatedText.of(texts);
    }

    public Set<Amenity> amenities() {
        return amenities.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(amenities));
    }

    public List<AccommodationPhoto> photos() {
        return List.copyOf(photos);
    }

    public Optional<AccommodationPhoto> coverPhoto() {
        return photos.stream().findFirst();
    }

    public AccommodationPhoto addPhoto(StoredImage image, String originalName, Instant when) {
        if (photos.size() >= MAX_PHOTOS) {
            throw new InvalidInputException("photos", "accommodation.photos.tooMany");
        }
        AccommodationPhoto photo = new AccommodationPhoto(this, photos.size(), image, originalName, when);
        photos.add(photo);
        return photo;
    }

    public AccommodationPhoto removePhoto(long photoId) {
        AccommodationPhoto photo = photo(photoId);
        photos.remove(photo);
        renumberPhotos();
        return photo;
    }

    /** Moves a photo by {@code offset} places (−1 earlier, +1 later), staying within the list. */
    public void movePhoto(long photoId, int offset) {
        AccommodationPhoto photo = photo(photoId);
        int from = photos.indexOf(photo);
        int to = Math.max(0, Math.min(photos.size() - 1, from + offset));
        photos.remove(from);
        photos.add(to, photo);
        renumberPhotos();
    }

    private AccommodationPhoto photo(long photoId) {
        return photos.stream().filter(p -> p.id() != null && p.id() == photoId).findFirst()
                .orElseThrow(() -> new org.sejour.domain.model.shared.NotFoundException("photo", photoId));
    }

    private void renumberPhotos() {
        for (int i = 0; i < photos.size(); i++) {
            photos.get(i).moveTo(i);
        }
    }
}
