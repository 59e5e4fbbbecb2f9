package org.sejour.interfaces.guest.rest;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sejour.application.guest.PublicBookingService;
import org.sejour.domain.model.shared.NotFoundException;

/** A booking as its guest follows it, through the secret token the booking answered. */
@Path("/v1/bookings/{token}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "booking", description = "A guest's own booking")
public class BookingResource {

    @EJB
    PublicBookingService guests;

    @GET
    @Operation(summary = "The booking's status, amounts and the guest's payment link")
    @APIResponse(responseCode = "200", description = "the booking",
            content = @Content(schema = @Schema(implementation = Views.BookingView.class)))
    @APIResponse(responseCode = "404", description = "no booking has this token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response status(@PathParam("token") String token) {
        // tokens are 43 (or, for old rows, 64) URL-safe characters: anything else is not looked up
        if (token == null || !token.matches("[A-Za-z0-9_-]{32,64}")) {
            throw new NotFoundException("dossier", "token");
        }
        PublicBookingService.GuestBooking booking = guests.dossierOfGuest(token);
        // the status changes with payments: never kept by a shared cache
        return Response.ok(PublicAssembler.booking(booking.accountNumber(), booking.dossier()))
                .header("Cache-Control", "no-store").build();
    }
}
