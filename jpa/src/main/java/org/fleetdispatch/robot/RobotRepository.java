package org.fleetdispatch.robot;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

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

    /** The robot that publishes on {@code .../<manufacturer>/<serialNumber>/...}, if we manage it. */
    public Optional<Robot> findByIdentity(String manufacturer, String serialNumber) {
        return entityManager.createNamedQuery("Robot.byIdentity", Robot.class)
                .setParameter("manufacturer", manufacturer)
                .setParameter("serialNumber", serialNumber)
                .getResultStream()
                .findFirst();
    }

    public List<Robot> all() {
        return entityManager.createNamedQuery("Robot.all", Robot.class).getResultList();
    }

    public boolean exists(String name) {
        return find(name).isPresent();
    }

    public void add(Robot robot) {
        entityManager.persist(robot);
    }
}
