package org.sejour.interfaces.guest.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A booking: the stay, the guest, the terms version the guest accepted, where the booking comes from. */
@Schema(name = "BookingInput")
public class BookingInput extends StayInput {

    @NotNull(message = "{api.required}")
    @Valid
    public GuestInput guest;

    @Schema(description = "the terms version read from /terms: the guest accepted exactly these terms")
    @NotBlank(message = "{api.terms.required}")
    @Size(max = 64, message = "{api.text.tooLong}")
    public String acceptedTermsVersion;

    @Schema(description = "WIDGET (default) or BOOKING_SITE")
    @Pattern(regexp = "WIDGET|BOOKING_SITE", message = "{api.origin.invalid}")
    public String origin;

    @Schema(description = "the page the booking was made on, for the owner's statistics")
    @Size(max = 250, message = "{api.text.tooLong}")
    public String originSite;

    /** The guest as typed in the booking form; sizes are the dossier's columns. */
    @Schema(name = "GuestInput")
    public static class GuestInput {
        @NotBlank(message = "{api.required}")
        @Size(max = 80, message = "{api.text.tooLong}")
        public String firstName;
        @NotBlank(message = "{api.required}")
        @Size(max = 80, message = "{api.text.tooLong}")
        public String lastName;
        @NotBlank(message = "{api.required}")
        @Email(message = "{api.email.invalid}")
        @Size(max = 254, message = "{api.text.tooLong}")
        public String email;
        @Pattern(regexp = "[+0-9 ().-]{4,30}", message = "{api.phone.invalid}")
        public String phone;
        @Size(max = 250, message = "{api.text.tooLong}")
        public String address;
        @Size(max = 16, message = "{api.text.tooLong}")
        public String postalCode;
        @Size(max = 120, message = "{api.text.tooLong}")
        public String city;
        @Pattern(regexp = "[A-Za-z]{2}", message = "{api.country.invalid}")
        public String country;
    }
}
