package org.fleetdispatch.robot;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.fleetdispatch.persistence.JsonConverters;

/**
 * A robot the dispatcher drives. Its name is its VDA 5050 {@code serialNumber} (as in Isaac Mission
 * Dispatch); with the manufacturer and the interface name it makes the robot's MQTT topics
 * {@code <interfaceName>/v2/<manufacturer>/<name>/<topic>}.
 */
@Entity
@Table(name = "robot")
@NamedQuery(name = "Robot.all", query = "select r from Robot r order by r.name")
// Locking queries carry their lock mode here, so that nothing is left to prepare per call: find() with a lock mode
// built its SELECT ... FOR UPDATE again on every call (JFR at 200 robots), and every state message's slow path locks
// its robot.
@NamedQuery(name = "Robot.lock", query = "select r from Robot r where r.name = :name",
        lockMode = LockModeType.PESSIMISTIC_WRITE)
@NamedQuery(name = "Robot.lockByIdentity",
        query = "select r from Robot r where r.manufacturer = :manufacturer and r.name = :serialNumber",
        lockMode = LockModeType.PESSIMISTIC_WRITE)
@NamedQuery(name = "Robot.nameByIdentity",
        query = "select r.name from Robot r where r.manufacturer = :manufacturer and r.name = :serialNumber")
public class Robot {

    public static final String DEFAULT_MANUFACTURER = "RobotCompany";
    public static final String DEFAULT_INTERFACE_NAME = "uagv";

    /** The VDA 5050 topics the server publishes to a robot, as their topic levels (6.5). */
    public static final String ORDER_TOPIC = "order";
    public static final String INSTANT_ACTIONS_TOPIC = "instantActions";

    /**
     * VDA 5050 puts manufacturer and serialNumber into MQTT topic levels, so they may not hold the
     * topic separators or wildcards; the spec restricts serialNumber to these characters.
     */
    private static final Pattern TOPIC_LEVEL = Pattern.compile("[A-Za-z0-9_.:-]+");

    @Id
    @Column(name = "name")
    private String name;

    @Column(name = "manufacturer", nullable = false)
    private String manufacturer;

    @Column(name = "interface_name", nullable = false)
    private String interfaceName;

    @Convert(converter = JsonConverters.Strings.class)
    @Column(name = "labels", nullable = false)
    private List<String> labels;

    @Embedded
    private BatterySpec battery;

    @Column(name = "heartbeat_timeout_seconds", nullable = false)
    private double heartbeatTimeoutSeconds;

    @Column(name = "switch_teleop", nullable = false)
    private boolean switchTeleop;

