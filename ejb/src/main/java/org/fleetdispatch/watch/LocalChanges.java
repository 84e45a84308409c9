package org.fleetdispatch.watch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import org.fleetdispatch.mission.MissionWritten;

/**
 * Missions this server changes reach its watchers as each transaction commits, every committed state in
 * order; LISTEN/NOTIFY would coalesce a mission that went PENDING → RUNNING within milliseconds into
 * its latest state. Changes made by other servers still come through the {@link ChangeFeed}, which
 * skips what was delivered here already (by entity version).
 *
 * <p>While a transaction that changed a mission is running, the feed holds back every other change of
 * that mission (another local transaction committing first, a notification loaded from PostgreSQL) and
 * releases them in version order when it ends, so that no watcher misses a state or sees one go back.
 * Who made the change is read while the transaction is still running.
 */
@ApplicationScoped
public class LocalChanges {

    @Inject
    private ChangeFeed feed;

    @Inject
    private TransactionPublisher publisher;

    /** The publisher of each event's transaction, from firing until the transaction ends. */
    private final Map<MissionWritten, String> writers = Collections.synchronizedMap(new IdentityHashMap<>());

    void fired(@Observes MissionWritten written) {
        writers.put(written, String.valueOf(publisher.publisherId()));
        feed.beginLocal(written.mission().name());
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) MissionWritten written) {
        String writer = writers.remove(written);
        feed.endLocal(written.mission().name(), new Change<>(written.mission().name(),
                written.deleted() ? null : written.mission(), writer == null || "null".equals(writer) ? null : writer));
    }

    void rolledBack(@Observes(during = TransactionPhase.AFTER_FAILURE) MissionWritten written) {
        writers.remove(written);
        feed.endLocal(written.mission().name(), null);
    }
}
