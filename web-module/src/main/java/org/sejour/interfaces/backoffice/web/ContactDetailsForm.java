package org.sejour.interfaces.backoffice.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.sejour.domain.model.account.ContactDetails;

import java.io.Serializable;

/** The contact-details form, shared by the first-login wizard and the contact page. */
public class ContactDetailsForm implements Serializable {

    private static final long serialVersionUID = 1L;

    @Size(max = 120, message = "{field.tooLong}")
    private String companyName;
    @NotBlank(message = "{field.required}") @Size(max = 80, message = "{field.tooLong}")
    private String firstName;
    @NotBlank(message = "{field.required}") @Size(max = 80, message = "{field.tooLong}")
    private String lastName;
    @NotBlank(message = "{field.required}") @Email(message = "{field.email}") @Size(max = 254, message = "{field.tooLong}")
    private String email;
    @NotBlank(message = "{field.required}") @Pattern(regexp = "[+0-9 ().-]{6,30}", message = "{field.phone}")
    private String phone;
    @Pattern(regexp = "([+0-9 ().-]{6,30})?", message = "{field.phone}")
    private String mobile;
    @NotBlank(message = "{field.required}") @Size(max = 250, message = "{field.tooLong}")
    private String address;
    @NotBlank(message = "{field.required}") @Size(max = 16, message = "{field.tooLong}")
    private String postalCode;
    @NotBlank(message = "{field.required}") @Size(max = 120, message = "{field.tooLong}")
    private String city;
    @NotBlank(message = "{field.required}") @Pattern(regexp = "[A-Za-z]{2}", message = "{field.country}")
    private String country = "FR";
    @Size(max = 250, message = "{field.tooLong}") @Pattern(regexp = "(https?://\\S+)?", message = "{field.url}")
    private String website;

    public static ContactDetailsForm of(ContactDetails details) {
        ContactDetailsForm form = new ContactDetailsForm();
        form.companyName = details.companyName();
        form.firstName = details.firstName();
        form.lastName = details.lastName();
        form.email = details.email();
        form.phone = details.phone();
        form.mobile = details.mobile();
        form.address = details.address();
        form.postalCode = details.postalCode();
        form.city = details.city();
        form.country = details.country();
        form.website = details.website();
        return form;
    }

    public ContactDetails toDetails() {
        return new ContactDetails(companyName, firstName, lastName, email, phone, mobile, address, postalCode, city,
                country, website);
    }

    public String getCompanyName() { return companyName; }
    public void setCompanyName(String companyName) { this.companyName = companyName; }
    public String getFirstName() { return firstName; }
    public void setFirstName(String firstName) { this.firstName = firstName; }
    public String getLastName() { return lastName; }
    public void setLastName(String lastName) { this.lastName = lastName; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public String getMobile() { return mobile; }
    public void setMobile(String mobile) { this.mobile = mobile; }
    public String getAddress() { return address; }
    public void setAddress(String address) { this.address = address; }
    public String getPostalCode() { return postalCode; }
    public void setPostalCode(String postalCode) { this.postalCode = postalCode; }
    public String getCity() { return city; }
    public void setCity(String city) { this.city = city; }
    public String getCountry() { return country; }
    public void setCountry(String country) { this.country = country; }
    public String getWebsite() { return website; }
    public void setWebsite(String website) { this.website = website; }
}
