package org.sejour.interfaces.security;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The session cookie is HttpOnly always, and Secure when the operator says Séjour is served over
 * HTTPS ({@code sejour.cookie.secure=true}). SameSite=Lax is the HTTP listener's (server-config):
 * Payara 6 drops a SameSite attribute set here, and sends it twice when both set it.
 * ServerHardeningIT checks the cookie as it leaves the server.
 */
@WebListener
public class SessionCookieConfigurer implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        SessionCookieConfig cookie = event.getServletContext().getSessionCookieConfig();
        cookie.setHttpOnly(true);
        cookie.setSecure(ConfigProvider.getConfig()
                .getOptionalValue("sejour.cookie.secure", Boolean.class).orElse(false));
    }
}
