package org.fleetdispatch.robot;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Robots in PostgreSQL. Joins the caller's transaction; callers (the EJB services) own the
 * transaction boundaries.
 */
@ApplicationScoped
public class RobotRepository {

    @PersistenceContext(unitName = "fleetdispatch")
    private EntityManager entityManager;

    protected RobotRepository() {
        // for CDI
    }

    public RobotRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public Optional<Robot> find(String name) {
        return Optional.ofNullable(entityManager.find(Robot.class, name));
    }

    /** The robot, locked until the transaction ends. */
    public Optional<Robot> lock(String name) {
        return entityManager.createNamedQuery("Robot.lock", Robot.class)
                .setParameter("name", name)
                .getResultStream()
                .findFirst();
    }

    /**
     * Those of the named robots that no other transaction holds right now, locked, in name order; the
     * others are skipped rather than waited for. One round trip for a whole batch.
     */
    @SuppressWarnings("unchecked")
    public List<Robot> lockUnlessBusy(Collection<String> names) {
        if (names.isEmpty()) {
            return List.of();
        }
        StringJoiner placeholders = new StringJoiner(", ");
        for (int i = 1; i <= names.size(); i++) {
            placeholders.add("?" + i);
        }
        Query query = entityManager.createNativeQuery("select * from robot where name in (" + placeholders
                + ") order by name for update skip locked", Robot.class);
        int i = 1;
        for (String name : names) {
            query.setParameter(i++, name);
        }
        return query.getResultList();
    }

    /** The robot that publishes on {@code .../<manufacturer>/<serialNumber>/...}, if we manage it. */
    /**
     * The robot with this VDA 5050 identity, locked for this transaction: one query, where finding it and then
     * locking it by name took two (the lock re-reads an entity already loaded).
     */
    public Optional<Robot> lockByIdentity(String manufacturer, String serialNumber) {
        return entityManager.createNamedQuery("Robot.lockByIdentity", Robot.class)
                .setParameter("manufacturer", manufacturer)
                .setParameter("serialNumber", serialNumber)
                .getResultStream()
                .findFirst();
    }

    /**
     * The name of the robot with this identity, without loading the robot: the state handler asks once per robot
     * and server start, all robots at once at a fleet's start, and needs nothing else.
     */
    public Optional<String> nameByIdentity(String manufacturer, String serialNumber) {
        return entityManager.createNamedQuery("Robot.nameByIdentity", String.class)
                .setParameter("manufacturer", manufacturer)
                .setParameter("serialNumber", serialNumber)
                .getResultStream()
                .findFirst();
    }

    public List<Robot> all() {
        return entityManager.createNamedQuery("Robot.all", Robot.class).getResultList();
    }

    /**
     * Robots that have not yet done what an instant action asked: teleoperation switched on or off in the spec but
     * not yet in the robot's operating mode, or no factsheet received. The periodic re-send looks at these only.
     */
    @SuppressWarnings("unchecked")
    public List<Robot> awaitingInstantActions() {
        return entityManager.createNativeQuery("""
                        select * from robot
                        where lifecycle <> 'DELETED' and (switch_teleop <> manual_mode or factsheet is null)
                        order by name""", Robot.class)
                .getResultList();
    }

    /** Robots marked for deletion, waiting for their running mission to end. */
    public List<Robot> pendingDelete() {
        return entityManager.createQuery("select r from Robot r where r.lifecycle = :pending order by r.name", Robot.class)
                .setParameter("pending", Lifecycle.PENDING_DELETE)
                .getResultList();
    }

    public boolean exists(String name) {
        return find(name).isPresent();
    }

    /** Stores a new robot; one registered under the name of a deleted robot counts headerIds on from that one's. */
    public void add(Robot robot) {
        @SuppressWarnings("unchecked")
        List<Object[]> counted = entityManager.createNativeQuery(
                        "select topic, last_header_id from vda5050_header_counter where robot_name = ?1")
                .setParameter(1, robot.name())
                .getResultList();
        for (Object[] row : counted) {
            robot.countOnFrom((String) row[0], ((Number) row[1]).longValue());
        }
        entityManager.persist(robot);
    }

