package org.fleetdispatch.mission;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fleetdispatch.mission.tree.MissionState;
import org.fleetdispatch.robot.Lifecycle;

/**
 * Missions in PostgreSQL. Joins the caller's transaction. Methods that lock say so: they are how
 * several server instances agree on who advances a mission.
 *
 * <p>Queries by state write the state into the SQL ({@code state = 'RUNNING'}) rather than bind it: the partial
 * indexes are per state, and a prepared statement's generic plan for {@code state = $2} cannot use them, so it
 * scans the whole mission history.
 */
@ApplicationScoped
public class MissionRepository {

    @PersistenceContext(unitName = "fleetdispatch")
    private EntityManager entityManager;

    protected MissionRepository() {
        // for CDI
    }

    public MissionRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public Optional<Mission> find(String name) {
        return Optional.ofNullable(entityManager.find(Mission.class, name));
    }

    /** The mission, locked until the transaction ends: the one way to change a mission. */
    public Optional<Mission> lock(String name) {
        return Optional.ofNullable(entityManager.find(Mission.class, name, LockModeType.PESSIMISTIC_WRITE));
    }

    /**
     * A mission by name and the robot it is queued for or runs on: {@code null} for one submitted without a robot
     * and not assigned yet.
     */
    public record Assignment(String mission, String robot) {
    }

    /**
     * Which robot the mission is for, read without locking anything, for a caller that must lock that robot
     * before the mission (see {@link #lockIfAssigned}).
     */
    public Optional<Assignment> assignment(String name) {
        List<?> robot = entityManager.createNativeQuery("select robot from mission where name = ?1")
                .setParameter(1, name)
                .getResultList();
        return robot.isEmpty() ? Optional.empty() : Optional.of(new Assignment(name, (String) robot.get(0)));
    }

    /**
     * The mission, locked, if it is still assigned to {@code robot} ({@code null}: to none). The caller has locked
     * that robot first, in the order in which a robot's state locks them: an API call or a sweep that locked the
     * mission and then its robot could each hold what a state waited for, and PostgreSQL aborted one of them a
     * second later. A mission assigned to a robot while this waited for its row is returned neither locked nor at
     * all: PostgreSQL checks the condition again on the row as the assigning transaction left it, so the caller
     * can lock that robot and ask again.
     */
    public Optional<Mission> lockIfAssigned(String name, String robot) {
        Query query = robot == null
                ? entityManager.createNativeQuery("select * from mission where name = ?1 and robot is null for update", Mission.class)
                : entityManager.createNativeQuery("select * from mission where name = ?1 and robot = ?2 for update", Mission.class)
                        .setParameter(2, robot);
        @SuppressWarnings("unchecked")
        List<Mission> locked = query.setParameter(1, name).getResultList();
        return locked.stream().findFirst();
    }

    public boolean exists(String name) {
        return find(name).isPresent();
    }

    /** Stores a new mission at the end of its robot's queue. */
    public void add(Mission mission) {
        Number position = (Number) entityManager.createNativeQuery("select nextval('mission_queue_position')").getSingleResult();
        mission.enqueue(position.longValue());
        entityManager.persist(mission);
    }

    public void remove(Mission mission) {
        entityManager.remove(mission);
    }

    /**
     * The mission running on a robot, locked; at most one runs per robot. Call it before this transaction
     * changes any mission: it does not flush the transaction's changes first (a robot's state message has just
     * changed the robot, and flushing that before every such query cost more than the query itself).
     */
    public Optional<Mission> lockRunning(String robot) {
        @SuppressWarnings("unchecked")
        List<Mission> running = entityManager.createNativeQuery(
                        "select * from mission where robot = ?1 and state = 'RUNNING' for update", Mission.class)
                .setParameter(1, robot)
                .setFlushMode(FlushModeType.COMMIT)
                .getResultList();
        return running.stream().filter(m -> m.state() == MissionState.RUNNING).findFirst();
    }

