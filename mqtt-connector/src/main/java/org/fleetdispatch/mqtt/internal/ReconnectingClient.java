package org.fleetdispatch.mqtt.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.fleetdispatch.mqtt.MqttClientStatus;

/**
 * One Paho client that keeps itself connected: the first connect and every reconnect after a loss are
 * retried with exponential backoff, without blocking any caller. Each successful connect starts a new
 * <em>generation</em>; message ids are only meaningful within the generation they arrived in.
 *
 * <p>Paho's own automatic reconnect is not used: it does not retry a failed first connect, and it
 * reconnects without telling whether the session survived.
 */
public final class ReconnectingClient {

    private static final Logger LOG = Logger.getLogger(ReconnectingClient.class.getName());

    /** What the owner learns. Calls arrive on Paho's callback thread unless noted. */
    public interface Listener {
        /** A connection is up; {@code sessionPresent} tells whether the broker kept the session. */
        void connected(ReconnectingClient client, boolean sessionPresent, long generation);

        /** A message arrived; blocking here stops Paho reading from the socket. */
        void messageArrived(String topic, MqttMessage message, long generation) throws Exception;

        /** The connection is gone (a reconnect is scheduled unless stopping). */
        default void disconnected(String reason) {
        }
    }

    private final MqttClientStatus.Role role;
    private final ConnectionSettings settings;
    private final ScheduledExecutorService scheduler;
    private final Listener listener;
    private final MqttAsyncClient client;
    private final AtomicLong generation = new AtomicLong();
    private final AtomicInteger failures = new AtomicInteger();
    private final Object lock = new Object();
    private boolean connecting;
    private boolean stopped;
    private ScheduledFuture<?> pending;
    private volatile boolean connected;
    private volatile Instant since = Instant.now();
    private volatile String lastError = "not connected yet";
    private volatile String detail;

    public ReconnectingClient(MqttClientStatus.Role role, ConnectionSettings settings,
            ScheduledExecutorService scheduler, boolean manualAcks, Listener listener) {
        this.role = role;
        this.settings = settings;
        this.scheduler = scheduler;
        this.listener = listener;
        try {
            this.client = new MqttAsyncClient(settings.serverUris().get(0), settings.clientId(), new MemoryPersistence());
        } catch (MqttException e) {
            throw new IllegalArgumentException("cannot create an MQTT client for " + settings.firstUri() + ": "
                    + PahoErrors.describe(e), e);
        }
        client.setManualAcks(manualAcks);
        client.setCallback(new Callback());
    }

    public MqttAsyncClient paho() {
        return client;
    }

    public ConnectionSettings settings() {
        return settings;
    }

    public long generation() {
        return generation.get();
    }

    public boolean isConnected() {
        return connected && client.isConnected();
    }

    public String lastError() {
        return lastError;
    }

    /** Extra text for the status ({@code null} for none), e.g. the topic filters. */
    public void setDetail(String detail) {
        this.detail = detail;
    }

    /** Starts connecting in the background. */
    public void start() {
        schedule(Duration.ZERO);
    }

