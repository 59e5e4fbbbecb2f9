package org.sejour.domain.model.dossier;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.sejour.domain.model.shared.Language;

import java.io.Serializable;
import java.util.Locale;
import java.util.Objects;

/** The guest of a dossier, as given at booking time. */
@Embeddable
public class Guest implements Serializable {

    private static final long serialVersionUID = 1L;

    @Column(name = "guest_first_name", nullable = false)
    private String firstName;
    @Column(name = "guest_last_name", nullable = false)
    private String lastName;
    @Column(name = "guest_email")
    private String email;
    @Column(name = "guest_phone")
    private String phone;
    @Column(name = "guest_address")
    private String address;
    @Column(name = "guest_postal_code")
    private String postalCode;
    @Column(name = "guest_city")
    private String city;
    @Column(name = "guest_country")
    private String country;
    @Column(name = "guest_language", nullable = false)
    private String language;

    protected Guest() {
        // JPA
    }

    public Guest(String firstName, String lastName, String email, String phone, String address, String postalCode,
                 String city, String country, Language language) {
        this.firstName = required(firstName, "guest first name");
        this.lastName = required(lastName, "guest last name");
        this.email = blankToNull(email) == null ? null : email.strip().toLowerCase(Locale.ROOT);
        this.phone = blankToNull(phone);
        this.address = blankToNull(address);
        this.postalCode = blankToNull(postalCode);
        this.city = blankToNull(city);
        this.country = blankToNull(country) == null ? null : country.strip().toUpperCase(Locale.ROOT);
        this.language = Objects.requireNonNull(language, "guest language is required").code();
    }

    private static String required(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is required");
        }
        return value.strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public String firstName() { return firstName; }
    public String lastName() { return lastName; }
    public String email() { return email; }
    public String phone() { return phone; }
    public String address() { return address; }
    public String postalCode() { return postalCode; }
    public String city() { return city; }
    public String country() { return country; }
    public Language language() { return Language.fromCode(language).orElse(Language.FR); }

    /** "MARTIN Claude", as the planning and the dossier lists show a guest. */
    public String displayName() {
        return lastName.toUpperCase(Locale.ROOT) + " " + firstName;
    }
}
