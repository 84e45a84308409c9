package org.fleetdispatch.simulator;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.TimerPingSender;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.fleetdispatch.vda5050.Action;
import org.fleetdispatch.vda5050.ActionState;
import org.fleetdispatch.vda5050.ActionStatus;
import org.fleetdispatch.vda5050.AgvError;
import org.fleetdispatch.vda5050.AgvPosition;
import org.fleetdispatch.vda5050.BatteryState;
import org.fleetdispatch.vda5050.BlockingType;
import org.fleetdispatch.vda5050.Connection;
import org.fleetdispatch.vda5050.ConnectionState;
import org.fleetdispatch.vda5050.Edge;
import org.fleetdispatch.vda5050.EdgeState;
import org.fleetdispatch.vda5050.ErrorLevel;
import org.fleetdispatch.vda5050.ErrorReference;
import org.fleetdispatch.vda5050.Factsheet;
import org.fleetdispatch.vda5050.Header;
import org.fleetdispatch.vda5050.InstantActions;
import org.fleetdispatch.vda5050.Node;
import org.fleetdispatch.vda5050.NodePosition;
import org.fleetdispatch.vda5050.NodeState;
import org.fleetdispatch.vda5050.OperatingMode;
import org.fleetdispatch.vda5050.Order;
import org.fleetdispatch.vda5050.SafetyState;
import org.fleetdispatch.vda5050.State;
import org.fleetdispatch.vda5050.Topic;
import org.fleetdispatch.vda5050.TopicName;
import org.fleetdispatch.vda5050.Vda5050Codec;
import org.fleetdispatch.vda5050.Vda5050Exception;
import org.fleetdispatch.vda5050.Vda5050Message;
import org.fleetdispatch.vda5050.Velocity;

/**
 * One simulated robot: its MQTT connection, its order and actions, its motion and battery. All mutable state is
 * guarded by the robot's monitor; the simulator's scheduler calls {@link #tick} once per state period and Paho's
 * callback thread delivers orders and instant actions. The public methods are the observation and control API
 * for tests.
 */
public final class SimulatedRobot {

    private static final System.Logger LOG = System.getLogger(SimulatedRobot.class.getName());

    /** Below this distance (m) the robot is on the node; it snaps there without turning towards it. */
    private static final double SNAP = 0.01;
    private static final double ANGLE_EPSILON = 1e-3;

    /** Where an action came from. */
    private enum Scope { NODE, EDGE, INSTANT }

    /** Action types that complete at once, whatever the configured durations say. */
    private static final java.util.Set<String> IMMEDIATE = java.util.Set.of("cancelOrder", "startPause",
            "stopPause", "stateRequest", "factsheetRequest", "startTeleop", "stopTeleop");

    /** One action the robot knows, with its progress. */
    private static final class ActionRun {
        final Action action;
        final Scope scope;
        final String placeKey;
        final String placeId;
        ActionStatus status = ActionStatus.WAITING;
        double remaining;
        String result;

        ActionRun(Action action, Scope scope, String placeKey, String placeId) {
            this.action = action;
            this.scope = scope;
            this.placeKey = placeKey;
            this.placeId = placeId;
        }

        boolean blocksDriving() {
            return action.blockingType() != BlockingType.NONE
                    && (status == ActionStatus.RUNNING || status == ActionStatus.PAUSED
                    || status == ActionStatus.INITIALIZING);
        }

        ActionState state() {
            return new ActionState(action.actionId(), action.actionType(), action.actionDescription(), status,
                    result);
        }
    }

    private final SimulatorConfig config;
    private final String serialNumber;
    private final Vda5050Codec codec;
    private final ScheduledExecutorService scheduler;
    /** Topic names by topic, made once: building one validates every level with a regular expression. */
    private final Map<Topic, String> topics = new EnumMap<>(Topic.class);

    // ---- guarded by this ----
    private final long[] headerIds = new long[Topic.values().length];
    private MqttAsyncClient client;
    private double x;
    private double y;
    private double theta;
    private String mapId;
    private double battery;
    private boolean charging;
    private OperatingMode operatingMode = OperatingMode.AUTOMATIC;
    private boolean paused;
    private String orderId = "";
    private long orderUpdateId;
    private String zoneSetId;
    private boolean orderCanceled;
    private String lastNodeId = "";
    private long lastNodeSequenceId;
    private Node lastBaseNode;
    private final ArrayList<Node> nodes = new ArrayList<>();
    private final ArrayList<Edge> edges = new ArrayList<>();
    private final LinkedHashMap<String, ActionRun> actions = new LinkedHashMap<>();
    private final ArrayDeque<ActionRun> triggered = new ArrayDeque<>();
    private final ArrayList<AgvError> errors = new ArrayList<>();
    private long acceptedOrders;
    private boolean failCurrentOrder;
    private double distanceSinceLastNode;
    private boolean driving;
    private double vx;
    private double omega;
    private long lastTickNanos;
    private boolean factsheetRequested;
    private boolean stopped;
    private boolean silent;

