package org.fleetdispatch.mqtt.it.app;

import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.MessageDrivenContext;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.fleetdispatch.mqtt.MqttConnectionFactory;
import org.fleetdispatch.mqtt.MqttInboundMessage;
import org.fleetdispatch.mqtt.MqttMessageListener;

/**
 * Fails the first three attempts at each message: payloads starting with {@code throw} by throwing,
 * payloads starting with {@code rollback} by marking the transaction rollback-only and returning
 * normally (which must count as a failure too). The fourth attempt reports the attempt count.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "serverUris", propertyValue = "${ENV=FD_IT_BROKER_URI}"),
        @ActivationConfigProperty(propertyName = "clientId", propertyValue = "fd-it-flaky"),
        @ActivationConfigProperty(propertyName = "topicFilter", propertyValue = "fd-it/flaky"),
        @ActivationConfigProperty(propertyName = "retryBackoff", propertyValue = "20ms"),
        @ActivationConfigProperty(propertyName = "retryBackoffMax", propertyValue = "100ms")})
public class FlakyBean implements MqttMessageListener {

    private static final Map<String, AtomicInteger> ATTEMPTS = new ConcurrentHashMap<>();

    @Resource(lookup = Echo.PLAIN)
    MqttConnectionFactory factory;

    @Resource
    MessageDrivenContext context;

    @Override
    public void onMessage(MqttInboundMessage message) {
        String payload = new String(message.payload(), StandardCharsets.UTF_8);
        int attempt = ATTEMPTS.computeIfAbsent(payload, p -> new AtomicInteger()).incrementAndGet();
        if (attempt <= 3) {
            if (payload.startsWith("rollback")) {
                context.setRollbackOnly();
                return;
            }
            throw new IllegalStateException("attempt " + attempt + " at " + payload + " fails");
        }
        Echo.publish(factory, "fd-it/processed/flaky", message.payload(), "attempts", Integer.toString(attempt));
    }
}
