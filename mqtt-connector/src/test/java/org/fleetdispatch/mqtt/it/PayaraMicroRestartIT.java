package org.fleetdispatch.mqtt.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.fleetdispatch.mqtt.it.app.DurableBean;
import org.fleetdispatch.mqtt.it.app.Echo;
import org.fleetdispatch.mqtt.testing.ContainerBrokers;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * QoS 1 messages published while the application is undeployed and the server is down are all
 * processed once it is back (the Payara Micro adapter stops the server on undeploy and boots a new
 * one on deploy, so this is a server restart too).
 */
@ExtendWith(ContainerBrokers.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PayaraMicroRestartIT {

    private static final String APP = "durable";

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = APP, managed = false, testable = false)
    static WebArchive app() {
        return ShrinkWrap.create(WebArchive.class, "fd-it-durable.war").addClasses(Echo.class, DurableBean.class);
    }

    @Test
    void processesExactlyWhatWasPublishedWhileTheServerWasDown() throws Exception {
        try (Observer observer = Observer.plain(ContainerBrokers.brokerUri())) {
            deployer.deploy(APP);
            observer.awaitSubscribed("fd-it/durable", "fd-it/processed/durable");
            deployer.undeploy(APP);
            int before = observer.received("fd-it/processed/durable").size();

            for (int i = 0; i < 200; i++) {
                observer.publish("fd-it/durable", "down-" + i);
            }
            deployer.deploy(APP);
            try {
                await().atMost(Duration.ofSeconds(90)).until(() -> observer.payloads("fd-it/processed/durable")
                        .stream().filter(p -> p.startsWith("down-")).count() >= 200);
                List<String> after = observer.payloads("fd-it/processed/durable").subList(before,
                        observer.received("fd-it/processed/durable").size());
                assertThat(after.stream().filter(p -> p.startsWith("down-")).toList())
                        .containsExactlyElementsOf(IntStream.range(0, 200).mapToObj(i -> "down-" + i).toList());
            } finally {
                deployer.undeploy(APP);
            }
        }
    }
}
