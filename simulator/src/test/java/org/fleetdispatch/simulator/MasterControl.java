package org.fleetdispatch.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
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
import org.fleetdispatch.vda5050.Action;
import org.fleetdispatch.vda5050.Connection;
import org.fleetdispatch.vda5050.Factsheet;
import org.fleetdispatch.vda5050.Header;
import org.fleetdispatch.vda5050.InstantActions;
import org.fleetdispatch.vda5050.Order;
import org.fleetdispatch.vda5050.State;
import org.fleetdispatch.vda5050.Topic;
import org.fleetdispatch.vda5050.TopicName;
import org.fleetdispatch.vda5050.Vda5050Codec;

/**
 * The test's stand-in for the server: publishes orders and instant actions over MQTT exactly as the server will,
 * and records what robots of one manufacturer publish (decoded strictly with the codec).
 */
final class MasterControl implements AutoCloseable {

    private static final AtomicLong CLIENTS = new AtomicLong();

    private final Vda5050Codec codec = new Vda5050Codec();
    private final MqttAsyncClient client;
    private final String interfaceName;
    private final String manufacturer;
    private final Map<String, List<State>> states = new ConcurrentHashMap<>();
    private final Map<String, List<Connection>> connections = new ConcurrentHashMap<>();
    private final Map<String, List<Factsheet>> factsheets = new ConcurrentHashMap<>();
    private final List<String> undecodable = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicLong> headerIds = new ConcurrentHashMap<>();
    private final AtomicLong stateCount = new AtomicLong();

    MasterControl(String brokerUri, String interfaceName, String manufacturer) throws MqttException {
        this.interfaceName = interfaceName;
        this.manufacturer = manufacturer;
        client = new MqttAsyncClient(brokerUri, "master-" + CLIENTS.incrementAndGet(), new MemoryPersistence());
        client.setCallback(new MqttCallback() {
            @Override
            public void disconnected(MqttDisconnectResponse r) {
            }

            @Override
            public void mqttErrorOccurred(MqttException e) {
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                record(topic, message.getPayload());
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
        });
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        client.connect(options).waitForCompletion(10_000);
        client.subscribe(new MqttSubscription[] {
            sub(Topic.STATE), sub(Topic.CONNECTION), sub(Topic.FACTSHEET)
        }).waitForCompletion(10_000);
    }

    private MqttSubscription sub(Topic topic) {
        return new MqttSubscription(TopicName.filter(interfaceName, manufacturer, null, topic), topic.qos());
    }

    private void record(String topic, byte[] payload) {
        try {
            TopicName name = TopicName.parse(topic);
            String serial = name.serialNumber();
            switch (name.topic()) {
                case STATE -> {
                    states.computeIfAbsent(serial, s -> new CopyOnWriteArrayList<>())
                            .add(codec.decode(payload, State.class));
                    stateCount.incrementAndGet();
                }
                case CONNECTION -> connections.computeIfAbsent(serial, s -> new CopyOnWriteArrayList<>())
                        .add(codec.decode(payload, Connection.class));
                case FACTSHEET -> factsheets.computeIfAbsent(serial, s -> new CopyOnWriteArrayList<>())
                        .add(codec.decode(payload, Factsheet.class));
                default -> undecodable.add(topic);
            }
        } catch (RuntimeException e) {
            undecodable.add(topic + ": " + e.getMessage());
        }
    }

    Header header(String serial, Topic topic) {
        long id = headerIds.computeIfAbsent(serial + "/" + topic, k -> new AtomicLong()).getAndIncrement();
        return Header.now(id, manufacturer, serial);
    }

    void publish(String serial, Topic topic, byte[] payload) throws MqttException {
        client.publish(TopicName.of(interfaceName, manufacturer, serial, topic).toString(), payload, topic.qos(),
                topic.retained()).waitForCompletion(5000);
    }

    void order(Order order) throws MqttException {
        publish(order.serialNumber(), Topic.ORDER, codec.encode(order));
    }

    void instantActions(String serial, Action... actions) throws MqttException {
        publish(serial, Topic.INSTANT_ACTIONS, codec.encode(InstantActions.of(header(serial, Topic.INSTANT_ACTIONS),
                List.of(actions))));
    }

    List<State> states(String serial) {
        return new ArrayList<>(states.getOrDefault(serial, List.of()));
    }

    State lastState(String serial) {
        List<State> list = states.get(serial);
        return list == null || list.isEmpty() ? null : list.get(list.size() - 1);
    }

    List<Connection> connections(String serial) {
        return new ArrayList<>(connections.getOrDefault(serial, List.of()));
    }

    List<Factsheet> factsheets(String serial) {
        return new ArrayList<>(factsheets.getOrDefault(serial, List.of()));
    }

    long stateCount() {
        return stateCount.get();
    }

    /** Messages that did not decode: must stay empty, the robots publish only valid VDA 5050. */
    List<String> undecodable() {
        return List.copyOf(undecodable);
    }

    @Override
    public void close() throws MqttException {
        try {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(5000);
            }
        } finally {
            client.close();
            codec.close();
        }
    }
}
