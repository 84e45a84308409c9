package org.fleetdispatch.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.fleetdispatch.messaging.Mqtt;
import org.fleetdispatch.mqtt.MqttClientStatus;
import org.fleetdispatch.mqtt.MqttConnectionFactory;

/**
 * Ready when every MQTT client of the resource adapter (the publisher and each subscribing
 * message-driven bean) is connected to the broker.
 */
@Readiness
@ApplicationScoped
public class BrokerReadiness implements HealthCheck {

    @Resource(lookup = Mqtt.CONNECTION_FACTORY)
    private MqttConnectionFactory mqtt;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("broker");
        List<MqttClientStatus> clients = mqtt.clientStatus();
        boolean allConnected = !clients.isEmpty();
        for (MqttClientStatus client : clients) {
            allConnected &= client.connected();
            response.withData(client.role() + " " + client.clientId(),
                    (client.connected() ? "connected to " : "disconnected from ") + client.serverUri()
                            + (client.detail() == null ? "" : " (" + client.detail() + ")"));
        }
        return response.status(allConnected).build();
    }
}
