package org.fleetdispatch.mqtt.it.app;

import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import org.fleetdispatch.mqtt.MqttConnectionFactory;
import org.fleetdispatch.mqtt.MqttInboundMessage;
import org.fleetdispatch.mqtt.MqttMessageListener;

/** Subscribes and echoes over TLS with the enclave's client certificate, both directions. */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "serverUris", propertyValue = "${ENV=FD_IT_TLS_BROKER_URI}"),
        @ActivationConfigProperty(propertyName = "clientId", propertyValue = "fd-it-tls"),
        @ActivationConfigProperty(propertyName = "topicFilter", propertyValue = "fd-it/tls"),
        @ActivationConfigProperty(propertyName = "tlsEnclave", propertyValue = "${ENV=FD_IT_ENCLAVE}")})
public class TlsBean implements MqttMessageListener {

    @Resource(lookup = Echo.TLS)
    MqttConnectionFactory factory;

    @Override
    public void onMessage(MqttInboundMessage message) {
        Echo.publish(factory, "fd-it/processed/tls", message.payload(), "via", "tls");
    }
}
