package org.sejour.it;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The tests' web module signs nobody in. Jakarta Security puts its bridge in front of every web
 * module of an application once one of them has a mechanism bean (Séjour's sign-in), and each
 * module's bridge looks for a mechanism among the beans that module sees: without this one, every
 * request to the fixtures and to Arquillian's runner failed there.
 */
@ApplicationScoped
public class TestsWarAuthentication implements HttpAuthenticationMechanism {

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        return context.doNothing();
    }
}
