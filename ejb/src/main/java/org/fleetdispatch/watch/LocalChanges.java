package org.fleetdispatch.watch;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.fleetdispatch.mission.Mission;
import org.fleetdispatch.mission.MissionWritten;

/**
 * Missions this server changes reach its watchers as each transaction commits, every committed state in
 * order; LISTEN/NOTIFY would coalesce a mission that went PENDING → RUNNING within milliseconds into
 * its latest state. Changes made by other servers still come through the {@link ChangeFeed}, which
 * skips what was delivered here already (by entity version).
 *
 * <p>From just before a transaction that changed a mission commits until it has ended, the feed holds back
 * every other change of that mission (another local transaction committing first, a notification loaded from
 * PostgreSQL) and releases them in version order, so that no watcher misses a state or sees one go back.
 * Holding back from the commit's start suffices: the transaction has the mission's row locked or has just
 * created it (or its version check fails it at commit), so no other change of it can commit in between; what
 * arrives earlier is older.
 *
 * <p>One interposed synchronization per transaction, however many missions it changes: Weld's transactional
 * observers registered two synchronizations per event, and the feed was called once per event with the
 * caller's transaction suspended around each call (5 % of the robots' state processing in a profile).
 */
@ApplicationScoped
public class LocalChanges {

    private static final Logger LOG = Logger.getLogger(LocalChanges.class.getName());
    private static final Object KEY = LocalChanges.class.getName() + ".written";

    @Inject
    private ChangeFeed feed;

    @Inject
    private TransactionPublisher publisher;

    @Resource
    private TransactionSynchronizationRegistry transactions;

    private volatile ChangeFeed.LocalTransactions local;

    void fired(@Observes MissionWritten written) {
        if (transactions.getTransactionKey() == null) {
            // no transaction: the change is as final as it gets
            Set<String> name = Set.of(written.mission().name());
            local().begin(name);
            local().end(name, List.of(change(written, null)));
            return;
        }
        Written inThisTransaction = (Written) transactions.getResource(KEY);
        if (inThisTransaction == null) {
            inThisTransaction = new Written();
            transactions.putResource(KEY, inThisTransaction);
            transactions.registerInterposedSynchronization(inThisTransaction);
        }
        inThisTransaction.add(written);
    }

    /** Asked of the feed once: its methods need no container around them (see {@link ChangeFeed#localTransactions}). */
    private ChangeFeed.LocalTransactions local() {
        ChangeFeed.LocalTransactions l = local;
        if (l == null) {
            l = feed.localTransactions();
            local = l;
        }
        return l;
    }

    private static Change<Mission> change(MissionWritten written, String writer) {
        return new Change<>(written.mission().name(), written.deleted() ? null : written.mission(), writer);
    }

    /**
     * The missions one transaction changed and its events in order: a mission canceled and then deleted is told
     * as both, and the feed drops a repeated version.
     */
    private final class Written implements Synchronization {
        private final Set<String> missions = new LinkedHashSet<>();
        private final List<MissionWritten> events = new ArrayList<>();
        private String writer;
        private boolean begun;

        void add(MissionWritten written) {
            missions.add(written.mission().name());
            events.add(written);
        }

        @Override
        public void beforeCompletion() {
            // runs after the persistence provider's: the missions' versions are the ones being committed
            writer = publisher.publisherId();
            try {
                local().begin(missions);
                begun = true;
            } catch (RuntimeException e) {
                // the watchers' bookkeeping must not fail the transaction; they may see these changes late
                LOG.log(Level.WARNING, "Holding back changes of missions being committed failed", e);
            }
        }

        @Override
        public void afterCompletion(int status) {
            if (!begun) {
                return; // rolled back before it got to commit: nothing held back, nothing to tell
            }
            List<Change<Mission>> committed = new ArrayList<>(events.size());
            if (status == Status.STATUS_COMMITTED) {
                events.forEach(written -> committed.add(change(written, writer)));
            }
            try {
                local().end(missions, committed);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Telling watchers of committed mission changes failed", e);
            }
        }
    }
}
