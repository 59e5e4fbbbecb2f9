package org.sejour.interfaces;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The web module's pages, servlets and resources talk to the application layer (services and
 * the ports they name) and to the domain's types, never to an adapter of the infrastructure
 * (the offline payment provider, the photo store, the image processor, Stripe's client…).
 */
class LayersTest {

    /** The web module's own classes, as compiled, and nothing else of the class path. */
    private static final JavaClasses WEB = new ClassFileImporter().importPath(Path.of("target", "classes"));

    @Test
    void theWebModuleDependsOnTheApplicationAndTheDomainOnly() {
        assertFalse(WEB.isEmpty(), "the web module's classes are compiled");
        noClasses().should().dependOnClassesThat().resideInAPackage("org.sejour.infrastructure..")
                .because("pages talk to application services; adapters stay behind their ports")
                .check(WEB);
    }

    @Test
    void theWebModuleDoesNotCallStripeDirectly() {
        noClasses().should().dependOnClassesThat().resideInAPackage("com.stripe..")
                .because("Stripe is reached through the application's StripeGateway port")
                .check(WEB);
    }
}
