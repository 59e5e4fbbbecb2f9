package org.sejour.interfaces.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;

/** The roles Séjour's users sign in with; the login itself is SessionAuthenticationMechanism's. */
@DeclareRoles({"owner", "operator", "reception", "housekeeping", "accountant"})
@ApplicationScoped
public class SecurityConfiguration {
}
