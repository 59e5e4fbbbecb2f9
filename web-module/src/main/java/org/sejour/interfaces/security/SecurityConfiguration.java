package org.sejour.interfaces.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/**
 * Form login with Séjour's own login page: the page calls SecurityContext.authenticate so
 * that throttling and error messages stay in the application's hands.
 */
@CustomFormAuthenticationMechanismDefinition(
        loginToContinue = @LoginToContinue(loginPage = "/login.xhtml", errorPage = "", useForwardToLogin = false))
@DeclareRoles({"owner", "operator", "reception", "housekeeping", "accountant"})
@ApplicationScoped
public class SecurityConfiguration {
}
