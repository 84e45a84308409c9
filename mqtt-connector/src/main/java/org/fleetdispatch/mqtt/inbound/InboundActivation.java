package org.fleetdispatch.mqtt.inbound;

import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.fleetdispatch.mqtt.MqttClientStatus;
import org.fleetdispatch.mqtt.MqttInboundMessage;
import org.fleetdispatch.mqtt.internal.BlockingPublish;
import org.fleetdispatch.mqtt.internal.ConnectionSettings;
import org.fleetdispatch.mqtt.internal.PahoErrors;
import org.fleetdispatch.mqtt.internal.PahoMessages;
import org.fleetdispatch.mqtt.internal.ReconnectingClient;

/**
 * One message-driven bean's subscription: a Paho client with manual acknowledgements feeding a
 * {@link LaneDispatcher} that delivers to the endpoint. A QoS 1 message is acknowledged to the broker
 * only after it was delivered and committed (or dead-lettered), and only on the connection it arrived
 * on: after a reconnect the broker sends unacknowledged messages again, so an old packet id is never
 * acknowledged on a new connection.
 */
final class InboundActivation implements ReconnectingClient.Listener, LaneDispatcher.Processor<InboundActivation.Item> {

    private static final Logger LOG = Logger.getLogger(InboundActivation.class.getName());

    /** A received message with what is needed to acknowledge it. */
    record Item(MqttInboundMessage message, int packetId, long generation) {
    }

    private final InboundSettings settings;
    private final EndpointDelivery delivery;
    private final String name;
    private final ReconnectingClient client;
    private final LaneDispatcher<Item> dispatcher;
    private final ScheduledExecutorService scheduler;
    private final Object deadLetterLock = new Object();
    private ReconnectingClient deadLetterClient;
    private volatile String subscribeError;
    private volatile long subscribedGeneration;

    InboundActivation(String name, InboundSettings settings, MessageEndpointFactory factory,
            TransactionSynchronizationRegistry registry, Executor executor, ScheduledExecutorService scheduler) {
        this.name = name;
        this.settings = settings;
        this.scheduler = scheduler;
        this.delivery = new EndpointDelivery(factory, registry);
        this.client = new ReconnectingClient(MqttClientStatus.Role.INBOUND, settings.connection(), scheduler, true,
                this);
        this.client.setDetail(String.join(",", settings.topicFilters()));
        this.dispatcher = new LaneDispatcher<>("MQTT endpoint " + name, settings.lanes(), settings.maxConcurrency(),
                settings.maxPending(), settings.maxRetries(), settings.retryBackoff(), executor, scheduler, this);
    }

    InboundSettings settings() {
        return settings;
    }

    void start() {
        LOG.info(() -> "MQTT endpoint " + name + ": subscribing " + settings.topicFilters() + " at QoS "
                + settings.qos() + " as " + settings.connection().clientId() + " on "
                + settings.connection().serverUris());
        client.start();
    }

    /** Stops delivering, waits for running deliveries, disconnects. Unacknowledged messages stay with the broker. */
    void stop(Duration timeout) {
        try {
            if (!dispatcher.stop(timeout)) {
                LOG.warning(() -> "MQTT endpoint " + name + ": deliveries still running after " + timeout
                        + "; their messages stay unacknowledged and will be redelivered");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        client.stop();
        synchronized (deadLetterLock) {
            if (deadLetterClient != null) {
                deadLetterClient.stop();
            }
        }
    }

    /** Connected means subscribed too: only then do messages flow. */
    MqttClientStatus status() {
        MqttClientStatus s = client.status();
        if (!s.connected()) {
            return s;
        }
        String refused = subscribeError;
        if (refused != null) {
            return new MqttClientStatus(s.clientId(), s.role(), s.serverUri(), false, refused, s.since());
        }
        if (subscribedGeneration != client.generation()) {
            return new MqttClientStatus(s.clientId(), s.role(), s.serverUri(), false, "subscribing", s.since());
        }
        return s;
    }

    ReconnectingClient client() {
        return client;
    }

    // ---- ReconnectingClient.Listener

    @Override
    public void connected(ReconnectingClient c, boolean sessionPresent, long generation) {
        List<String> filters = settings.topicFilters();
        MqttSubscription[] subs = new MqttSubscription[filters.size()];
        for (int i = 0; i < subs.length; i++) {
            subs[i] = new MqttSubscription(filters.get(i), settings.qos());
            // Retained messages only for a subscription the session did not have yet.
            subs[i].setRetainHandling(1);
        }
        try {
            c.paho().subscribe(subs, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    int[] codes = token.getReasonCodes();
                    StringBuilder refused = new StringBuilder();
                    for (int i = 0; codes != null && i < codes.length && i < filters.size(); i++) {
                        if (codes[i] >= 0x80) {
                            refused.append(refused.isEmpty() ? "" : "; ").append("subscription to '")
                                    .append(filters.get(i)).append("' refused by the broker, reason code ")
                                    .append(codes[i]);
                        }
                    }
                    subscribeError = refused.isEmpty() ? null : refused.toString();
                    subscribedGeneration = generation;
                    if (subscribeError != null) {
                        LOG.severe(() -> "MQTT endpoint " + name + ": " + subscribeError);
                    }
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    subscribeError = "subscribe failed: " + PahoErrors.describe(e);
                    LOG.warning(() -> "MQTT endpoint " + name + ": " + subscribeError + "; reconnecting");
                    scheduler.execute(() -> c.forceReconnect(subscribeError));
                }
            }, null);
        } catch (MqttException e) {
            subscribeError = "subscribe failed: " + PahoErrors.describe(e);
            scheduler.execute(() -> c.forceReconnect(subscribeError));
        }
    }

