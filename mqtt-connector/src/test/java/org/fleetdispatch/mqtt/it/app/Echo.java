package org.fleetdispatch.mqtt.it.app;

import jakarta.resource.ConnectionFactoryDefinition;
import jakarta.resource.ConnectionFactoryDefinitions;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.TransactionSupport.TransactionSupportLevel;
import org.fleetdispatch.mqtt.MqttConnection;
import org.fleetdispatch.mqtt.MqttConnectionFactory;
import org.fleetdispatch.mqtt.MqttPublishOptions;

/**
 * How the test beans report what they processed: they publish it to {@code fd-it/processed/...}
 * through the adapter's outbound side, where the test subscribes. Also defines the connection
 * factories (plain and TLS with the enclave's client certificate).
 */
@ConnectionFactoryDefinitions({
        @ConnectionFactoryDefinition(name = Echo.PLAIN, interfaceName = "org.fleetdispatch.mqtt.MqttConnectionFactory",
                resourceAdapter = "fleetdispatch-mqtt", transactionSupport = TransactionSupportLevel.NoTransaction,
                properties = {"serverUris=${ENV=FD_IT_BROKER_URI}", "publishTimeout=20s"}),
        @ConnectionFactoryDefinition(name = Echo.TLS, interfaceName = "org.fleetdispatch.mqtt.MqttConnectionFactory",
                resourceAdapter = "fleetdispatch-mqtt", transactionSupport = TransactionSupportLevel.NoTransaction,
                properties = {"serverUris=${ENV=FD_IT_TLS_BROKER_URI}", "tlsEnclave=${ENV=FD_IT_ENCLAVE}"})
})
public final class Echo {

    public static final String PLAIN = "java:app/fd-it/mqtt";
    public static final String TLS = "java:app/fd-it/mqtt-tls";

    private Echo() {
    }

    public static void publish(MqttConnectionFactory factory, String topic, byte[] payload, String name, String value) {
        try (MqttConnection c = factory.getConnection()) {
            c.publish(topic, payload, 1, false, MqttPublishOptions.NONE.withUserProperty(name, value));
        } catch (ResourceException e) {
            throw new IllegalStateException(e);
        }
    }
}
