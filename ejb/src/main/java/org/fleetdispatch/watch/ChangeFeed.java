package org.fleetdispatch.watch;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.fleetdispatch.mission.Mission;
import org.fleetdispatch.robot.Robot;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * This server's one LISTEN connection to PostgreSQL, and the fan-out of what it hears.
 *
 * <p>A thread of its own waits on a dedicated connection (not from the JTA pool: it is held for the
 * server's lifetime and must never be enlisted in a transaction, or notifications would wait for it to
 * end). What arrives is coalesced per object, each changed object is loaded once — only for kinds that
 * some subscriber wants — and the batch goes to every subscriber on this thread. A lost connection
 * (PostgreSQL restarting, a network cut) tells the subscribers {@link ChangeListener#feedLost()} and is
 * re-established with exponential backoff.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ChangeFeed {

    private static final Logger LOG = Logger.getLogger(ChangeFeed.class.getName());

    /** The name this connection shows in {@code pg_stat_activity}, so an operator can tell it apart. */
    public static final String APPLICATION_NAME = "fleetdispatch-watch";

    private static final long WAIT_MILLIS = 1_000;
    /** An idle connection is pinged this often, so that a silently dead one is noticed. */
    private static final long PING_MILLIS = 10_000;
    private static final long MIN_BACKOFF_MILLIS = 100;
    private static final long MAX_BACKOFF_MILLIS = 10_000;
    /** Delivered at the latest after this many distinct objects, so that a flood still flows. */
    private static final int MAX_BATCH = 2_000;

    @Resource
    private ManagedThreadFactory threads;

    @EJB
    private ChangeLoader loader;

    private final List<ChangeListener> listeners = new CopyOnWriteArrayList<>();
    /** The last mission version delivered per name; {@link #DELETED} once its deletion was delivered. */
    private final Map<String, Long> deliveredMissions = new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            // a notification arrives within moments of its commit; long-settled missions need no memory
            return size() > 100_000;
        }
    };
    private static final long DELETED = Long.MAX_VALUE;
    /** Local transactions that changed a mission and have not completed yet, per mission name. */
    private final Map<String, Integer> localInFlight = new HashMap<>();
    /** Changes of missions with local transactions in flight, held back so that none overtakes them. */
    private final Map<String, List<Change<Mission>>> held = new HashMap<>();
    private final LocalTransactions localTransactions = new LocalTransactions();
    private volatile boolean running;
    private volatile boolean listening;
    private volatile Connection connection;
    private Thread thread;

    /** Stops a subscription. */
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    @PostConstruct
    void start() {
        running = true;
        thread = threads.newThread(this::run);
        thread.setName("fleetdispatch-change-feed");
        thread.setDaemon(true);
        thread.start();
    }

    @PreDestroy
    void stop() {
        running = false;
        closeQuietly(connection);
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Delivers changes to {@code listener} until the subscription is closed. */
    public Subscription subscribe(ChangeListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Whether changes are being heard now; while not, a watch stream could not promise every change. */
    public boolean isListening() {
        return listening;
    }

    private void run() {
        long backoff = MIN_BACKOFF_MILLIS;
        boolean warned = false;
        while (running) {
            try (Connection c = connect()) {
                connection = c;
                try (Statement listen = c.createStatement()) {
                    listen.execute("LISTEN " + Notification.CHANNEL);
                }
                listening = true;
                backoff = MIN_BACKOFF_MILLIS;
                warned = false;
                LOG.info(() -> "Listening for changes of robots and missions on " + Notification.CHANNEL);
                listen(c);
            } catch (SQLException | RuntimeException e) {
                if (running && !warned) {
                    LOG.log(Level.WARNING, "Change feed connection to PostgreSQL lost or refused; watch streams are closed"
                            + " and the feed reconnects with backoff: " + e.getMessage());
                    warned = true;
                } else if (running) {
                    LOG.fine(() -> "Change feed still cannot reach PostgreSQL: " + e.getMessage());
                }
            } finally {
                connection = null;
                if (listening) {
                    listening = false;
                    tellLost();
                }
            }
            if (running) {
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
            }
        }
    }

    private void listen(Connection c) throws SQLException {
        PGConnection pg = c.unwrap(PGConnection.class);
        PendingChanges pending = new PendingChanges();
        long lastHeard = System.currentTimeMillis();
        while (running) {
            PGNotification[] heard = pg.getNotifications((int) WAIT_MILLIS);
            if (heard == null || heard.length == 0) {
                if (System.currentTimeMillis() - lastHeard > PING_MILLIS) {
                    try (Statement ping = c.createStatement()) {
                        ping.execute("select 1");
                    }
                    lastHeard = System.currentTimeMillis();
                }
                continue;
            }
            lastHeard = System.currentTimeMillis();
            // Take whatever else has arrived already, so that a burst is loaded in one query per kind.
            while (heard != null && heard.length > 0) {
                for (PGNotification n : heard) {
                    Notification.parse(n.getParameter()).ifPresentOrElse(pending::add,
                            () -> LOG.warning(() -> "Ignored a change notification this version does not understand: " + n.getParameter()));
                }
                heard = pending.size() < MAX_BATCH ? pg.getNotifications() : null;
            }
            deliver(pending);
        }
    }


    /**
     * What {@link LocalChanges} tells as local transactions that changed missions commit: two calls per such
     * transaction, each a map update or two under this feed's lock. Handed out once instead of being business
     * methods: a call through the singleton's proxy ran the container's whole invocation around them, 8 % of the
     * state messages' slow paths in a JFR recording at 200 robots (README, the twelfth round), nobody watching. In the
     * caller's transaction, if any: the first call may come from a synchronization of a transaction that commits.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public LocalTransactions localTransactions() {
        return localTransactions;
    }

    /** See {@link #localTransactions()}; synchronised with the feed's own methods, on the same lock. */
    public final class LocalTransactions {

        private LocalTransactions() {
        }

        /** A local transaction is about to commit changes to these missions; their changes wait until it completes. */
        public void begin(Collection<String> names) {
            synchronized (ChangeFeed.this) {
                for (String name : names) {
                    localInFlight.merge(name, 1, Integer::sum);
                }
            }
        }

        /**
         * A local transaction that changed these missions completed: its committed changes (none after a rollback)
         * join the held ones, which are delivered in version order, per mission, once no local transaction on the
         * mission is in flight any more.
         */
        public void end(Collection<String> names, List<Change<Mission>> committed) {
            synchronized (ChangeFeed.this) {
                for (Change<Mission> change : committed) {
                    held.computeIfAbsent(change.name(), n -> new ArrayList<>()).add(change);
                }
                List<Change<Mission>> ready = new ArrayList<>();
                for (String name : names) {
                    int left = localInFlight.merge(name, -1, Integer::sum);
                    if (left > 0) {
                        continue;
                    }
                    localInFlight.remove(name);
                    List<Change<Mission>> released = held.remove(name);
                    if (released != null) {
                        released.sort(Comparator.comparingLong(c -> c.isDeleted() ? DELETED : c.current().version()));
                        ready.addAll(released);
                    }
                }
                if (!ready.isEmpty()) {
                    tell(ready, ChangeListener::wantsMissions, ChangeFeed.this::newMissionChanges,
                            (l, changes) -> l.missionsChanged(changes));
                }
            }
        }
    }

    /**
     * The changes to deliver now, keeping per-mission versions increasing: a state delivered as it
     * committed here is not delivered again when its notification arrives, and a mission with a local
     * transaction still completing waits for it.
     */
    private List<Change<Mission>> newMissionChanges(List<Change<Mission>> changes) {
        List<Change<Mission>> fresh = new ArrayList<>(changes.size());
        for (Change<Mission> change : changes) {
            if (localInFlight.containsKey(change.name())) {
                held.computeIfAbsent(change.name(), n -> new ArrayList<>()).add(change);
                continue;
            }
            Long last = deliveredMissions.get(change.name());
            if (change.isDeleted()) {
                if (last == null || last != DELETED) {
                    deliveredMissions.put(change.name(), DELETED);
                    fresh.add(change);
                }
            } else {
                long version = change.current().version();
                if (last == null || last == DELETED || version > last) {
                    deliveredMissions.put(change.name(), version);
                    fresh.add(change);
                }
            }
        }
        return fresh;
    }

    private void deliver(PendingChanges pending) {
        try {
            deliver(pending.take(Kind.ROBOT), ChangeListener::wantsRobots, loader::robots, Robot::name,
                    changes -> changes, (l, changes) -> l.robotsChanged(changes));
            deliver(pending.take(Kind.MISSION), ChangeListener::wantsMissions, loader::missions, Mission::name,
                    this::newMissionChanges, (l, changes) -> l.missionsChanged(changes));
        } catch (RuntimeException e) {
            // The objects could not be loaded: the changes are lost to the watchers, who must hear so.
            LOG.log(Level.WARNING, "Could not load changed objects; watch streams are closed", e);
            pending.clear();
            tellLost();
        }
    }

    private <T> void deliver(List<PendingChanges.Pending> changed, Predicate<ChangeListener> wants,
                             Function<List<String>, List<T>> load, Function<T, String> nameOf,
                             java.util.function.UnaryOperator<List<Change<T>>> fresh,
                             java.util.function.BiConsumer<ChangeListener, List<Change<T>>> tell) {
        if (changed.isEmpty()) {
            return;
        }
        List<ChangeListener> interested = listeners.stream().filter(wants).toList();
        if (interested.isEmpty()) {
            return;
        }
        Map<String, T> loaded = new HashMap<>();
        for (T object : load.apply(changed.stream().map(PendingChanges.Pending::name).toList())) {
            loaded.put(nameOf.apply(object), object);
        }
        List<Change<T>> changes = new ArrayList<>(changed.size());
        for (PendingChanges.Pending p : changed) {
            changes.add(new Change<>(p.name(), loaded.get(p.name()), p.soleWriter()));
        }
        tell(changes, wants, fresh, tell);
    }

    /**
     * Hands changes to the subscribers that want them. Synchronized: local changes (committing threads)
     * and notified ones (the feed's thread) must reach a subscriber one batch at a time, in order.
     */
    private synchronized <T> void tell(List<Change<T>> changes, Predicate<ChangeListener> wants,
                                       java.util.function.UnaryOperator<List<Change<T>>> fresh,
                                       java.util.function.BiConsumer<ChangeListener, List<Change<T>>> tell) {
        List<Change<T>> delivered = List.copyOf(fresh.apply(changes));
        if (delivered.isEmpty()) {
            return;
        }
        for (ChangeListener listener : listeners) {
            if (!wants.test(listener)) {
                continue;
            }
            try {
                tell.accept(listener, delivered);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A change feed subscriber failed; the others still get the changes", e);
            }
        }
    }

    private void tellLost() {
        for (ChangeListener listener : listeners) {
            try {
                listener.feedLost();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A change feed subscriber failed on feedLost", e);
            }
        }
    }

    /**
     * A connection of its own, configured as the application's data source is (the same MicroProfile
     * Config properties), in autocommit mode: notifications are delivered only between transactions.
     */
    private static Connection connect() throws SQLException {
        Config config = ConfigProvider.getConfig();
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setURL(config.getValue("fleetdispatch.db.url", String.class));
        config.getOptionalValue("fleetdispatch.db.user", String.class).ifPresent(source::setUser);
        config.getOptionalValue("fleetdispatch.db.password", String.class).ifPresent(source::setPassword);
        source.setApplicationName(APPLICATION_NAME);
        source.setConnectTimeout(5);
        source.setSocketTimeout(30);
        source.setTcpKeepAlive(true);
        Connection c = source.getConnection();
        c.setAutoCommit(true);
        return c;
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                LOG.log(Level.FINE, "Closing the change feed connection", e);
            }
        }
    }
}