    @Override
    public void messageArrived(String topic, MqttMessage message, long generation) throws Exception {
        Item item = new Item(PahoMessages.toInbound(topic, message), message.getId(), generation);
        if (!dispatcher.submit(topic, item)) {
            LOG.fine(() -> "MQTT endpoint " + name + " is stopping: message on " + topic + " left to the broker");
        }
    }

    // ---- LaneDispatcher.Processor

    @Override
    public void deliver(Item item, int attempt) throws Exception {
        delivery.deliver(item.message());
    }

    @Override
    public boolean isTransient(Throwable failure) {
        return failure instanceof UnavailableException;
    }

    @Override
    public void deadLetter(Item item, Throwable lastFailure, int attempts) throws Exception {
        MqttInboundMessage m = item.message();
        String topic = settings.deadLetterTopicFor(m.topic());
        BlockingPublish.publish(deadLetterClient(), topic, m.payload(), 1, false,
                DeadLetters.options(m, lastFailure, attempts, settings.connection().clientId(), Instant.now()),
                settings.publishTimeout());
        LOG.warning(() -> "MQTT endpoint " + name + ": message on " + m.topic() + " dead-lettered to " + topic
                + " after " + attempts + " failed attempts");
    }

    /**
     * Dead letters go through a client of their own: waiting for an acknowledgement on the subscribing
     * client would need its callback thread, which may be blocked handing messages to full lanes.
     */
    private ReconnectingClient deadLetterClient() {
        synchronized (deadLetterLock) {
            if (deadLetterClient == null) {
                ConnectionSettings c = settings.connection();
                ConnectionSettings dl = new ConnectionSettings(c.serverUris(), c.clientId() + "-dl", c.userName(),
                        c.password(), c.keepAlive(), c.connectionTimeout(), true, 0, c.receiveMaximum(), c.tls(),
                        c.reconnect());
                deadLetterClient = new ReconnectingClient(MqttClientStatus.Role.OUTBOUND, dl, scheduler, false,
                        new ReconnectingClient.Listener() {
                            @Override
                            public void connected(ReconnectingClient client, boolean sessionPresent, long g) {
                            }

                            @Override
                            public void messageArrived(String topic, MqttMessage message, long g) {
                            }
                        });
                deadLetterClient.start();
            }
            return deadLetterClient;
        }
    }

    @Override
    public void completed(Item item) {
        if (item.message().qos() == 0) {
            return;
        }
        if (item.generation() != client.generation() || !client.isConnected()) {
            LOG.fine(() -> "MQTT endpoint " + name + ": message " + item.packetId() + " on " + item.message().topic()
                    + " processed, but its connection is gone: the broker will send it again");
            return;
        }
        try {
            client.paho().messageArrivedComplete(item.packetId(), item.message().qos());
        } catch (MqttException | RuntimeException e) {
            LOG.log(Level.WARNING, "MQTT endpoint " + name + ": acknowledging message " + item.packetId()
                    + " failed; the broker will send it again", e);
        }
    }
}
