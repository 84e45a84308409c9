package org.fleetdispatch.bench.mission;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * The broker's raw rate on this machine: plain Paho clients publishing state-sized messages at QoS 0, one
 * client receiving them through a shared subscription at QoS 1 (the server's own subscription for
 * {@code state}). No JSON, no database, no application: the ceiling of what any MQTT dispatcher could
 * take in here.
 *
 * <p>Closed loop: publishers stay at most {@link #WINDOW} messages ahead of what the subscriber received.
 * Publishing QoS 0 as fast as Paho can write measures nothing useful: the broker drops QoS 0 messages
 * for a subscriber that cannot keep up (HiveMQ delivered under 1 % of an open-loop flood in a trial),
 * so the figure would be the drop rate. Messages the broker still drops are counted as lost and the
 * window moves on after a stall.
 */
final class BrokerRate {

    private static final long WINDOW = 1_000;
    private static final long STALL_NANOS = 200_000_000L;

    /**
     * @param receivedPerSecond what the subscriber received per second during the measurement
     * @param lost              messages published and never received during the measurement
     */
    record Result(double receivedPerSecond, long lost, int publishers, int payloadBytes, double seconds) {
    }

    private BrokerRate() {
    }

    static Result measure(String uri, int publishers, int payloadBytes, Duration warmup, Duration measure)
            throws MqttException, InterruptedException {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Flow flow = new Flow();
        MqttAsyncClient subscriber = connect(uri, "bench-raw-sub-" + run);
        List<MqttAsyncClient> clients = new ArrayList<>(List.of(subscriber));
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> threads = new ArrayList<>();
        try {
            subscriber.setCallback(new Counting(flow.received));
            subscriber.subscribe("$share/bench-raw-" + run + "/bench-raw/v1/" + run + "/+/state", 1).waitForCompletion(10_000);
            byte[] payload = new byte[payloadBytes];
            Arrays.fill(payload, (byte) 'x');
            for (int i = 0; i < publishers; i++) {
                MqttAsyncClient publisher = connect(uri, "bench-raw-pub-" + run + "-" + i);
                clients.add(publisher);
                // v1, not v2: the server subscribes to every +/v2/+/+/state and would take these for robots
                String topic = "bench-raw/v1/" + run + "/p" + i + "/state";
                Thread t = new Thread(() -> publish(publisher, topic, payload, running, flow), "bench-raw-pub-" + i);
                t.setDaemon(true);
                threads.add(t);
                t.start();
            }
            Thread.sleep(warmup.toMillis());
            long r0 = flow.received.get();
            long l0 = flow.lost.get();
            long t0 = System.nanoTime();
            Thread.sleep(measure.toMillis());
            long r1 = flow.received.get();
            long l1 = flow.lost.get();
            double seconds = (System.nanoTime() - t0) / 1e9;
            return new Result((r1 - r0) / seconds, l1 - l0, publishers, payloadBytes, seconds);
        } finally {
            running.set(false);
            for (Thread t : threads) {
                t.join(5_000);
            }
            for (MqttAsyncClient client : clients) {
                try {
                    client.disconnect().waitForCompletion(5_000);
                } catch (MqttException ignored) {
                    // measuring is over
                }
                client.close();
            }
        }
    }

    /** Publishers' and the subscriber's counts; publishers wait while more than the window is in flight. */
    private static final class Flow {
        final AtomicLong published = new AtomicLong();
        final AtomicLong received = new AtomicLong();
        final AtomicLong lost = new AtomicLong();
        volatile long lastProgressNanos = System.nanoTime();
        volatile long lastReceived;

        boolean mayPublish() {
            long r = received.get();
            long now = System.nanoTime();
            if (r != lastReceived) {
                lastReceived = r;
                lastProgressNanos = now;
            }
            long inFlight = published.get() - r - lost.get();
            if (inFlight < WINDOW) {
                return true;
            }
            if (now - lastProgressNanos > STALL_NANOS) {
                // nothing arrived for a while with the window full: what is in flight was dropped
                lost.addAndGet(inFlight);
                lastProgressNanos = now;
                return true;
            }
            return false;
        }
    }

    private static MqttAsyncClient connect(String uri, String clientId) throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient(uri, clientId, new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setAutomaticReconnect(false);
        client.connect(options).waitForCompletion(10_000);
        return client;
    }

    private static void publish(MqttAsyncClient client, String topic, byte[] payload, AtomicBoolean running, Flow flow) {
        while (running.get()) {
            if (!flow.mayPublish()) {
                LockSupport.parkNanos(20_000);
                continue;
            }
            try {
                flow.published.incrementAndGet();
                client.publish(topic, new MqttMessage(payload, 0, false, null));
            } catch (MqttException e) {
                // Paho's own queue is full: this one was never sent
                flow.published.decrementAndGet();
                LockSupport.parkNanos(100_000);
            }
        }
    }

    private record Counting(AtomicLong received) implements MqttCallback {
        @Override
        public void messageArrived(String topic, MqttMessage message) {
            received.incrementAndGet();
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
        }

        @Override
        public void connectComplete(boolean reconnect, String serverURI) {
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
        }
    }
}