    /** Blocks until connected or the timeout elapsed; asks for an immediate attempt when idle. */
    public boolean awaitConnected(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            if (!isConnected() && !connecting && !stopped && pending != null && pending.cancel(false)) {
                pending = null;
                schedule(Duration.ZERO);
            }
            while (!isConnected() && !stopped) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            return isConnected();
        }
    }

    /** Drops the current connection (the broker sees a network failure) and reconnects: for tests. */
    public void forceReconnect(String reason) {
        lost(reason);
    }

    /** Status for readiness checks. */
    public MqttClientStatus status() {
        String uri = currentUri();
        return new MqttClientStatus(settings.clientId(), role, uri == null ? settings.firstUri() : uri,
                isConnected(), isConnected() ? detail : lastError, since);
    }

    /** Paho's current broker; its getter throws while a connect is being set up, so never rely on it. */
    private String currentUri() {
        try {
            return client.getCurrentServerURI();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private void schedule(Duration delay) {
        synchronized (lock) {
            if (stopped || connecting || pending != null) {
                return;
            }
            pending = scheduler.schedule(this::connect, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void connect() {
        synchronized (lock) {
            pending = null;
            if (stopped || connecting || client.isConnected()) {
                return;
            }
            connecting = true;
        }
        try {
            client.connect(settings.toPahoOptions(), null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    onConnected(token.getSessionPresent());
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    onConnectFailed(e);
                }
            });
        } catch (MqttException | RuntimeException e) {
            onConnectFailed(e);
        }
    }

    private void onConnected(boolean sessionPresent) {
        long g;
        synchronized (lock) {
            connecting = false;
            if (stopped) {
                return;
            }
            g = generation.incrementAndGet();
            failures.set(0);
            connected = true;
            since = Instant.now();
            lock.notifyAll();
        }
        LOG.info(() -> "MQTT " + role.name().toLowerCase() + " client " + settings.clientId() + " connected to "
                + currentUri() + (sessionPresent ? " (session resumed)" : " (new session)"));
        try {
            listener.connected(this, sessionPresent, g);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "MQTT client " + settings.clientId() + ": after-connect step failed", e);
            lost("after-connect step failed: " + e);
        }
    }

    private void onConnectFailed(Throwable e) {
        int n = failures.incrementAndGet();
        Duration delay = settings.reconnect().delay(n);
        String reason = PahoErrors.describe(e);
        synchronized (lock) {
            connecting = false;
            lastError = "connect to " + settings.serverUris() + " failed: " + reason;
            lock.notifyAll();
        }
        Level level = n == 1 || n % 10 == 0 ? Level.WARNING : Level.FINE;
        LOG.log(level, () -> "MQTT client " + settings.clientId() + ": " + lastError + " (attempt " + n
                + ", next in " + Durations.format(delay) + ")");
        schedule(delay);
    }

    private void lost(String reason) {
        boolean was;
        synchronized (lock) {
            was = connected;
            connected = false;
            if (was) {
                since = Instant.now();
            }
            lastError = reason;
            lock.notifyAll();
        }
        if (was) {
            LOG.warning(() -> "MQTT client " + settings.clientId() + " lost its connection: " + reason);
        }
        try {
            if (client.isConnected()) {
                client.disconnectForcibly(0, 1000, false);
            }
        } catch (MqttException | RuntimeException e) {
            LOG.log(Level.FINE, "forced disconnect", e);
        }
        listener.disconnected(reason);
        schedule(settings.reconnect().delay(Math.max(1, failures.incrementAndGet())));
    }

    /** Stops reconnecting, disconnects (sending no further acknowledgements) and releases the client. */
    public void stop() {
        synchronized (lock) {
            stopped = true;
            connected = false;
            if (pending != null) {
                pending.cancel(false);
                pending = null;
            }
            lock.notifyAll();
        }
        try {
            if (client.isConnected()) {
                client.disconnect(0, null, null, 0, new MqttProperties()).waitForCompletion(2000);
            }
        } catch (MqttException | RuntimeException e) {
            LOG.log(Level.FINE, "disconnect of " + settings.clientId(), e);
        }
        try {
            client.close(true);
        } catch (MqttException | RuntimeException e) {
            LOG.log(Level.FINE, "close of " + settings.clientId(), e);
        }
    }

    private final class Callback implements MqttCallback {
        @Override
        public void disconnected(MqttDisconnectResponse response) {
            if (!stopped) {
                String reason = response.getException() != null ? PahoErrors.describe(response.getException())
                        : "broker disconnected, reason code " + response.getReturnCode()
                        + (response.getReasonString() == null ? "" : " (" + response.getReasonString() + ")");
                lost(reason);
            }
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            LOG.warning(() -> "MQTT client " + settings.clientId() + ": " + PahoErrors.describe(exception));
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) throws Exception {
            listener.messageArrived(topic, message, generation.get());
        }

        @Override
        public void deliveryComplete(org.eclipse.paho.mqttv5.client.IMqttToken token) {
        }

        @Override
        public void connectComplete(boolean reconnect, String serverURI) {
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
        }
    }
}
