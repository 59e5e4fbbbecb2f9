package org.sejour.interfaces.web.booking;

import org.sejour.domain.model.dossier.Guest;
import org.sejour.domain.model.shared.Language;

import java.io.Serializable;
import java.util.regex.Pattern;

/** Who the guest is, as a booking form types it; each screen says what it requires. */
public class GuestForm implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final int MAX_EMAIL = 254;

    private String firstName;
    private String lastName;
    private String email;
    private String phone;
    private String address;
    private String postalCode;
    private String city;
    private String country = "FR";

    public Guest toGuest(Language language) {
        return new Guest(firstName, lastName, email, phone, address, postalCode, city, country, language);
    }

    /** An e-mail was typed, and it does not look like one. */
    public boolean emailMalformed() {
        return !isBlank(email) && (!EMAIL.matcher(email.strip()).matches() || email.strip().length() > MAX_EMAIL);
    }

    /** A country was typed, and it is not two letters. */
    public boolean countryMalformed() {
        return !isBlank(country) && !country.strip().matches("[A-Za-z]{2}");
    }

    public static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    public String getFirstName() { return firstName; }
    public void setFirstName(String v) { firstName = v; }
    public String getLastName() { return lastName; }
    public void setLastName(String v) { lastName = v; }
    public String getEmail() { return email; }
    public void setEmail(String v) { email = v; }
    public String getPhone() { return phone; }
    public void setPhone(String v) { phone = v; }
    public String getAddress() { return address; }
    public void setAddress(String v) { address = v; }
    public String getPostalCode() { return postalCode; }
    public void setPostalCode(String v) { postalCode = v; }
    public String getCity() { return city; }
    public void setCity(String v) { city = v; }
    public String getCountry() { return country; }
    public void setCountry(String v) { country = v; }
}
