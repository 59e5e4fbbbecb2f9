package org.sejour.interfaces.guest.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Map;

/** A stay to quote or book: the accommodation, the dates, the party per age range, supplements, a code. */
@Schema(name = "StayInput")
public class StayInput {

    @NotNull(message = "{api.required}")
    @Min(value = 1, message = "{api.id.invalid}")
    public Long accommodationId;

    @Schema(description = "arrival day, ISO 8601", example = "2027-05-01")
    @NotNull(message = "{api.required}")
    @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}", message = "{api.date.invalid}")
    public String arrival;

    @NotNull(message = "{api.required}")
    @Min(value = 1, message = "{api.nights.range}")
    @Max(value = Inputs.MAX_NIGHTS, message = "{api.nights.range}")
    public Integer nights;

    @Schema(description = "persons per age range label, as the account's profile lists them", example = "{\"Adulte\": 2}")
    @NotNull(message = "{api.required}")
    @Size(min = 1, max = 10, message = "{api.party.size}")
    public Map<@NotBlank(message = "{api.required}") @Size(max = 60, message = "{api.text.tooLong}") String,
            @NotNull(message = "{api.required}") @Min(value = 0, message = "{api.count.range}")
            @Max(value = 200, message = "{api.count.range}") Integer> party;

    @Schema(description = "quantity per optional supplement id", example = "{\"12\": 1}")
    @Size(max = 20, message = "{api.supplements.size}")
    public Map<@NotNull(message = "{api.id.invalid}")
            @Pattern(regexp = "\\d{1,18}", message = "{api.id.invalid}") String,
            @NotNull(message = "{api.required}") @Min(value = 1, message = "{api.count.range}")
            @Max(value = 999, message = "{api.count.range}") Integer> supplements;

    @Size(max = 40, message = "{api.text.tooLong}")
    public String promoCode;
}
