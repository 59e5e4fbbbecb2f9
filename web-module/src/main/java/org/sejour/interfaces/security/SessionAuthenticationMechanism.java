package org.sejour.interfaces.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.io.Serializable;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Form login whose session holds the caller and their roles, handed to the container on each
 * request. It replaces the built-in custom form mechanism, whose session reuse took the roles
 * from a security context shared between threads: under concurrent requests a signed-in owner
 * was now and then refused with 403 (Payara issue 6145, fixed only after Payara 6.2025.9).
 * <p>
 * The login page calls {@code SecurityContext.authenticate} with the credential; a protected
 * page opened without a session is sent to the login page, which returns there afterwards.
 */
@ApplicationScoped
public class SessionAuthenticationMechanism implements HttpAuthenticationMechanism {

    private static final String CALLER = "sejour.caller";
    private static final String RETURN_TO = "sejour.returnTo";
    private static final String LOGIN_PAGE = "/login.xhtml";
    private static final Pattern PLAIN_PATH = Pattern.compile("/[A-Za-z0-9_-][A-Za-z0-9/_.-]*");

    /** What the session remembers of a login: the user id and the roles it had then. */
    record Caller(String name, Set<String> groups) implements Serializable {
    }

    @Inject
    IdentityStoreHandler identityStores;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (context.isAuthenticationRequest() && credential != null) {
            CredentialValidationResult result = identityStores.validate(credential);
            if (result.getStatus() != CredentialValidationResult.Status.VALID) {
                return AuthenticationStatus.SEND_FAILURE;
            }
            Caller caller = new Caller(result.getCallerPrincipal().getName(), Set.copyOf(result.getCallerGroups()));
            request.getSession().setAttribute(CALLER, caller);
            return context.notifyContainerAboutLogin(new CallerPrincipal(caller.name()), caller.groups());
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(CALLER) instanceof Caller caller) {
            return context.notifyContainerAboutLogin(new CallerPrincipal(caller.name()), caller.groups());
        }
        if (context.isProtected()) {
            rememberReturnAddress(request);
            try {
                Requests.redirect(request.getContextPath() + LOGIN_PAGE, request, response);
            } catch (IOException e) {
                return AuthenticationStatus.SEND_FAILURE;
            }
            return AuthenticationStatus.SEND_CONTINUE;
        }
        return context.doNothing();
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(CALLER);
        }
        HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
    }

    /**
     * The page asked for, as the container mapped it (dot segments and doubled slashes resolved):
     * only a plain path of this application, so that it can never lead to another site.
     */
    private static void rememberReturnAddress(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) || Requests.isFacesAjax(request)) {
            return;
        }
        String path = Requests.mappedPath(request);
        if (PLAIN_PATH.matcher(path).matches()) {
            String query = request.getQueryString();
            request.getSession().setAttribute(RETURN_TO, path + (query == null ? "" : "?" + query));
        }
    }

    /**
     * The page a protected request was turned away from, once, relative to the application.
     */
    public static Optional<String> takeReturnAddress(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(RETURN_TO) instanceof String address)) {
            return Optional.empty();
        }
        session.removeAttribute(RETURN_TO);
        return Optional.of(address);
    }
}
