package org.fleetdispatch.mqtt.bench;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.fleetdispatch.mqtt.bench.mdb.Counters;

/**
 * A plain Paho v5 publisher that keeps as many QoS 1 publications in flight as the broker's receive
 * maximum allows (pipelined, not one round trip per message), the same for the raw and the adapter
 * rounds.
 */
final class BenchPublisher implements AutoCloseable {

    private final MqttAsyncClient client;
    private final int window;
    private final byte[] padding;

    BenchPublisher(String uri, String clientId, int payloadBytes) throws MqttException {
        client = new MqttAsyncClient(uri, clientId, new MemoryPersistence());
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(true);
        IMqttToken t = client.connect(o);
        t.waitForCompletion(30_000);
        Integer serverReceiveMaximum = t.getResponseProperties() == null ? null
                : t.getResponseProperties().getReceiveMaximum();
        window = Math.min(1000, serverReceiveMaximum == null ? 65_535 : serverReceiveMaximum);
        padding = new byte[Math.max(0, payloadBytes)];
        Arrays.fill(padding, (byte) '.');
    }

    /** Publications in flight at most: the broker's receive maximum (capped at 1000). */
    int window() {
        return window;
    }

    /** What {@link #publish} measured. */
    record Result(long firstPublishMicros, long lastAckMicros, int maxInflightRetries) {
    }

    /**
     * Publishes {@code messages} QoS 1 messages round-robin on {@code prefix/0 .. prefix/(topics-1)} and
     * returns once the broker acknowledged all of them.
     */
    Result publish(String prefix, int messages, int topics) throws Exception {
        String[] names = new String[topics];
        for (int t = 0; t < topics; t++) {
            names[t] = prefix + "/" + t;
        }
        return publish(names, messages);
    }

    /** Publishes one QoS 1 message to {@code topic} and waits for the broker's acknowledgement. */
    void publishOne(String topic) throws Exception {
        publish(new String[] {topic}, 1);
    }

    private Result publish(String[] names, int messages) throws Exception {
        int topics = names.length;
        Semaphore inFlight = new Semaphore(window);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        MqttActionListener acked = new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                inFlight.release();
            }

            @Override
            public void onFailure(IMqttToken token, Throwable e) {
                failure.compareAndSet(null, e);
                inFlight.release();
            }
        };
        int retries = 0;
        long first = Counters.nowMicros();
        for (int i = 0; i < messages && failure.get() == null; i++) {
            if (!inFlight.tryAcquire(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("no acknowledgement from the broker for 60 s");
            }
            MqttMessage m = new MqttMessage(payload(i));
            m.setQos(1);
            while (true) {
                try {
                    client.publish(names[i % topics], m, null, acked);
                    break;
                } catch (MqttException e) {
                    // Paho frees an in-flight slot a little after the acknowledgement's listener ran.
                    if (e.getReasonCode() != MqttClientException.REASON_CODE_MAX_INFLIGHT || ++retries > 1_000_000) {
                        throw e;
                    }
                    LockSupport.parkNanos(50_000);
                }
            }
        }
        if (!inFlight.tryAcquire(window, 60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("publications still unacknowledged after 60 s");
        }
        long last = Counters.nowMicros();
        inFlight.release(window);
        if (failure.get() != null) {
            throw new IllegalStateException("publishing failed", failure.get());
        }
        return new Result(first, last, retries);
    }

    private byte[] payload(int i) {
        byte[] index = (i + " ").getBytes(StandardCharsets.US_ASCII);
        byte[] p = padding.clone();
        System.arraycopy(index, 0, p, 0, Math.min(index.length, p.length));
        return p.length == 0 ? index : p;
    }

    @Override
    public void close() throws MqttException {
        try {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(10_000);
            }
        } finally {
            client.close(true);
        }
    }
}