    /** Deletes the robot; the headerIds sent to it are kept for a robot registered under its name later. */
    public void remove(Robot robot) {
        for (String topic : List.of(Robot.ORDER_TOPIC, Robot.INSTANT_ACTIONS_TOPIC)) {
            Long last = robot.lastHeaderId(topic);
            if (last != null) {
                entityManager.createNativeQuery("""
                                insert into vda5050_header_counter (robot_name, topic, last_header_id) values (?1, ?2, ?3)
                                on conflict (robot_name, topic) do update
                                set last_header_id = greatest(vda5050_header_counter.last_header_id, excluded.last_header_id)""")
                        .setParameter(1, robot.name())
                        .setParameter(2, topic)
                        .setParameter(3, last)
                        .executeUpdate();
            }
        }
        entityManager.remove(robot);
    }

    /** Robots matching a filter, by name. Every value is a bound parameter. */
    public List<Robot> list(RobotFilter filter) {
        StringBuilder jpql = new StringBuilder("select r from Robot r where r.lifecycle <> :deleted");
        List<Object[]> parameters = new ArrayList<>();
        parameters.add(new Object[] {"deleted", Lifecycle.DELETED});
        if (filter.minBattery() != null) {
            jpql.append(" and r.status.batteryLevel >= :minBattery");
            parameters.add(new Object[] {"minBattery", filter.minBattery()});
        }
        if (filter.maxBattery() != null) {
            jpql.append(" and r.status.batteryLevel <= :maxBattery");
            parameters.add(new Object[] {"maxBattery", filter.maxBattery()});
        }
        if (filter.state() != null) {
            jpql.append(" and r.status.state = :state");
            parameters.add(new Object[] {"state", filter.state()});
        }
        if (filter.online() != null) {
            jpql.append(" and r.status.online = :online");
            parameters.add(new Object[] {"online", filter.online()});
        }
        if (filter.positionInitialized() != null) {
            jpql.append(" and r.status.positionInitialized = :positionInitialized");
            parameters.add(new Object[] {"positionInitialized", filter.positionInitialized()});
        }
        if (!filter.names().isEmpty()) {
            jpql.append(" and r.name in :names");
            parameters.add(new Object[] {"names", filter.names()});
        }
        if (filter.robotType() != null) {
            jpql.append(" and r.status.robotType = :robotType");
            parameters.add(new Object[] {"robotType", filter.robotType()});
        }
        jpql.append(" order by r.name");
        TypedQuery<Robot> query = entityManager.createQuery(jpql.toString(), Robot.class);
        for (Object[] p : parameters) {
            query.setParameter((String) p[0], p[1]);
        }
        return query.getResultList();
    }

    /**
     * An online, idle robot for a mission submitted without one, locked, skipping robots another
     * instance is assigning right now. When the mission starts somewhere on a map, only robots on that map
     * qualify (a robot elsewhere could not drive there) and the nearest wins; ties go to the robot that
     * has waited longest.
     *
     * @param target where the mission's first route begins, or {@code null} when it does not start with one
     */
    public Optional<Robot> lockAvailable(Pose2D target) {
        boolean located = target != null && !target.mapId().isEmpty();
        @SuppressWarnings("unchecked")
        List<Robot> free = entityManager.createNativeQuery("""
                        select * from robot r
                        where r.lifecycle = 'ALIVE' and r.online and r.position_initialized and not r.on_task
                          and not r.manual_mode and not r.switch_teleop
                          and not exists (select 1 from mission m where m.robot = r.name and m.state in ('PENDING', 'RUNNING'))
                          and (not ?1 or r.pose_map_id = ?2)
                        order by case when ?1 then (r.pose_x - ?3) * (r.pose_x - ?3) + (r.pose_y - ?4) * (r.pose_y - ?4) else 0 end,
                                 r.status_updated_at, r.name
                        limit 1 for update skip locked""", Robot.class)
                .setParameter(1, located)
                .setParameter(2, located ? target.mapId() : "")
                .setParameter(3, located ? target.x() : 0.0)
                .setParameter(4, located ? target.y() : 0.0)
                .getResultList();
        return free.stream().findFirst();
    }

    /** Online robots whose last message is older than their heartbeat timeout, locked. */
    @SuppressWarnings("unchecked")
    public List<Robot> lockSilent(Instant now) {
        return entityManager.createNativeQuery("""
                        select * from robot
                        where online and (last_seen is null or last_seen + heartbeat_timeout_seconds * interval '1 second' < ?1)
                        for update skip locked""", Robot.class)
                .setParameter(1, java.sql.Timestamp.from(now))
                .getResultList();
    }
}
