package org.sejour.interfaces.guest.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.servers.Server;

/**
 * The public JSON API the widgets and the hosted booking site call. Versions live in the
 * resources' paths (/api/v1/…) so that a v2 can sit beside v1 under this one application path.
 */
@ApplicationPath("/api")
@OpenAPIDefinition(info = @Info(title = "Séjour public booking API", version = "1",
        description = "Per-account catalogue, availability, quotes and bookings for guests. "
                + "An account is named by its public number and answers only in production."),
        servers = @Server(url = "/", description = "this Séjour server"))
public class PublicApi extends Application {
}
