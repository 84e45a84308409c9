package org.fleetdispatch.mqtt.it.app;

import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import org.fleetdispatch.mqtt.MqttConnectionFactory;
import org.fleetdispatch.mqtt.MqttInboundMessage;
import org.fleetdispatch.mqtt.MqttMessageListener;

/** One of two members of the shared subscription group {@code fd-it}; reports under its own name. */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "serverUris", propertyValue = "${ENV=FD_IT_SHARED_BROKER_URI}"),
        @ActivationConfigProperty(propertyName = "clientId", propertyValue = "fd-it-shared-B"),
        @ActivationConfigProperty(propertyName = "topicFilter", propertyValue = "fd-it/shared/+"),
        @ActivationConfigProperty(propertyName = "sharedSubscriptionGroup", propertyValue = "fd-it"),
        // Room for the test's whole stream where the test broker is HiveMQ CE (no mosquitto installed),
        // which can stop feeding shared subscribers whose QoS 1 window fills (hivemq-community-edition#558).
        @ActivationConfigProperty(propertyName = "receiveMaximum", propertyValue = "1000")})
public class SharedBBean implements MqttMessageListener {

    @Resource(lookup = Echo.PLAIN)
    MqttConnectionFactory factory;

    @Override
    public void onMessage(MqttInboundMessage message) {
        Echo.publish(factory, "fd-it/processed/shared", message.payload(), "member", "B");
    }
}