    /**
     * A robot's running mission and the head of its queue, each locked if there is one.
     *
     * @param nextKnown whether {@code next} is the queue's head; not when a row changed while the query waited
     *                  for its lock (a mission canceled meanwhile): then ask {@link #lockNextQueued(String)}
     */
    public record RunningAndNext(Optional<Mission> running, Optional<Mission> next, boolean nextKnown) {
    }

    /**
     * As {@link #lockRunning(String)}, and the head of the robot's queue with it, in one round trip: the caller
     * may end the running mission and then start the next, and asking for the head later cost the dispatcher's
     * busiest transaction a round trip of its own. Another transaction holding the head is waited for instead of
     * skipped (the running mission must not be skipped).
     */
    public RunningAndNext lockRunningAndNext(String robot) {
        @SuppressWarnings("unchecked")
        List<Mission> locked = entityManager.createNativeQuery("""
                        select * from mission where name in (
                            (select name from mission where robot = ?1 and state = 'RUNNING')
                            union all
                            (select name from mission where robot = ?1 and state = 'PENDING' and lifecycle = 'ALIVE'
                             order by queue_position limit 1))
                        for update""", Mission.class)
                .setParameter(1, robot)
                .setFlushMode(FlushModeType.COMMIT)
                .getResultList();
        Optional<Mission> running = locked.stream().filter(m -> m.state() == MissionState.RUNNING).findFirst();
        Optional<Mission> next = locked.stream()
                .filter(m -> m.state() == MissionState.PENDING && m.lifecycle() == Lifecycle.ALIVE).findFirst();
        boolean changed = locked.size() > running.map(m -> 1).orElse(0) + next.map(m -> 1).orElse(0);
        return new RunningAndNext(running, next, !changed);
    }

    /** The mission running on a robot, not locked. */
    public Optional<Mission> running(String robot) {
        @SuppressWarnings("unchecked")
        List<Mission> running = entityManager.createNativeQuery(
                        "select * from mission where robot = ?1 and state = 'RUNNING'", Mission.class)
                .setParameter(1, robot)
                .getResultList();
        return running.stream().findFirst();
    }

    /**
     * The head of a robot's queue (oldest PENDING mission for it), locked, skipping one another instance holds.
     *
     * <p>The transaction's changes are not written first: the caller has just ended the robot's mission and
     * changed the robot, neither of which decides the queue's head, and writing them before the query made a
     * second round of updates (the robot's row twice) in the dispatcher's busiest transaction. Only when the head
     * is a mission this transaction has already taken out of the queue is the query asked again with them written.
     */
    public Optional<Mission> lockNextQueued(String robot) {
        Optional<Mission> head = lockHead(robot, FlushModeType.COMMIT);
        if (head.isPresent() && (head.get().state() != MissionState.PENDING || head.get().lifecycle() != Lifecycle.ALIVE)) {
            head = lockHead(robot, FlushModeType.AUTO);
        }
        return head;
    }

    private Optional<Mission> lockHead(String robot, FlushModeType flush) {
        @SuppressWarnings("unchecked")
        List<Mission> head = entityManager.createNativeQuery("""
                        select * from mission where robot = ?1 and state = 'PENDING' and lifecycle = 'ALIVE'
                        order by queue_position limit 1 for update skip locked""", Mission.class)
                .setParameter(1, robot)
                .setFlushMode(flush)
                .getResultList();
        return head.stream().findFirst();
    }

    /** The oldest mission submitted without a robot, locked, skipping one another instance holds. */
    public Optional<Mission> lockNextUnassigned() {
        @SuppressWarnings("unchecked")
        List<Mission> head = entityManager.createNativeQuery("""
                        select * from mission where robot is null and state = 'PENDING' and lifecycle = 'ALIVE'
                        order by queue_position limit 1 for update skip locked""", Mission.class)
                .getResultList();
        return head.stream().findFirst();
    }

    /** Names of robots that have queued missions and could start one now, for the dispatcher's sweep. */
    @SuppressWarnings("unchecked")
    public List<String> robotsWithQueuedMissions() {
        return entityManager.createNativeQuery("""
                        select distinct m.robot from mission m join robot r on r.name = m.robot
                        where m.state = 'PENDING' and m.lifecycle = 'ALIVE'
                          and r.lifecycle = 'ALIVE' and r.online and r.position_initialized and not r.on_task and not r.manual_mode and not r.switch_teleop""")
                .getResultList();
    }

