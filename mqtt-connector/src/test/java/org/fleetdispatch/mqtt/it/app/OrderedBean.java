package org.fleetdispatch.mqtt.it.app;

import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import org.fleetdispatch.mqtt.MqttConnectionFactory;
import org.fleetdispatch.mqtt.MqttInboundMessage;
import org.fleetdispatch.mqtt.MqttMessageListener;

/** Echoes every message of {@code fd-it/order/<n>} to {@code fd-it/processed/order/<n>}; the product's
 * way of naming the broker ({@code ${MPCONFIG=...}} from the environment). */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "serverUris", propertyValue = "${MPCONFIG=fd.it.broker.uri}"),
        @ActivationConfigProperty(propertyName = "clientId", propertyValue = "fd-it-order"),
        @ActivationConfigProperty(propertyName = "topicFilter", propertyValue = "fd-it/order/+"),
        @ActivationConfigProperty(propertyName = "maxConcurrency", propertyValue = "4")})
public class OrderedBean implements MqttMessageListener {

    @Resource(lookup = Echo.PLAIN)
    MqttConnectionFactory factory;

    @Override
    public void onMessage(MqttInboundMessage message) {
        String n = message.topic().substring(message.topic().lastIndexOf('/') + 1);
        Echo.publish(factory, "fd-it/processed/order/" + n, message.payload(), "thread",
                Thread.currentThread().getName());
    }
}
