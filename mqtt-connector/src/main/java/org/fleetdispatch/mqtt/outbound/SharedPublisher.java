package org.fleetdispatch.mqtt.outbound;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.fleetdispatch.mqtt.MqttClientStatus;
import org.fleetdispatch.mqtt.MqttOutboundMessage;
import org.fleetdispatch.mqtt.internal.BlockingPublish;
import org.fleetdispatch.mqtt.internal.OutboundClient;
import org.fleetdispatch.mqtt.internal.ReconnectingClient;

/** The one Paho client of a connection factory; thread-safe, used by all its connections at once. */
final class SharedPublisher implements OutboundClient {

    private final OutboundSettings settings;
    private final ReconnectingClient client;
    private final ScheduledThreadPoolExecutor ownScheduler;
    private volatile boolean closed;

    /** @param scheduler the adapter's timers, or {@code null} to run one of its own */
    SharedPublisher(OutboundSettings settings, ScheduledExecutorService scheduler) {
        this.settings = settings;
        if (scheduler == null) {
            ownScheduler = new ScheduledThreadPoolExecutor(1, r -> {
                Thread t = new Thread(r, "fleetdispatch-mqtt-publisher-timer");
                t.setDaemon(true);
                return t;
            });
            scheduler = ownScheduler;
        } else {
            ownScheduler = null;
        }
        this.client = new ReconnectingClient(MqttClientStatus.Role.OUTBOUND, settings.connection(), scheduler, false,
                new ReconnectingClient.Listener() {
                    @Override
                    public void connected(ReconnectingClient c, boolean sessionPresent, long generation) {
                    }

                    @Override
                    public void messageArrived(String topic, MqttMessage message, long generation) {
                    }
                });
    }

    void start() {
        client.start();
    }

    boolean isClosed() {
        return closed;
    }

    /** Waits until connected; {@code false} when that did not happen within the timeout. */
    boolean awaitConnected(Duration timeout) throws InterruptedException {
        return client.awaitConnected(timeout);
    }

    String brokerUri() {
        return client.status().serverUri();
    }

    String lastError() {
        return client.lastError();
    }

    OutboundSettings settings() {
        return settings;
    }

    void publishAll(List<MqttOutboundMessage> messages) throws BlockingPublish.PublishException {
        BlockingPublish.publishAll(client, messages, settings.publishTimeout());
    }

    /** For tests: drop the connection as a network failure would. */
    void forceReconnect() {
        client.forceReconnect("forced by a test");
    }

    @Override
    public MqttClientStatus status() {
        return client.status();
    }

    @Override
    public void close() {
        closed = true;
        client.stop();
        if (ownScheduler != null) {
            ownScheduler.shutdownNow();
        }
    }
}
