package org.fleetdispatch.mqtt.it.app;

import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import org.fleetdispatch.mqtt.MqttConnectionFactory;
import org.fleetdispatch.mqtt.MqttInboundMessage;
import org.fleetdispatch.mqtt.MqttMessageListener;

/** A persistent session with a stable client id: what was published while it was away arrives later. */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "serverUris", propertyValue = "${ENV=FD_IT_BROKER_URI}"),
        @ActivationConfigProperty(propertyName = "clientId", propertyValue = "fd-it-durable"),
        @ActivationConfigProperty(propertyName = "topicFilter", propertyValue = "fd-it/durable"),
        @ActivationConfigProperty(propertyName = "cleanStart", propertyValue = "false"),
        @ActivationConfigProperty(propertyName = "sessionExpiryInterval", propertyValue = "3600")})
public class DurableBean implements MqttMessageListener {

    @Resource(lookup = Echo.PLAIN)
    MqttConnectionFactory factory;

    @Override
    public void onMessage(MqttInboundMessage message) {
        Echo.publish(factory, "fd-it/processed/durable", message.payload(), "dup",
                Boolean.toString(message.duplicate()));
    }
}
