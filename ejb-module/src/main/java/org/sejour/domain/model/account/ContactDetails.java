package org.sejour.domain.model.account;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.util.Objects;

/**
 * The owner's contact details, shown on the booking site, contracts and mails. The e-mail
 * is the reply-to of every mail sent to guests.
 */
@Embeddable
public class ContactDetails implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    @Column(name = "company_name")
    private String companyName;
    @Column(name = "first_name")
    private String firstName;
    @Column(name = "last_name")
    private String lastName;
    @Column(name = "email")
    private String email;
    @Column(name = "phone")
    private String phone;
    @Column(name = "mobile")
    private String mobile;
    @Column(name = "address")
    private String address;
    @Column(name = "postal_code")
    private String postalCode;
    @Column(name = "city")
    private String city;
    @Column(name = "country")
    private String country;
    @Column(name = "website")
    private String website;

    protected ContactDetails() {
        // JPA
    }

    public ContactDetails(String companyName, String firstName, String lastName, String email, String phone,
                          String mobile, String address, String postalCode, String city, String country,
                          String website) {
        this.companyName = blankToNull(companyName);
        this.firstName = required(firstName, "firstName");
        this.lastName = required(lastName, "lastName");
        this.email = required(email, "email").toLowerCase(java.util.Locale.ROOT);
        this.phone = required(phone, "phone");
        this.mobile = blankToNull(mobile);
        this.address = required(address, "address");
        this.postalCode = required(postalCode, "postalCode");
        this.city = required(city, "city");
        this.country = required(country, "country").toUpperCase(java.util.Locale.ROOT);
        this.website = blankToNull(website);
    }

    private static String required(String value, String name) {
        Objects.requireNonNull(value, name + " is required");
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value.strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public String companyName() { return companyName; }
    public String firstName() { return firstName; }
    public String lastName() { return lastName; }
    public String email() { return email; }
    public String phone() { return phone; }
    public String mobile() { return mobile; }
    public String address() { return address; }
    public String postalCode() { return postalCode; }
    public String city() { return city; }
    public String country() { return country; }
    public String website() { return website; }

    /** The name shown to guests: the company when there is one, else the person. */
    public String displayName() {
        if (companyName != null) {
            return companyName;
        }
        return firstName == null ? "" : firstName + " " + lastName;
    }
}