    /**
     * RUNNING missions past their timeout or deadline and their robots, oldest first, not locked: the caller locks
     * each robot and then {@link #lockIfAssigned} its mission.
     */
    public List<Assignment> overdue(Instant now, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select name, robot from mission
                        where state = 'RUNNING'
                          and (start_timestamp + timeout_seconds * interval '1 second' < ?1 or deadline < ?1)
                        order by start_timestamp limit ?2""")
                .setParameter(1, java.sql.Timestamp.from(now))
                .setParameter(2, limit)
                .getResultList();
        return rows.stream().map(row -> new Assignment((String) row[0], (String) row[1])).toList();
    }

    /** PENDING missions whose deadline passed before they could start. */
    @SuppressWarnings("unchecked")
    public List<Mission> lockExpiredQueued(Instant now, int limit) {
        return entityManager.createNativeQuery("""
                        select * from mission where state = 'PENDING' and deadline < ?1
                        order by queue_position limit ?2 for update skip locked""", Mission.class)
                .setParameter(1, java.sql.Timestamp.from(now))
                .setParameter(2, limit)
                .getResultList();
    }

    /** Every RUNNING mission with an order out, for re-sending after a restart. */
    @SuppressWarnings("unchecked")
    public List<Mission> runningWithOrders() {
        return entityManager.createNativeQuery(
                        "select * from mission where state = 'RUNNING' and order_id is not null", Mission.class)
                .getResultList();
    }

    /** RUNNING missions with no order out: a notify leaf (or nothing a robot does) runs. */
    @SuppressWarnings("unchecked")
    public List<Mission> runningWithoutOrders() {
        return entityManager.createNativeQuery(
                        "select * from mission where state = 'RUNNING' and order_id is null order by name", Mission.class)
                .getResultList();
    }

    /** Missions marked for deletion that are no longer running. */
    public List<Mission> deletable() {
        return entityManager.createQuery(
                        "select m from Mission m where m.lifecycle = org.fleetdispatch.robot.Lifecycle.PENDING_DELETE"
                                + " and m.state <> :running", Mission.class)
                .setParameter("running", MissionState.RUNNING)
                .getResultList();
    }

    /**
     * Missions matching a filter, oldest first (or only the {@code mostRecent} newest). Every value is a
     * bound parameter.
     */
    public List<Mission> list(MissionFilter filter) {
        StringBuilder jpql = new StringBuilder("select m from Mission m where m.lifecycle <> org.fleetdispatch.robot.Lifecycle.DELETED");
        List<Object[]> parameters = new ArrayList<>();
        if (filter.state() != null) {
            jpql.append(" and m.state = :state");
            parameters.add(new Object[] {"state", filter.state()});
        }
        if (filter.robot() != null) {
            jpql.append(" and m.robot = :robot");
            parameters.add(new Object[] {"robot", filter.robot()});
        }
        if (filter.startedAfter() != null) {
            jpql.append(" and m.startTimestamp > :startedAfter");
            parameters.add(new Object[] {"startedAfter", filter.startedAfter()});
        }
        if (filter.startedBefore() != null) {
            jpql.append(" and m.startTimestamp < :startedBefore");
            parameters.add(new Object[] {"startedBefore", filter.startedBefore()});
        }
        jpql.append(filter.mostRecent() != null ? " order by m.createdAt desc, m.name desc" : " order by m.createdAt, m.name");
        TypedQuery<Mission> query = entityManager.createQuery(jpql.toString(), Mission.class);
        for (Object[] p : parameters) {
            query.setParameter((String) p[0], p[1]);
        }
        if (filter.mostRecent() != null) {
            query.setMaxResults(filter.mostRecent());
            List<Mission> newest = new ArrayList<>(query.getResultList());
            java.util.Collections.reverse(newest);
            return newest;
        }
        return query.getResultList();
    }
}
