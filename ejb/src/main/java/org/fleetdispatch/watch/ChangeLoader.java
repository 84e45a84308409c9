package org.fleetdispatch.watch;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.fleetdispatch.mission.Mission;
import org.fleetdispatch.robot.Robot;

/**
 * Loads the objects the feed was told about: one query per batch and kind, read-only, outside any
 * transaction, so the entities come back detached.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ChangeLoader {

    /** Keeps the IN list of one query to a size PostgreSQL plans well. */
    private static final int CHUNK = 500;

    @PersistenceContext(unitName = "fleetdispatch")
    private EntityManager entityManager;

    public List<Robot> robots(Collection<String> names) {
        return load("select r from Robot r where r.name in :names", Robot.class, names);
    }

    public List<Mission> missions(Collection<String> names) {
        return load("select m from Mission m where m.name in :names", Mission.class, names);
    }

    private <T> List<T> load(String jpql, Class<T> type, Collection<String> names) {
        List<String> all = List.copyOf(names);
        List<T> found = new ArrayList<>(all.size());
        for (int from = 0; from < all.size(); from += CHUNK) {
            found.addAll(entityManager.createQuery(jpql, type)
                    .setParameter("names", all.subList(from, Math.min(all.size(), from + CHUNK)))
                    .getResultList());
        }
        return found;
    }
}
