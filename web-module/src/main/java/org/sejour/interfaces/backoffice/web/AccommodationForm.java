package org.sejour.interfaces.backoffice.web;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.sejour.domain.model.accommodation.AccommodationDetails;
import org.sejour.domain.model.accommodation.AccommodationType;
import org.sejour.domain.model.accommodation.Amenity;
import org.sejour.domain.model.accommodation.Classification;
import org.sejour.domain.model.accommodation.GpsPosition;
import org.sejour.domain.model.accommodation.Orientation;
import org.sejour.domain.model.accommodation.Visibility;
import org.sejour.domain.model.shared.InvalidInputException;
import org.sejour.domain.model.shared.Language;
import org.sejour.domain.model.shared.TranslatedText;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/** The accommodation form: single-field rules here, cross-field rules in {@link AccommodationDetails}. */
public class AccommodationForm implements Serializable {

    private static final long serialVersionUID = 1L;

    @NotBlank(message = "{field.required}") @Size(max = 120, message = "{field.tooLong}")
    private String name;
    private boolean stockManaged;
    @NotNull(message = "{field.required}")
    private AccommodationType type;
    @NotNull(message = "{field.required}")
    private Classification classification = Classification.NON_CLASSE;
    @Size(max = 120, message = "{field.tooLong}")
    private String residence;
    @NotBlank(message = "{field.required}") @Size(max = 250, message = "{field.tooLong}")
    private String address;
    @Size(max = 16, message = "{field.tooLong}")
    private String postalCode;
    @NotBlank(message = "{field.required}") @Size(max = 120, message = "{field.tooLong}")
    private String city;
    @DecimalMin(value = "-90", message = "{accommodation.latitude.range}")
    @DecimalMax(value = "90", message = "{accommodation.latitude.range}")
    @Digits(integer = 2, fraction = 6, message = "{accommodation.gps.digits}")
    private BigDecimal latitude;
    @DecimalMin(value = "-180", message = "{accommodation.longitude.range}")
    @DecimalMax(value = "180", message = "{accommodation.longitude.range}")
    @Digits(integer = 3, fraction = 6, message = "{accommodation.gps.digits}")
    private BigDecimal longitude;
    @Min(value = -500, message = "{accommodation.altitude.range}") @Max(value = 9000, message = "{accommodation.altitude.range}")
    private Integer altitude;
    @NotNull(message = "{field.required}") @Min(value = 1, message = "{accommodation.capacityMin.positive}")
    private Integer capacityMin = 1;
    @NotNull(message = "{field.required}") @Min(value = 1, message = "{accommodation.capacityMin.positive}")
    @Max(value = 200, message = "{accommodation.capacityMax.tooLarge}")
    private Integer capacityMax = 4;
    @DecimalMin(value = "0", inclusive = false, message = "{accommodation.surface.positive}")
    @Digits(integer = 6, fraction = 2, message = "{field.decimal}")
    private BigDecimal surface;
    @Min(value = -5, message = "{accommodation.floor.range}") @Max(value = 200, message = "{accommodation.floor.range}")
    private Integer floor;
    private Orientation orientation;
    @DecimalMin(value = "0", message = "{accommodation.securityDeposit.positive}")
    @Digits(integer = 10, fraction = 2, message = "{field.decimal}")
    private BigDecimal securityDeposit;
    @NotNull(message = "{field.required}")
    private Visibility visibility = Visibility.HIDDEN;
    private final Map<Language, String> description = new EnumMap<>(Language.class);
    private List<Amenity> amenities = new ArrayList<>();
    /** which translation of the description the form shows; not saved */
    private Language descriptionLanguage = Language.FR;