    // ---- observation, thread-safe ----
    private final CopyOnWriteArrayList<Order> receivedOrders = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<InstantActions> receivedInstantActions = new CopyOnWriteArrayList<>();
    private final AtomicLong statesPublished = new AtomicLong();
    private final AtomicLong rejectedMessages = new AtomicLong();
    private volatile State lastState;
    private volatile boolean connected;
    private volatile CompletableFuture<Void> ready;
    /** Whether the robot has been announced: it then publishes ONLINE whenever it connects. */
    private volatile boolean announced;
    private volatile LongConsumer orderWaits = nanos -> { };
    /** When the first state that showed the current order done was published ({@code System.nanoTime}), or 0. */
    private long doneSince; // guarded by this
    private volatile long subscribedAt;
    private volatile long announcedAt;
    private volatile long onlineAt;
    private volatile long factsheetRequestedAt;
    private volatile long firstOrderAt;

    SimulatedRobot(SimulatorConfig config, String serialNumber, Pose start, Vda5050Codec codec,
                   ScheduledExecutorService scheduler) {
        this.config = config;
        this.serialNumber = serialNumber;
        this.codec = codec;
        this.scheduler = scheduler;
        for (Topic kind : Topic.values()) {
            topics.put(kind, TopicName.of(config.interfaceName(), config.manufacturer(), serialNumber, kind).toString());
        }
        this.x = start.x();
        this.y = start.y();
        this.theta = start.theta();
        this.mapId = start.mapId();
        this.battery = config.battery();
        this.lastTickNanos = System.nanoTime();
    }

    // =====================================================================================================
    // observation and control API
    // =====================================================================================================

    public String serialNumber() {
        return serialNumber;
    }

    public String manufacturer() {
        return config.manufacturer();
    }

    /** The robot's pose now. */
    public synchronized Pose pose() {
        return new Pose(x, y, theta, mapId);
    }

    /** Every schema-valid order received, in arrival order (accepted or rejected). */
    public List<Order> receivedOrders() {
        return List.copyOf(receivedOrders);
    }

    /** Every schema-valid instantActions message received, in arrival order. */
    public List<InstantActions> receivedInstantActions() {
        return List.copyOf(receivedInstantActions);
    }

    /** The instant actions received so far, flattened. */
    public List<Action> receivedInstantActionList() {
        return receivedInstantActions.stream().flatMap(ia -> ia.actions().stream()).toList();
    }

    /** The last state published, or null before the first. */
    public State lastState() {
        return lastState;
    }

    /**
     * Tells {@code consumer} how long this robot waited for each new order, in nanoseconds: from publishing the
     * first state that showed its previous order done to accepting the next one. That is the master's part of the
     * robot's idle time, plus the broker both ways.
     */
    public void measureOrderWaits(LongConsumer consumer) {
        orderWaits = consumer;
    }

    /**
     * When this robot was first subscribed to its orders and instant actions and first began publishing ONLINE,
     * when it last came online (the broker acknowledged ONLINE), and when, after its first connection, it first got
     * a factsheetRequest and its first order ({@code System.nanoTime}, 0 while not yet): the master's part of a
     * fleet's start, per robot, and whether the fleet was announced at once.
     */
    public StartUp startUp() {
        return new StartUp(subscribedAt, announcedAt, onlineAt, factsheetRequestedAt, firstOrderAt);
    }

    /** See {@link #startUp()}. */
    public record StartUp(long subscribedAt, long announcedAt, long onlineAt, long factsheetRequestedAt,
                          long firstOrderAt) {
    }

    /** How many state messages were published. */
    public long statesPublished() {
        return statesPublished.get();
    }

    /** Messages on order or instantActions that could not be decoded (malformed or schema-invalid). */
    public long rejectedMessages() {
        return rejectedMessages.get();
    }

    /** Whether the MQTT connection is up. */
    public boolean isConnected() {
        return connected;
    }

    public synchronized double batteryCharge() {
        return battery;
    }

    public synchronized OperatingMode operatingMode() {
        return operatingMode;
    }

