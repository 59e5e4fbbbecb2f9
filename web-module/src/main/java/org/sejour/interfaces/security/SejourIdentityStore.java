package org.sejour.interfaces.security;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import org.sejour.application.AuthenticationService;
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

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        LoginOutcome outcome = authentication.login(login.getCaller(), login.getPasswordAsString());
        attempt.record(outcome);
        if (outcome.user().isEmpty()) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        SignedInUser user = outcome.user().get();
        return new CredentialValidationResult(new CallerPrincipal(Long.toString(user.userId())),
                Set.of(user.role().securityRole()));
    }
}