    public static AccommodationForm of(AccommodationDetails d) {
        AccommodationForm form = new AccommodationForm();
        form.name = d.name();
        form.stockManaged = d.stockManaged();
        form.type = d.type();
        form.classification = d.classification();
        form.residence = d.residence();
        form.address = d.address();
        form.postalCode = d.postalCode();
        form.city = d.city();
        if (d.gps() != null) {
            form.latitude = d.gps().latitude();
            form.longitude = d.gps().longitude();
        }
        form.altitude = d.altitude();
        form.capacityMin = d.capacityMin();
        form.capacityMax = d.capacityMax();
        form.surface = d.surface();
        form.floor = d.floor();
        form.orientation = d.orientation();
        form.securityDeposit = d.securityDeposit();
        form.visibility = d.visibility();
        form.description.putAll(d.description().asMap());
        form.amenities = new ArrayList<>(d.amenities());
        return form;
    }

    /** "Start from a copy": everything but the name, which the owner must give anew. */
    public static AccommodationForm copyOf(AccommodationDetails d) {
        AccommodationForm form = of(d);
        form.name = null;
        return form;
    }

    public AccommodationDetails toDetails() {
        if ((latitude == null) != (longitude == null)) {
            throw new InvalidInputException(latitude == null ? "latitude" : "longitude", "accommodation.gps.both");
        }
        GpsPosition gps = latitude == null ? null : new GpsPosition(latitude, longitude);
        return new AccommodationDetails(name, stockManaged, type, classification, residence, address, postalCode,
                city, gps, altitude, capacityMin == null ? 0 : capacityMin, capacityMax == null ? 0 : capacityMax,
                surface, floor, orientation, securityDeposit, visibility, TranslatedText.of(description),
                new HashSet<>(amenities));
    }

    public Map<Language, String> getDescription() { return description; }
    public Language getDescriptionLanguage() { return descriptionLanguage; }
    public void setDescriptionLanguage(Language language) { this.descriptionLanguage = language; }
    public boolean isFilledIn(Language language) {
        String text = description.get(language);
        return text != null && !text.isBlank();
    }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public boolean isStockManaged() { return stockManaged; }
    public void setStockManaged(boolean stockManaged) { this.stockManaged = stockManaged; }
    public AccommodationType getType() { return type; }
    public void setType(AccommodationType type) { this.type = type; }
    public Classification getClassification() { return classification; }
    public void setClassification(Classification classification) { this.classification = classification; }
    public String getResidence() { return residence; }
    public void setResidence(String residence) { this.residence = residence; }
    public String getAddress() { return address; }
    public void setAddress(String address) { this.address = address; }
    public String getPostalCode() { return postalCode; }
    public void setPostalCode(String postalCode) { this.postalCode = postalCode; }
    public String getCity() { return city; }
    public void setCity(String city) { this.city = city; }
    public BigDecimal getLatitude() { return latitude; }
    public void setLatitude(BigDecimal latitude) { this.latitude = latitude; }
    public BigDecimal getLongitude() { return longitude; }
    public void setLongitude(BigDecimal longitude) { this.longitude = longitude; }
    public Integer getAltitude() { return altitude; }
    public void setAltitude(Integer altitude) { this.altitude = altitude; }
    public Integer getCapacityMin() { return capacityMin; }
    public void setCapacityMin(Integer capacityMin) { this.capacityMin = capacityMin; }
    public Integer getCapacityMax() { return capacityMax; }
    public void setCapacityMax(Integer capacityMax) { this.capacityMax = capacityMax; }
    public BigDecimal getSurface() { return surface; }
    public void setSurface(BigDecimal surface) { this.surface = surface; }
    public Integer getFloor() { return floor; }
    public void setFloor(Integer floor) { this.floor = floor; }
    public Orientation getOrientation() { return orientation; }
    public void setOrientation(Orientation orientation) { this.orientation = orientation; }
    public BigDecimal getSecurityDeposit() { return securityDeposit; }
    public void setSecurityDeposit(BigDecimal securityDeposit) { this.securityDeposit = securityDeposit; }
    public Visibility getVisibility() { return visibility; }
    public void setVisibility(Visibility visibility) { this.visibility = visibility; }
    public List<Amenity> getAmenities() { return amenities; }
    public void setAmenities(List<Amenity> amenities) { this.amenities = amenities; }
}
