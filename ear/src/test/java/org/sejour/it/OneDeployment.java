package org.sejour.it;

import org.jboss.arquillian.container.spi.client.deployment.Deployment;
import org.jboss.arquillian.container.spi.client.deployment.DeploymentDescription;
import org.jboss.arquillian.container.spi.client.deployment.DeploymentScenario;
import org.jboss.arquillian.container.spi.event.DeployManagedDeployments;
import org.jboss.arquillian.container.spi.event.UnDeployManagedDeployments;
import org.jboss.arquillian.container.spi.event.container.BeforeStop;
import org.jboss.arquillian.container.test.impl.client.deployment.event.GenerateDeployment;
import org.jboss.arquillian.core.api.Event;
import org.jboss.arquillian.core.api.InstanceProducer;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.EventContext;
import org.jboss.arquillian.core.spi.LoadableExtension;
import org.jboss.arquillian.test.spi.TestClass;
import org.jboss.arquillian.test.spi.annotation.ClassScoped;

/**
 * Deploys {@link Deployments#suite()} once for the whole suite instead of once per test class.
 * Redeploying the same EAR cost each of some fifty classes about eight seconds (deploy and
 * undeploy), a quarter of the suite's time in the server.
 * <p>
 * Arquillian generates, deploys and undeploys a class's deployment around each class. This
 * extension generates the suite's scenario at the first class and hands that same scenario to
 * every later one; deploys it only while it is not deployed; and undeploys it only when the
 * server stops at the end. The scenario's deployment keeps its Arquillian context (where the
 * servlet protocol finds the test module's address) because it is never undeployed in between.
 * <p>
 * Test classes therefore declare no {@code @Deployment} of their own; those that drive the
 * application from outside say {@code @RunAsClient}.
 */
public class OneDeployment implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(Keeper.class);
    }

    /** The observer that keeps the one scenario; Arquillian creates it once per run. */
    public static class Keeper {

        @Inject
        @ClassScoped
        private InstanceProducer<DeploymentScenario> classScenario;
        @Inject
        private Event<GenerateDeployment> generate;

        private DeploymentScenario scenario;
        private boolean generating;

        public void generate(@Observes EventContext<GenerateDeployment> context) {
            if (generating) {
                context.proceed();
            } else if (scenario == null) {
                generating = true;
                try {
                    generate.fire(new GenerateDeployment(new TestClass(Deployments.class)));
                } finally {
                    generating = false;
                }
                scenario = classScenario.get();
            } else {
                classScenario.set(scenario);
            }
        }

        public void deploy(@Observes EventContext<DeployManagedDeployments> context) {
            for (Deployment deployment : scenario.deployments()) {
                if (deployment.hasDeploymentError()) {
                    throw new IllegalStateException("the suite's deployment failed at the first class",
                            deployment.getDeploymentError());
                }
            }
            if (scenario.deployments().stream().anyMatch(deployment -> !deployment.isDeployed())) {
                context.proceed();
            }
        }

        public void keepDeployed(@Observes EventContext<UnDeployManagedDeployments> context) {
            // nothing: the deployment stays for the next class
        }

        public void undeployAtTheEnd(@Observes BeforeStop event) throws Exception {
            if (scenario == null) {
                return;
            }
            for (Deployment deployment : scenario.deployedDeploymentsInUnDeployOrder()) {
                DeploymentDescription description = deployment.getDescription();
                event.getDeployableContainer().undeploy(description.getTestableArchive() != null
                        ? description.getTestableArchive() : description.getArchive());
                deployment.undeployed();
            }
        }
    }
}
