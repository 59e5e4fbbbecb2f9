package org.sejour.interfaces.guest.rest;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * An error as RFC 9457 problem details ({@code application/problem+json}), with the fields at
 * fault so that a form can show each message next to its input.
 */
@Schema(name = "Problem", description = "RFC 9457 problem details, with field-level errors for bad input")
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final Jsonb JSON = JsonbBuilder.create();

    @Schema(name = "FieldError")
    public record FieldError(String field, String message) {
    }

    static Problem of(String slug, int status, String title, String detail, List<FieldError> errors) {
        return new Problem("urn:sejour:problem:" + slug, title, status, detail, errors.isEmpty() ? null : errors);
    }

    Response.ResponseBuilder response() {
        return Response.status(status).type(MEDIA_TYPE + ";charset=UTF-8").entity(json())
                .header("Cache-Control", "no-store");
    }

    String json() {
        return JSON.toJson(this);
    }
}