    @Embedded
    private RobotStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "lifecycle", nullable = false)
    private Lifecycle lifecycle;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "status_updated_at")
    private Instant statusUpdatedAt;

    @Column(name = "publisher_id")
    private String publisherId;

    @Column(name = "last_order_header_id")
    private Long lastOrderHeaderId;

    @Column(name = "last_instant_actions_header_id")
    private Long lastInstantActionsHeaderId;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Robot() {
        // for JPA
    }

    /**
     * A robot the dispatcher starts to manage; offline until it reports.
     *
     * @param manufacturer  {@code null} for {@value #DEFAULT_MANUFACTURER}
     * @param interfaceName {@code null} for {@value #DEFAULT_INTERFACE_NAME}
     * @param spec          {@code null} for the defaults
     * @throws IllegalArgumentException naming the field when a value cannot be used
     */
    public static Robot register(String name, String manufacturer, String interfaceName, RobotSpec spec,
                                 String publisherId, Instant now) {
        Robot robot = new Robot();
        robot.name = requireTopicLevel("name", name);
        robot.manufacturer = requireTopicLevel("manufacturer", manufacturer == null ? DEFAULT_MANUFACTURER : manufacturer);
        robot.interfaceName = requireTopicLevel("interface_name", interfaceName == null ? DEFAULT_INTERFACE_NAME : interfaceName);
        robot.status = RobotStatus.unknown();
        robot.lifecycle = Lifecycle.ALIVE;
        robot.createdAt = now;
        robot.applySpec(spec == null ? RobotSpec.defaults() : spec);
        robot.publisherId = publisherId;
        return robot;
    }

    /** Short form for tests and the skeleton: defaults for everything but the identity. */
    public static Robot register(String name, String manufacturer, String interfaceName, Instant now) {
        return register(name, manufacturer, interfaceName, null, null, now);
    }

    /**
     * An operator changed the spec (identity fields stay).
     *
     * @return whether {@code switch_teleop} changed, so that the robot must be told
     */
    public boolean updateSpec(RobotSpec spec, String publisher) {
        boolean teleopChanged = spec.switchTeleop() != switchTeleop;
        applySpec(spec);
        publisherId = publisher;
        return teleopChanged;
    }

    private void applySpec(RobotSpec spec) {
        labels = spec.labels();
        battery = spec.battery();
        heartbeatTimeoutSeconds = spec.heartbeatTimeout().toNanos() / 1e9;
        switchTeleop = spec.switchTeleop();
    }

    /**
     * The robot reported its state: it is online, with this battery, pose, errors and information.
     *
     * @throws IllegalArgumentException when the battery charge is not a percentage
     */
    public void report(RobotReport report) {
        if (!(report.batteryCharge() >= 0 && report.batteryCharge() <= 100)) {
            throw new IllegalArgumentException("batteryCharge must be 0..100, was " + report.batteryCharge());
        }
        status.report(report);
        statusUpdatedAt = report.receivedAt();
    }

    /**
     * A state report that waited in memory for the periodic flush: applied only if nothing newer (a
     * connection change, a state taken on the slow path) reached the robot meanwhile.
     *
     * @return whether it was applied
     */
    public boolean reportIfNewer(RobotReport report) {
        if (statusUpdatedAt != null && !report.receivedAt().isAfter(statusUpdatedAt)) {
            return false;
        }
        report(report);
        return true;
    }

    /** Short form: battery and pose only. */
    public void reportState(double batteryCharge, Pose2D pose, Instant receivedAt) {
        report(new RobotReport(receivedAt, batteryCharge, status.charging(), Objects.requireNonNull(pose, "pose"),
                status.positionInitialized(), status.manualMode(), status.errors(), status.infoMessages(), manufacturer, name));
    }

    /** The robot's {@code connection} topic: ONLINE, or OFFLINE / CONNECTIONBROKEN. */
    public void connectionChanged(boolean online, Instant now) {
        status.connection(online, now);
        statusUpdatedAt = now;
    }

    /** Nothing heard within the heartbeat timeout. */
    public void heartbeatLost(Instant now) {
        status.offline();
        statusUpdatedAt = now;
    }

    /** Whether nothing was heard from the robot within its heartbeat timeout before {@code now}. */
    public boolean isSilentSince(Instant now) {
        return status.lastSeen() == null || status.lastSeen().plus(heartbeatTimeout()).isBefore(now);
    }

    /**
     * The next VDA 5050 {@code headerId} on one of the topics the server publishes to this robot: 0, 1, 2, …
     * per topic (6.4), counted in the robot's row, which the caller's transaction must hold.
     *
     * @param topicLevel {@link #ORDER_TOPIC} or {@link #INSTANT_ACTIONS_TOPIC}
     * @throws IllegalArgumentException for a topic the server does not publish on
     */
    public long nextHeaderId(String topicLevel) {
        switch (topicLevel) {
            case ORDER_TOPIC -> {
                lastOrderHeaderId = lastOrderHeaderId == null ? 0 : lastOrderHeaderId + 1;
                return lastOrderHeaderId;
            }
            case INSTANT_ACTIONS_TOPIC -> {
                lastInstantActionsHeaderId = lastInstantActionsHeaderId == null ? 0 : lastInstantActionsHeaderId + 1;
                return lastInstantActionsHeaderId;
            }
            default -> throw new IllegalArgumentException("the server does not publish to robots on topic " + topicLevel);
        }
    }

    /** The last headerId sent on a topic, or {@code null} if none was. */
    public Long lastHeaderId(String topicLevel) {
        return switch (topicLevel) {
            case ORDER_TOPIC -> lastOrderHeaderId;
            case INSTANT_ACTIONS_TOPIC -> lastInstantActionsHeaderId;
            default -> throw new IllegalArgumentException("the server does not publish to robots on topic " + topicLevel);
        };
    }

    /**
     * A robot registered under the name of a deleted one counts on from the headerIds sent to that one: they are
     * never reused on a topic.
     */
    void countOnFrom(String topicLevel, long lastHeaderId) {
        switch (topicLevel) {
            case ORDER_TOPIC -> lastOrderHeaderId = lastHeaderId;
            case INSTANT_ACTIONS_TOPIC -> lastInstantActionsHeaderId = lastHeaderId;
            default -> {
                // a topic this server no longer publishes on: nothing to count on from
            }
        }
    }

    /** The robot sent its VDA 5050 factsheet. */
    public void factsheetReceived(String agvClass, Double speedMax, String robotType, String softwareApp, String json, Instant now) {
        status.factsheet(agvClass, speedMax, robotType, softwareApp, json);
        statusUpdatedAt = now;
    }

    /** A mission started or ended on this robot. */
    public void onTask(boolean running) {
        status.onTask(running);
    }

    /** Marked for deletion; the dispatcher deletes it once no mission runs on it. */
    public void markPendingDelete(String publisher) {
        lifecycle = Lifecycle.PENDING_DELETE;
        publisherId = publisher;
    }

    /**
     * Whether the dispatcher may start a mission on it now: alive, online, localised (an order starts at
     * its pose), not on a mission, not in teleoperation.
     */
    public boolean isAvailable() {
        return lifecycle == Lifecycle.ALIVE && status.online() && status.positionInitialized() && !status.onTask()
                && !status.manualMode() && !switchTeleop;
    }

    private static String requireTopicLevel(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be empty");
        }
        if (!TOPIC_LEVEL.matcher(value).matches()) {
            throw new IllegalArgumentException(field + " '" + value
                    + "' may only contain letters, digits and _ . : - (it becomes an MQTT topic level)");
        }
        return value;
    }

    public String name() {
        return name;
    }

    public String manufacturer() {
        return manufacturer;
    }

    public String interfaceName() {
        return interfaceName;
    }

    public List<String> labels() {
        return labels;
    }

    public BatterySpec battery() {
        return battery;
    }

    public Duration heartbeatTimeout() {
        return Duration.ofNanos(Math.round(heartbeatTimeoutSeconds * 1e9));
    }

    public boolean switchTeleop() {
        return switchTeleop;
    }

    public RobotStatus status() {
        return status;
    }

    public Lifecycle lifecycle() {
        return lifecycle;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant statusUpdatedAt() {
        return statusUpdatedAt;
    }

    public String publisherId() {
        return publisherId;
    }

    public long version() {
        return version;
    }
}
