package org.fleetdispatch.robot;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A robot the dispatcher drives. Its name is its VDA 5050 {@code serialNumber} (as in Isaac Mission
 * Dispatch); with the manufacturer and the interface name it makes the robot's MQTT topics
 * {@code <interfaceName>/v2/<manufacturer>/<name>/<topic>}.
 */
@Entity
@Table(name = "robot")
@NamedQuery(name = "Robot.all", query = "select r from Robot r order by r.name")
@NamedQuery(name = "Robot.byIdentity",
        query = "select r from Robot r where r.manufacturer = :manufacturer and r.name = :serialNumber")
public class Robot {

    public static final String DEFAULT_MANUFACTURER = "RobotCompany";
    public static final String DEFAULT_INTERFACE_NAME = "uagv";

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

    @Embedded
    private RobotStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "lifecycle", nullable = false)
    private Lifecycle lifecycle;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "status_updated_at")
    private Instant statusUpdatedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Robot() {
        // for JPA
    }

    private Robot(String name, String manufacturer, String interfaceName, Instant now) {
        this.name = requireTopicLevel("name", name);
        this.manufacturer = requireTopicLevel("manufacturer", manufacturer);
        this.interfaceName = requireTopicLevel("interface name", interfaceName);
        this.status = RobotStatus.unknown();
        this.lifecycle = Lifecycle.ALIVE;
        this.createdAt = now;
    }

    /**
     * A robot the dispatcher starts to manage; offline until it reports.
     *
     * @param manufacturer  {@code null} for {@value #DEFAULT_MANUFACTURER}
     * @param interfaceName {@code null} for {@value #DEFAULT_INTERFACE_NAME}
     * @throws IllegalArgumentException naming the field when a value cannot be an MQTT topic level
     */
    public static Robot register(String name, String manufacturer, String interfaceName, Instant now) {
        return new Robot(name,
                manufacturer == null ? DEFAULT_MANUFACTURER : manufacturer,
                interfaceName == null ? DEFAULT_INTERFACE_NAME : interfaceName,
                now);
    }

    /**
     * The robot reported its state: it is online, with this battery charge and pose. The robot's own
     * activity ({@link RobotState}) is left to the dispatcher.
     */
    public void reportState(double batteryCharge, Pose2D pose, Instant receivedAt) {
        if (batteryCharge < 0 || batteryCharge > 100 || Double.isNaN(batteryCharge)) {
            throw new IllegalArgumentException("batteryCharge must be 0..100, was " + batteryCharge);
        }
        this.status = new RobotStatus(true, batteryCharge, Objects.requireNonNull(pose, "pose"), status.state());
        this.statusUpdatedAt = receivedAt;
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

    public long version() {
        return version;
    }
}
