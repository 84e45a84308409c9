package org.fleetdispatch.mqtt.it.app;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import org.fleetdispatch.mqtt.MqttInboundMessage;
import org.fleetdispatch.mqtt.MqttMessageListener;

/** Always throws: its messages end up on {@code dead-letter/fd-it/poison}. */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "serverUris", propertyValue = "${ENV=FD_IT_BROKER_URI}"),
        @ActivationConfigProperty(propertyName = "clientId", propertyValue = "fd-it-poison"),
        @ActivationConfigProperty(propertyName = "topicFilter", propertyValue = "fd-it/poison"),
        @ActivationConfigProperty(propertyName = "maxRetries", propertyValue = "2"),
        @ActivationConfigProperty(propertyName = "retryBackoff", propertyValue = "20ms")})
public class PoisonBean implements MqttMessageListener {

    @Override
    public void onMessage(MqttInboundMessage message) {
        throw new UnsupportedOperationException("poison: " + message.topic());
    }
}
