package org.sejour.interfaces.security;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.HttpServletRequest;
import org.sejour.application.AuthenticationService;
import org.sejour.application.LoginClient;
import org.sejour.application.LoginOutcome;
import org.sejour.application.SignedInUser;

import java.util.Set;

/**
 * Checks logins against Séjour's own users. The caller principal is the user's id, which
 * never changes, so a changed login does not orphan a session.
 */
@ApplicationScoped
public class SejourIdentityStore implements IdentityStore {

    @EJB
    AuthenticationService authentication;
    @Inject
    LoginAttempt attempt;
    @Inject
    HttpServletRequest request;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        // the connection's address: a forwarded-for header is anyone's to write (behind a proxy,
        // configure the server to take the proxy's header, as for the public API's rate limit)
        LoginOutcome outcome = authentication.login(login.getCaller(), login.getPasswordAsString(),
                new LoginClient(request.getRemoteAddr(), DeviceCookie.read(request)));
        attempt.record(outcome);
        if (outcome.user().isEmpty()) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        SignedInUser user = outcome.user().get();
        return new CredentialValidationResult(new CallerPrincipal(Long.toString(user.userId())),
                Set.of(user.role().securityRole()));
    }
}