    /** Sets the battery level, e.g. to test low-battery handling. */
    public synchronized void setBatteryCharge(double percent) {
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("battery must be within [0, 100] %");
        }
        battery = percent;
    }

    /**
     * Stops or resumes publishing state while staying connected, e.g. to test the server's heartbeat timeout.
     * The simulation goes on.
     */
    public synchronized void setSilent(boolean silent) {
        this.silent = silent;
    }

    /**
     * Drops the connection without an MQTT DISCONNECT, as a crash or a cut cable would: the broker publishes the
     * last will (connection CONNECTIONBROKEN). The robot keeps its order and stands still until
     * {@link #reconnect()}.
     */
    public void disconnectAbruptly() throws MqttException {
        MqttAsyncClient c;
        synchronized (this) {
            c = client;
            client = null;
            connected = false;
        }
        if (c != null) {
            c.disconnectForcibly(0, 1000, false);
            c.close(true);
        }
    }

    /**
     * Connects again after {@link #disconnectAbruptly()}. The future completes once the robot is subscribed and
     * has published ONLINE.
     */
    public CompletableFuture<Void> reconnect() throws MqttException {
        return connect();
    }

    // =====================================================================================================
    // connection
    // =====================================================================================================

    /**
     * Connects; the future completes when subscribed to order and instantActions and, once the robot has been
     * {@linkplain #announce() announced}, ONLINE is published. A robot connecting for the first time waits for its
     * announcement; one connecting again announces itself at once.
     */
    CompletableFuture<Void> connect() throws MqttException {
        synchronized (this) {
            if (client != null) {
                throw new IllegalStateException(serialNumber + " is already connected");
            }
            String clientId = config.manufacturer() + "-" + serialNumber;
            client = new MqttAsyncClient(config.brokerUri(), clientId, new MemoryPersistence(),
                    new TimerPingSender(scheduler), null);
            client.setCallback(new Callback(client));
            MqttConnectionOptions options = new MqttConnectionOptions();
            options.setCleanStart(true);
            options.setSessionExpiryInterval(0L);
            options.setKeepAliveInterval((int) config.keepAlive().toSeconds());
            options.setConnectionTimeout((int) Math.max(1, config.connectTimeout().toSeconds()));
            options.setAutomaticReconnect(true);
            options.setAutomaticReconnectDelay(1, 5);
            // 6.14: the last will is CONNECTIONBROKEN on the connection topic, QoS 1, retained
            MqttMessage will = new MqttMessage(codec.encode(Connection.of(header(Topic.CONNECTION),
                    ConnectionState.CONNECTIONBROKEN)), Topic.CONNECTION.qos(), Topic.CONNECTION.retained(), null);
            options.setWill(topic(Topic.CONNECTION), will);
            CompletableFuture<Void> readiness = new CompletableFuture<>();
            ready = readiness;
            client.connect(options, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    readiness.completeExceptionally(e);
                }
            });
            return readiness;
        }
    }

    /**
     * Announces the robot to master control: connection ONLINE (QoS 1, retained, 6.14), then its first state at
     * once. From then on it also announces itself whenever it connects again.
     *
     * <p>Apart from connecting, so that {@link Simulator#start} can announce a whole fleet at the same moment: a
     * fleet's robots each run on their own computer, but here they share the master's two cores, and connecting
     * 200 of them (three broker round trips each) spread their first messages over most of a second. That spread
     * is the simulator's, and the benchmark counted it against the server (ADR 0063 addendum).
     *
     * @return completes when the broker has acknowledged ONLINE and the first state is published
     */
    CompletableFuture<Void> announce() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        MqttAsyncClient c = client;
        if (c == null) {
            done.completeExceptionally(new IllegalStateException(serialNumber + " is not connected"));
            return done;
        }
        announced = true;
        if (announcedAt == 0) {
            announcedAt = System.nanoTime();
        }
        try {
            c.publish(topic(Topic.CONNECTION), online(), Topic.CONNECTION.qos(), Topic.CONNECTION.retained(), null,
                    new MqttActionListener() {
                        @Override
                        public void onSuccess(IMqttToken token) {
                            cameOnline();
                            done.complete(null);
                        }

                        @Override
                        public void onFailure(IMqttToken token, Throwable e) {
                            done.completeExceptionally(e);
                        }
                    });
        } catch (MqttException e) {
            done.completeExceptionally(e);
        }
        return done;
    }

    private byte[] online() {
        synchronized (this) {
            return encode(Connection.of(header(Topic.CONNECTION), ConnectionState.ONLINE));
        }
    }

    private void cameOnline() {
        connected = true;
        onlineAt = System.nanoTime();
        publishState();
    }

    /** 6.14, graceful: publish OFFLINE (QoS 1, retained), then DISCONNECT, so that no last will is sent. */
    void disconnectCleanly() {
        MqttAsyncClient c;
        byte[] offline;
        synchronized (this) {
            stopped = true;
            c = client;
            client = null;
            offline = codec.encode(Connection.of(header(Topic.CONNECTION), ConnectionState.OFFLINE));
        }
        if (c == null) {
            return;
        }
        try {
            if (c.isConnected()) {
                c.publish(topic(Topic.CONNECTION), offline, Topic.CONNECTION.qos(), Topic.CONNECTION.retained())
                        .waitForCompletion(5000);
                c.disconnect(5000).waitForCompletion(5000);
            }
        } catch (MqttException e) {
            LOG.log(System.Logger.Level.WARNING, serialNumber + ": clean disconnect failed: " + e);
        } finally {
            connected = false;
            try {
                c.close(true);
            } catch (MqttException e) {
                LOG.log(System.Logger.Level.DEBUG, serialNumber + ": close: " + e);
            }
        }
    }

    private final class Callback implements MqttCallback {
        private final MqttAsyncClient owner;

        Callback(MqttAsyncClient owner) {
            this.owner = owner;
        }

        @Override
        public void connectComplete(boolean reconnect, String serverURI) {
            try {
                owner.subscribe(new org.eclipse.paho.mqttv5.common.MqttSubscription[] {
                    new org.eclipse.paho.mqttv5.common.MqttSubscription(topic(Topic.ORDER), Topic.ORDER.qos()),
                    new org.eclipse.paho.mqttv5.common.MqttSubscription(topic(Topic.INSTANT_ACTIONS),
                            Topic.INSTANT_ACTIONS.qos())
                }).waitForCompletion(10_000);
                if (subscribedAt == 0) {
                    subscribedAt = System.nanoTime();
                }
                if (announced) {
                    owner.publish(topic(Topic.CONNECTION), online(), Topic.CONNECTION.qos(), Topic.CONNECTION.retained())
                            .waitForCompletion(10_000);
                    cameOnline();
                }
                CompletableFuture<Void> readiness = ready;
                if (readiness != null) {
                    readiness.complete(null);
                }
            } catch (MqttException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, serialNumber + ": after connecting: " + e);
            }
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            connected = false;
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            LOG.log(System.Logger.Level.WARNING, serialNumber + ": MQTT error: " + exception);
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            try {
                Topic kind = TopicName.parse(topic).topic();
                if (kind == Topic.ORDER) {
                    onOrder(message.getPayload());
                } else if (kind == Topic.INSTANT_ACTIONS) {
                    onInstantActions(message.getPayload());
                }
            } catch (RuntimeException e) {
                // never let an exception reach Paho: it would drop the connection
                LOG.log(System.Logger.Level.ERROR, serialNumber + ": handling " + topic + " failed", e);
            }
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
        }
    }

    private String topic(Topic kind) {
        return topics.get(kind);
    }

    /** The next header of a topic: headerId counted per topic from 0 (6.4). Caller holds the monitor. */
    private Header header(Topic kind) {
        long id = headerIds[kind.ordinal()];
        headerIds[kind.ordinal()] = id == Header.MAX_HEADER_ID ? 0 : id + 1;
        return Header.now(id, config.manufacturer(), serialNumber);
    }

    // =====================================================================================================
    // orders (6.6, Figure 8)
    // =====================================================================================================

    void onOrder(byte[] payload) {
        Order order;
        try {
            order = codec.decode(payload, Order.class);
        } catch (Vda5050Exception e) {
            rejectedMessages.incrementAndGet();
            synchronized (this) {
                List<ErrorReference> refs = new ArrayList<>();
                refs.add(new ErrorReference("topic", "order"));
                stringField(payload, "orderId").ifPresent(id -> refs.add(new ErrorReference("orderId", id)));
                putError(new AgvError("validationError", refs, truncate(e.getMessage()), null, ErrorLevel.WARNING));
            }
            publishState();
            return;
        }
        receivedOrders.add(order);
        synchronized (this) {
            receive(order);
        }
        publishState();
    }

    private void receive(Order order) {
        List<ErrorReference> refs = List.of(new ErrorReference("orderId", order.orderId()),
                new ErrorReference("orderUpdateId", Long.toString(order.orderUpdateId())));
        if (!order.manufacturer().equals(config.manufacturer()) || !order.serialNumber().equals(serialNumber)) {
            putError(new AgvError("validationError", refs, "order is for " + order.manufacturer() + "/"
                    + order.serialNumber() + ", not " + config.manufacturer() + "/" + serialNumber, null,
                    ErrorLevel.WARNING));
            return;
        }
        Optional<String> problem = OrderRules.problem(order);
        if (problem.isPresent()) {
            putError(new AgvError("validationError", refs, problem.get(), null, ErrorLevel.WARNING));
            return;
        }
        if (operatingMode != OperatingMode.AUTOMATIC) {
            putError(new AgvError("orderError", refs, "operatingMode is " + operatingMode
                    + "; orders are accepted in AUTOMATIC only", null, ErrorLevel.WARNING));
            return;
        }
        if (!orderId.isEmpty() && order.orderId().equals(orderId)) {
            receiveUpdate(order, refs);
        } else {
            receiveNew(order, refs);
        }
    }

    private void receiveUpdate(Order order, List<ErrorReference> refs) {
        if (order.orderUpdateId() == orderUpdateId) {
            return; // 6.6.4.3: the same order twice, ignored
        }
        if (order.orderUpdateId() < orderUpdateId) {
            putError(new AgvError("orderUpdateError", refs, "orderUpdateId " + order.orderUpdateId()
                    + " is lower than the current " + orderUpdateId, null, ErrorLevel.WARNING));
            return;
        }
        if (orderCanceled) {
            putError(new AgvError("orderUpdateError", refs, "order " + orderId + " was canceled", null,
                    ErrorLevel.WARNING));
            return;
        }
        Node first = order.nodes().get(0);
        if (lastBaseNode == null || !first.nodeId().equals(lastBaseNode.nodeId())
                || first.sequenceId() != lastBaseNode.sequenceId()) {
            putError(new AgvError("orderUpdateError", refs, "the update starts at node " + first.nodeId() + " ("
                    + first.sequenceId() + ") but the last base node is "
                    + (lastBaseNode == null ? "none" : lastBaseNode.nodeId() + " (" + lastBaseNode.sequenceId()
                    + ")"), null, ErrorLevel.WARNING));
            return;
        }
        // stitch: the horizon is replaced, the stitching node keeps its first content (6.6.2)
        nodes.removeIf(n -> !n.released());
        edges.removeIf(e -> !e.released());
        for (int i = 1; i < order.nodes().size(); i++) {
            Node n = order.nodes().get(i);
            nodes.add(n);
            if (n.released()) {
                register(n.actions(), Scope.NODE, "nodeId", n.nodeId());
                lastBaseNode = n;
            }
        }
        for (Edge e : order.edges()) {
            edges.add(e);
            if (e.released()) {
                register(e.actions(), Scope.EDGE, "edgeId", e.edgeId());
            }
        }
        orderUpdateId = order.orderUpdateId();
        zoneSetId = order.zoneSetId();
        errors.removeIf(e -> e.errorType().equals("orderUpdateError") || e.errorType().equals("validationError")
                || e.errorType().equals("orderError"));
        // if the robot already stands on the stitching node, it enters the first new edge now
        if (!edges.isEmpty() && lastNodeId.equals(first.nodeId()) && lastNodeSequenceId == first.sequenceId()
                && edges.get(0).startNodeId().equals(first.nodeId()) && edges.get(0).released()) {
            triggerAll(edges.get(0).edgeId(), Scope.EDGE);
        }
    }

    private void receiveNew(Order order, List<ErrorReference> refs) {
        if (executing()) {
            putError(new AgvError("orderUpdateError", refs, "still executing order " + orderId
                    + "; a new order needs cancelOrder first", null, ErrorLevel.WARNING));
            return;
        }
        Node first = order.nodes().get(0);
        NodePosition p = first.nodePosition();
        double tolerance = Math.max(config.positionTolerance(),
                p.allowedDeviationXY() == null ? 0 : p.allowedDeviationXY());
        double distance = Math.hypot(p.x() - x, p.y() - y);
        if (!p.mapId().equals(mapId) || distance > tolerance) {
            List<ErrorReference> r = new ArrayList<>(refs);
            r.add(new ErrorReference("nodeId", first.nodeId()));
            putError(new AgvError("orderError", r, String.format(java.util.Locale.ROOT,
                    "first node %s is not trivially reachable: %.3f m away on map %s (robot on %s)",
                    first.nodeId(), distance, p.mapId(), mapId), null, ErrorLevel.WARNING));
            return;
        }
        if (doneSince != 0) {
            orderWaits.accept(System.nanoTime() - doneSince);
            doneSince = 0;
        }
        if (firstOrderAt == 0) {
            firstOrderAt = System.nanoTime();
        }
        acceptedOrders++;
        failCurrentOrder = config.failurePeriod() > 0 && acceptedOrders % config.failurePeriod() == 0;
        orderId = order.orderId();
        orderUpdateId = order.orderUpdateId();
        zoneSetId = order.zoneSetId();
        orderCanceled = false;
        nodes.clear();
        edges.clear();
        actions.clear();
        triggered.clear();
        errors.clear();
        lastBaseNode = null;
        nodes.addAll(order.nodes());
        edges.addAll(order.edges());
        for (Node n : order.nodes()) {
            if (n.released()) {
                register(n.actions(), Scope.NODE, "nodeId", n.nodeId());
                lastBaseNode = n;
            }
        }
        for (Edge e : order.edges()) {
            if (e.released()) {
                register(e.actions(), Scope.EDGE, "edgeId", e.edgeId());
            }
        }
        distanceSinceLastNode = 0;
    }

    private void register(List<Action> list, Scope scope, String placeKey, String placeId) {
        for (Action a : list) {
            actions.putIfAbsent(a.actionId(), new ActionRun(a, scope, placeKey, placeId));
        }
    }

    /** Released nodes left to drive, or order actions not yet ended. */
    private boolean executing() {
        for (Node n : nodes) {
            if (n.released()) {
                return true;
            }
        }
        for (ActionRun r : actions.values()) {
            if (r.scope != Scope.INSTANT && !r.status.isTerminal()) {
                return true;
            }
        }
        return false;
    }

    // =====================================================================================================
    // instant actions (6.8, 6.9)
    // =====================================================================================================

    void onInstantActions(byte[] payload) {
        InstantActions message;
        try {
            message = codec.decode(payload, InstantActions.class);
        } catch (Vda5050Exception e) {
            rejectedMessages.incrementAndGet();
            synchronized (this) {
                putError(new AgvError("validationError", List.of(new ErrorReference("topic", "instantActions")),
                        truncate(e.getMessage()), null, ErrorLevel.WARNING));
            }
            publishState();
            return;
        }
        receivedInstantActions.add(message);
        boolean factsheet;
        synchronized (this) {
            for (Action a : message.actions()) {
                instant(a);
            }
            factsheet = factsheetRequested;
            factsheetRequested = false;
        }
        if (factsheet) {
            publishFactsheet();
        }
        publishState();
    }

    private void instant(Action a) {
        if (actions.containsKey(a.actionId())) {
            return; // re-sent by master control: already known
        }
        ActionRun run = new ActionRun(a, Scope.INSTANT, null, null);
        actions.put(a.actionId(), run);
        switch (a.actionType()) {
            case "cancelOrder" -> {
                if (!orderId.isEmpty() && !orderCanceled && executing()) {
                    clearOrder("canceled by cancelOrder " + a.actionId());
                    orderCanceled = true;
                    finish(run, ActionStatus.FINISHED, null);
                } else {
                    // 6.6.3.2
                    finish(run, ActionStatus.FAILED, "no order to cancel");
                    putError(new AgvError("noOrderToCancel", List.of(new ErrorReference("actionId", a.actionId())),
                            orderCanceled ? "order " + orderId + " was already canceled" : "there is no order",
                            null, ErrorLevel.WARNING));
                }
            }
            case "startPause" -> {
                paused = true;
                for (ActionRun r : actions.values()) {
                    if (r.status == ActionStatus.RUNNING) {
                        r.status = ActionStatus.PAUSED;
                    }
                }
                finish(run, ActionStatus.FINISHED, null);
            }
            case "stopPause" -> {
                paused = false;
                for (ActionRun r : actions.values()) {
                    if (r.status == ActionStatus.PAUSED) {
                        r.status = ActionStatus.RUNNING;
                    }
                }
                finish(run, ActionStatus.FINISHED, null);
            }
            case "startTeleop" -> {
                // operatingMode MANUAL: a person drives; entering it clears all orders (6.10.6) — see ADR 0062
                if (executing()) {
                    clearOrder("canceled: teleoperation started");
                    orderCanceled = true;
                }
                operatingMode = OperatingMode.MANUAL;
                finish(run, ActionStatus.FINISHED, null);
            }
            case "stopTeleop" -> {
                operatingMode = OperatingMode.AUTOMATIC;
                finish(run, ActionStatus.FINISHED, null);
            }
            case "factsheetRequest" -> {
                factsheetRequested = true;
                if (factsheetRequestedAt == 0) {
                    factsheetRequestedAt = System.nanoTime();
                }
                finish(run, ActionStatus.FINISHED, null);
            }
            case "stateRequest" -> finish(run, ActionStatus.FINISHED, null);
            default -> start(run);
        }
    }

    // =====================================================================================================
    // simulation step
    // =====================================================================================================

    /** One step: advance actions, battery and motion by the time since the last step, then publish state. */
    void tick() {
        try {
            synchronized (this) {
                if (stopped) {
                    return;
                }
                long now = System.nanoTime();
                double dt = Math.min((now - lastTickNanos) / 1e9, 5.0 * config.statePeriod().toNanos() / 1e9);
                lastTickNanos = now;
                step(dt);
            }
            publishState();
        } catch (RuntimeException e) {
            // an exception would cancel the periodic task: log and go on
            LOG.log(System.Logger.Level.ERROR, serialNumber + ": simulation step failed", e);
        }
    }

    private void step(double dt) {
        if (charging) {
            battery = Math.min(100, battery + config.chargeRatePerSecond() * dt);
            if (battery >= 100) {
                charging = false; // the vehicle ends charging when full (startCharging/stopCharging, 6.8.1)
            }
        }
        if (!paused) {
            for (ActionRun r : List.copyOf(actions.values())) {
                if (r.status == ActionStatus.RUNNING) {
                    r.remaining -= dt;
                    if (r.remaining <= 0) {
                        complete(r);
                    }
                }
            }
        }
        startTriggered();
        drive(dt);
        startTriggered();
    }

    /** Starts triggered actions in order, honouring HARD blocking (6.12). */
    private void startTriggered() {
        while (!triggered.isEmpty() && !paused) {
            ActionRun head = triggered.peek();
            boolean hardRunning = false;
            boolean anyRunning = false;
            for (ActionRun r : actions.values()) {
                if (r.status == ActionStatus.RUNNING || r.status == ActionStatus.PAUSED) {
                    anyRunning = true;
                    hardRunning |= r.action.blockingType() == BlockingType.HARD;
                }
            }
            if (hardRunning || head.action.blockingType() == BlockingType.HARD && anyRunning) {
                return;
            }
            triggered.poll();
            if (head.status == ActionStatus.WAITING) {
                start(head);
            }
        }
    }

    private void start(ActionRun run) {
        run.status = ActionStatus.RUNNING;
        run.remaining = IMMEDIATE.contains(run.action.actionType()) ? 0
                : config.actionDuration(run.action.actionType()).toNanos() / 1e9;
        if (run.remaining <= 0) {
            complete(run);
        }
    }

    /** A running action's time is up. */
    private void complete(ActionRun run) {
        if (config.failingActions().contains(run.action.actionType())) {
            finish(run, ActionStatus.FAILED, "simulated failure of " + run.action.actionType());
            List<ErrorReference> refs = new ArrayList<>();
            if (run.scope != Scope.INSTANT) {
                refs.add(new ErrorReference("orderId", orderId));
                refs.add(new ErrorReference(run.placeKey, run.placeId));
            }
            refs.add(new ErrorReference("actionId", run.action.actionId()));
            putError(new AgvError("actionFailed", refs, "action " + run.action.actionType() + " ("
                    + run.action.actionId() + ") failed", null, ErrorLevel.WARNING));
            if (run.scope != Scope.INSTANT) {
                clearOrder("order stopped: action " + run.action.actionId() + " failed");
            }
            return;
        }
        switch (run.action.actionType()) {
            case "startCharging" -> charging = true;
            case "stopCharging" -> charging = false;
            case "initPosition" -> initPosition(run.action);
            default -> {
            }
        }
        finish(run, ActionStatus.FINISHED, null);
    }

    private void finish(ActionRun run, ActionStatus status, String result) {
        run.status = status;
        run.result = result;
        run.remaining = 0;
    }

    private void initPosition(Action a) {
        x = number(a, "x").orElse(x);
        y = number(a, "y").orElse(y);
        theta = normalize(number(a, "theta").orElse(theta));
        a.parameter("mapId").map(p -> p.value()).filter(v -> v instanceof JsonString)
                .ifPresent(v -> mapId = ((JsonString) v).getString());
        a.parameter("lastNodeId").map(p -> p.value()).filter(v -> v instanceof JsonString)
                .ifPresent(v -> lastNodeId = ((JsonString) v).getString());
    }

    private static Optional<Double> number(Action a, String key) {
        return a.parameter(key).map(p -> p.value()).filter(v -> v instanceof JsonNumber)
                .map(v -> ((JsonNumber) v).doubleValue());
    }

    /** Stops the order where the robot is: remaining nodes and edges dropped, unfinished order actions FAILED. */
    private void clearOrder(String reason) {
        for (ActionRun r : actions.values()) {
            if (r.scope != Scope.INSTANT && !r.status.isTerminal()) {
                finish(r, ActionStatus.FAILED, reason);
            }
        }
        triggered.clear();
        nodes.clear();
        edges.clear();
        failCurrentOrder = false;
    }

    private boolean canDrive() {
        if (paused || charging || operatingMode != OperatingMode.AUTOMATIC) {
            return false;
        }
        for (ActionRun r : actions.values()) {
            if (r.blocksDriving()) {
                return false;
            }
        }
        for (ActionRun r : triggered) {
            if (r.action.blockingType() != BlockingType.NONE) {
                return false;
            }
        }
        return true;
    }

    private void drive(double dt) {
        double time = dt;
        double moved = 0;
        double turned = 0;
        while (time > 1e-9 && !nodes.isEmpty() && nodes.get(0).released() && canDrive()) {
            Node target = nodes.get(0);
            NodePosition p = target.nodePosition();
            if (!p.mapId().equals(mapId)) {
                // another map (e.g. an elevator): the robot reappears there (6.6.5)
                mapId = p.mapId();
                x = p.x();
                y = p.y();
            }
            double dx = p.x() - x;
            double dy = p.y() - y;
            double distance = Math.hypot(dx, dy);
            if (distance > SNAP) {
                double diff = normalize(Math.atan2(dy, dx) - theta);
                if (Math.abs(diff) > ANGLE_EPSILON) {
                    double use = Math.min(Math.abs(diff) / config.angularSpeed(), time);
                    double angle = Math.signum(diff) * config.angularSpeed() * use;
                    theta = normalize(theta + angle);
                    turned += angle;
                    time -= use;
                    continue;
                }
                double speed = config.speed();
                if (!edges.isEmpty() && edges.get(0).endNodeId().equals(target.nodeId())
                        && edges.get(0).maxSpeed() != null && edges.get(0).maxSpeed() > 0) {
                    speed = Math.min(speed, edges.get(0).maxSpeed());
                }
                double use = Math.min(distance / speed, time);
                double step = speed * use;
                if (step >= distance - 1e-9) {
                    step = distance;
                    x = p.x();
                    y = p.y();
                } else {
                    x += dx / distance * step;
                    y += dy / distance * step;
                }
                moved += step;
                distanceSinceLastNode += step;
                battery = Math.max(0, battery - step * config.batteryDrainPerMetre());
                time -= use;
                continue;
            }
            if (distance > 0) {
                moved += distance;
                distanceSinceLastNode += distance;
                battery = Math.max(0, battery - distance * config.batteryDrainPerMetre());
            }
            x = p.x();
            y = p.y();
            if (p.theta() != null) {
                double diff = normalize(p.theta() - theta);
                double tolerance = Math.max(ANGLE_EPSILON,
                        p.allowedDeviationTheta() == null ? 0 : p.allowedDeviationTheta());
                if (Math.abs(diff) > tolerance) {
                    double use = Math.min(Math.abs(diff) / config.angularSpeed(), time);
                    double angle = Math.signum(diff) * config.angularSpeed() * use;
                    theta = normalize(theta + angle);
                    turned += angle;
                    time -= use;
                    if (Math.abs(normalize(p.theta() - theta)) <= tolerance + 1e-9) {
                        theta = normalize(p.theta());
                    }
                    continue;
                }
            }
            traverse(target);
        }
        // driving: it moved in this step and goes on; standing on a node for an action or at the end is not
        driving = (moved > 0 || turned != 0) && !nodes.isEmpty() && nodes.get(0).released() && canDrive();
        vx = driving && dt > 0 ? moved / dt : 0;
        omega = driving && dt > 0 ? turned / dt : 0;
    }

    /** 6.10.2: the node counts as traversed; leave the edge before it, trigger the node's and next edge's actions. */
    private void traverse(Node node) {
        nodes.remove(0);
        lastNodeId = node.nodeId();
        lastNodeSequenceId = node.sequenceId();
        distanceSinceLastNode = 0;
        if (!edges.isEmpty() && edges.get(0).sequenceId() < node.sequenceId()) {
            Edge left = edges.remove(0);
            for (ActionRun r : actions.values()) {
                if (r.scope == Scope.EDGE && r.placeId.equals(left.edgeId()) && !r.status.isTerminal()) {
                    finish(r, ActionStatus.FINISHED, "edge left");
                }
            }
            triggered.removeIf(r -> r.scope == Scope.EDGE && r.placeId.equals(left.edgeId()));
        }
        if (failCurrentOrder && lastBaseNode != null && node.nodeId().equals(lastBaseNode.nodeId())
                && node.sequenceId() == lastBaseNode.sequenceId()) {
            failOrder(node);
            return;
        }
        triggerAll(node.nodeId(), Scope.NODE);
        if (!edges.isEmpty() && edges.get(0).released() && edges.get(0).startNodeId().equals(node.nodeId())) {
            triggerAll(edges.get(0).edgeId(), Scope.EDGE);
        }
    }

    private void triggerAll(String placeId, Scope scope) {
        for (ActionRun r : actions.values()) {
            if (r.scope == scope && r.placeId.equals(placeId) && r.status == ActionStatus.WAITING
                    && !triggered.contains(r)) {
                triggered.add(r);
            }
        }
    }

    /** The failure period hit this order: a FATAL error naming order, node and the node's first action. */
    private void failOrder(Node node) {
        List<ErrorReference> refs = new ArrayList<>();
        refs.add(new ErrorReference("orderId", orderId));
        refs.add(new ErrorReference("orderUpdateId", Long.toString(orderUpdateId)));
        refs.add(new ErrorReference("nodeId", node.nodeId()));
        refs.add(new ErrorReference("nodeSequenceId", Long.toString(node.sequenceId())));
        if (!node.actions().isEmpty()) {
            refs.add(new ErrorReference("actionId", node.actions().get(0).actionId()));
        }
        putError(new AgvError("simulatedFailure", refs, "failure period " + config.failurePeriod() + ": order "
                + orderId + " failed at node " + node.nodeId(), null, ErrorLevel.FATAL));
        clearOrder("order failed at node " + node.nodeId());
    }

    /** Adds an error, replacing an earlier one of the same type (it stays until a new order is accepted). */
    private void putError(AgvError error) {
        errors.removeIf(e -> e.errorType().equals(error.errorType()));
        errors.add(error);
    }

    // =====================================================================================================
    // publishing
    // =====================================================================================================

    /** Builds, encodes and publishes the state now (also used on events: order received, instant action). */
    void publishState() {
        synchronized (this) {
            if (stopped || silent) {
                return;
            }
            State state = buildState();
            lastState = state;
            if (doneSince == 0 && !orderId.isEmpty() && !executing()) {
                doneSince = System.nanoTime();
            }
            byte[] payload = encode(state);
            if (publish(Topic.STATE, payload)) {
                statesPublished.incrementAndGet();
            }
        }
    }

    private void publishFactsheet() {
        synchronized (this) {
            publish(Topic.FACTSHEET, encode(Factsheets.of(config, header(Topic.FACTSHEET))));
        }
    }

    /** Checked against its schema unless the configuration says not to (load tests: the server checks anyway). */
    private byte[] encode(Vda5050Message message) {
        return config.checkOwnMessages() ? codec.encode(message) : codec.encodeUnchecked(message);
    }

    /** Publishes with the topic's QoS and retain flag; false when not connected (QoS 0 is best effort). */
    private boolean publish(Topic kind, byte[] payload) {
        MqttAsyncClient c = client;
        if (c == null || !c.isConnected()) {
            return false;
        }
        try {
            c.publish(topic(kind), payload, kind.qos(), kind.retained());
            return true;
        } catch (MqttException e) {
            LOG.log(System.Logger.Level.DEBUG, serialNumber + ": publish " + kind + " failed: " + e);
            return false;
        }
    }

    private State buildState() {
        List<NodeState> nodeStates = new ArrayList<>(nodes.size());
        int releasedLeft = 0;
        boolean horizon = false;
        for (Node n : nodes) {
            nodeStates.add(new NodeState(n.nodeId(), n.sequenceId(), n.nodeDescription(), n.nodePosition(),
                    n.released()));
            if (n.released()) {
                releasedLeft++;
            } else {
                horizon = true;
            }
        }
        List<EdgeState> edgeStates = new ArrayList<>(edges.size());
        for (Edge e : edges) {
            edgeStates.add(new EdgeState(e.edgeId(), e.sequenceId(), e.edgeDescription(), e.released(),
                    e.trajectory()));
        }
        List<ActionState> actionStates = new ArrayList<>(actions.size());
        for (ActionRun r : actions.values()) {
            actionStates.add(r.state());
        }
        Header h = header(Topic.STATE);
        return new State(h.headerId(), h.timestamp(), h.version(), h.manufacturer(), h.serialNumber(), orderId,
                orderUpdateId, zoneSetId, lastNodeId, lastNodeSequenceId, nodeStates, edgeStates,
                new AgvPosition(x, y, normalize(theta), mapId, null, true, 1.0, null),
                new Velocity(vx, 0.0, omega), null, driving, paused, horizon && releasedLeft <= 1,
                distanceSinceLastNode, actionStates,
                new BatteryState(battery, null, null, charging, config.batteryDrainPerMetre() > 0
                        ? battery / config.batteryDrainPerMetre() : null),
                operatingMode, List.copyOf(errors), null, SafetyState.NORMAL, null);
    }

    // =====================================================================================================
    // helpers
    // =====================================================================================================

    static double normalize(double angle) {
        double a = Math.IEEEremainder(angle, 2 * Math.PI);
        return a > Math.PI ? a - 2 * Math.PI : (a < -Math.PI ? a + 2 * Math.PI : a);
    }

    private Optional<String> stringField(byte[] payload, String field) {
        try {
            JsonValue v = codec.parse(payload);
            if (v instanceof JsonObject o && o.get(field) instanceof JsonString s) {
                return Optional.of(s.getString());
            }
        } catch (Vda5050Exception e) {
            // malformed: nothing to refer to
        }
        return Optional.empty();
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 500 ? s : s.substring(0, 497) + "...";
    }

    @Override
    public String toString() {
        return config.manufacturer() + "/" + serialNumber;
    }
}
