package org.fleetdispatch.mqtt.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.fleetdispatch.mqtt.inbound.MqttActivationSpec;
import org.fleetdispatch.mqtt.inbound.MqttResourceAdapter;
import org.fleetdispatch.mqtt.testing.HiveMqBroker;
import org.fleetdispatch.mqtt.testing.TestClient;
import org.fleetdispatch.mqtt.testing.TestEndpointFactory;

/**
 * Consumption rate of QoS 1 messages that wait in a persistent session: first a plain Paho
 * subscriber (automatic acknowledgements, nothing else: the broker's raw rate), then the resource
 * adapter delivering to an endpoint that only counts (acknowledging each after it returned), on the
 * same broker in the same run. Not part of the build; run it as the README says.
 *
 * <p>Arguments: messages (default 20000), topics (default 20), maxConcurrency (default 4).
 */
public final class ThroughputBenchmark {

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int topics = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        String concurrency = args.length > 2 ? args[2] : "4";
        Path home = Files.createTempDirectory("fd-mqtt-bench");
        try (HiveMqBroker broker = HiveMqBroker.tcp(home)) {
            double raw = raw(broker.uri(), messages, topics);
            double adapter = adapter(broker.uri(), messages, topics, concurrency);
            System.out.printf(Locale.ROOT, "%nmessages %d over %d topics, QoS 1, HiveMQ CE embedded, %d cores%n",
                    messages, topics, Runtime.getRuntime().availableProcessors());
            System.out.printf(Locale.ROOT, "broker raw (plain Paho subscriber):     %,10.0f msg/s%n", raw);
            System.out.printf(Locale.ROOT, "resource adapter -> endpoint (c=%s):    %,10.0f msg/s%n", concurrency,
                    adapter);
            System.out.printf(Locale.ROOT, "ratio:                                  %10.2f%n", adapter / raw);
        }
    }

    /** Fills the session of {@code clientId} with {@code messages} messages while it is offline. */
    private static void fill(String uri, String clientId, int messages, int topics) throws Exception {
        MqttAsyncClient session = new MqttAsyncClient(uri, clientId, new MemoryPersistence());
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(true);
        o.setSessionExpiryInterval(3600L);
        session.connect(o).waitForCompletion();
        session.subscribe(new MqttSubscription("bench/+", 1)).waitForCompletion();
        session.disconnect().waitForCompletion();
        session.close();
        try (TestClient publisher = new TestClient(uri, clientId + "-pub")) {
            for (int i = 0; i < messages; i++) {
                publisher.publish("bench/" + (i % topics), "message " + i, 1);
            }
        }
    }

    private static double raw(String uri, int messages, int topics) throws Exception {
        fill(uri, "bench-raw", messages, topics);
        CountDownLatch done = new CountDownLatch(messages);
        MqttAsyncClient c = new MqttAsyncClient(uri, "bench-raw", new MemoryPersistence());
        c.setCallback(new MqttCallback() {
            @Override
            public void disconnected(MqttDisconnectResponse r) {
            }

            @Override
            public void mqttErrorOccurred(MqttException e) {
            }

            @Override
            public void messageArrived(String topic, MqttMessage m) {
                done.countDown();
            }

            @Override
            public void deliveryComplete(IMqttToken t) {
            }

            @Override
            public void connectComplete(boolean reconnect, String serverURI) {
            }

            @Override
            public void authPacketArrived(int code, MqttProperties p) {
            }
        });
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(false);
        o.setSessionExpiryInterval(3600L);
        o.setReceiveMaximum(100);
        long start = System.nanoTime();
        c.connect(o).waitForCompletion();
        if (!done.await(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException("raw subscriber got only " + (messages - done.getCount()));
        }
        double rate = messages / ((System.nanoTime() - start) / 1e9);
        c.disconnect().waitForCompletion();
        c.close();
        return rate;
    }

    private static double adapter(String uri, int messages, int topics, String concurrency) throws Exception {
        fill(uri, "bench-ra", messages, topics);
        CountDownLatch done = new CountDownLatch(messages);
        MqttResourceAdapter ra = new MqttResourceAdapter();
        ra.start(null);
        try {
            MqttActivationSpec spec = new MqttActivationSpec();
            spec.setServerUris(uri);
            spec.setClientId("bench-ra");
            spec.setTopicFilter("bench/+");
            spec.setCleanStart("false");
            spec.setSessionExpiryInterval("3600");
            spec.setReceiveMaximum("100");
            spec.setMaxConcurrency(concurrency);
            long start = System.nanoTime();
            ra.endpointActivation(new TestEndpointFactory("bench", m -> done.countDown()), spec);
            if (!done.await(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("adapter delivered only " + (messages - done.getCount()));
            }
            return messages / ((System.nanoTime() - start) / 1e9);
        } finally {
            ra.stop();
        }
    }
}
