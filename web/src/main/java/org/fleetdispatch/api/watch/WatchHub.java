package org.fleetdispatch.api.watch;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.fleetdispatch.api.json.ApiJson;
import org.fleetdispatch.api.json.MissionJson;
import org.fleetdispatch.api.json.RobotJson;
import org.fleetdispatch.mission.Mission;
import org.fleetdispatch.robot.Robot;
import org.fleetdispatch.watch.Change;
import org.fleetdispatch.watch.ChangeFeed;
import org.fleetdispatch.watch.ChangeListener;
import org.fleetdispatch.watch.Kind;

/**
 * This server's watch streams and the change feed's one subscriber here. Each change is rendered to
 * JSON once, however many watchers there are, and offered to each of them; offering never blocks, so a
 * slow client cannot hold up the feed (it is closed when it falls {@code fleetdispatch.watch.queue-capacity}
 * frames behind). Idle streams get a heartbeat every {@code fleetdispatch.watch.heartbeat-seconds}, which
 * is also how a client that went away without a word is noticed and freed.
 */
@ApplicationScoped
public class WatchHub implements ChangeListener {

    private static final Logger LOG = Logger.getLogger(WatchHub.class.getName());

    // @EJB, not @Inject: in the EAR this (web module) bean sees the EJB module's beans only as EJBs.
    @EJB
    private ChangeFeed feed;

    @Resource
    private ManagedThreadFactory threads;

    @Inject
    private MetricRegistry metrics;

    @Inject
    @ConfigProperty(name = "fleetdispatch.watch.queue-capacity", defaultValue = "10000")
    private int queueCapacity;

    @Inject
    @ConfigProperty(name = "fleetdispatch.watch.heartbeat-seconds", defaultValue = "15")
    private int heartbeatSeconds;

    private final Map<Kind, Set<Watcher>> watchers = new EnumMap<>(Kind.class);
    private final Map<Kind, RecentFrames> recent = new EnumMap<>(Kind.class);
    private ExecutorService writers;
    private ScheduledExecutorService heartbeats;
    private ChangeFeed.Subscription subscription;

    @PostConstruct
    void start() {
        for (Kind kind : Kind.values()) {
            watchers.put(kind, ConcurrentHashMap.newKeySet());
            recent.put(kind, new RecentFrames());
            metrics.gauge("fleetdispatch_watch_streams", watchers.get(kind), Set::size, new Tag("kind", kind.table()));
        }
        // Writers block while their client is slow; a cached pool gives each busy stream its own thread
        // and lets idle threads go.
        writers = Executors.newCachedThreadPool(threads);
        heartbeats = Executors.newSingleThreadScheduledExecutor(threads);
        long interval = TimeUnit.SECONDS.toMillis(Math.max(1, heartbeatSeconds));
        heartbeats.scheduleWithFixedDelay(() -> all().forEach(w -> w.heartbeatIfIdle(interval)),
                interval, Math.max(250, interval / 4), TimeUnit.MILLISECONDS);
        subscription = feed.subscribe(this);
    }

    @PreDestroy
    void stop() {
        if (subscription != null) {
            subscription.close();
        }
        all().forEach(w -> w.close(Watcher.Closing.SERVER_STOPPING));
        heartbeats.shutdownNow();
        writers.shutdown();
        try {
            if (!writers.awaitTermination(5, TimeUnit.SECONDS)) {
                writers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether a new stream can be promised every change from now on. */
    public boolean isAvailable() {
        return feed.isListening();
    }

    /**
     * A new watcher of {@code kind}, already receiving changes; the caller loads the snapshot and
     * {@link Watcher#start starts} it, or closes it when that fails.
     */
    public Watcher open(Kind kind, Watcher.Sink sink, String publisherId) {
        Watcher watcher = new Watcher(sink, publisherId, queueCapacity, writers,
                w -> watchers.get(kind).remove(w), System::currentTimeMillis);
        watchers.get(kind).add(watcher);
        recent.get(kind).newEpoch();
        return watcher;
    }

    /** The JSON line of a robot, as every stream shows it. */
    public static String frame(Robot robot) {
        return ApiJson.write(RobotJson.of(robot));
    }

    public static String frame(Mission mission) {
        return ApiJson.write(MissionJson.of(mission));
    }

    @Override
    public boolean wantsRobots() {
        return !watchers.get(Kind.ROBOT).isEmpty();
    }

    @Override
    public boolean wantsMissions() {
        return !watchers.get(Kind.MISSION).isEmpty();
    }

    @Override
    public void robotsChanged(List<Change<Robot>> changes) {
        fanOut(Kind.ROBOT, changes, WatchHub::frame, name -> ApiJson.write(RobotJson.deleted(name)));
    }

    @Override
    public void missionsChanged(List<Change<Mission>> changes) {
        fanOut(Kind.MISSION, changes, WatchHub::frame, name -> ApiJson.write(MissionJson.deleted(name)));
    }

    @Override
    public void feedLost() {
        all().forEach(w -> w.close(Watcher.Closing.FEED_LOST));
        recent.values().forEach(RecentFrames::clear);
    }

    private <T> void fanOut(Kind kind, List<Change<T>> changes, Function<T, String> render, Function<String, String> tombstone) {
        Set<Watcher> audience = watchers.get(kind);
        RecentFrames last = recent.get(kind);
        for (Change<T> change : changes) {
            String frame;
            try {
                frame = change.isDeleted() ? tombstone.apply(change.name()) : render.apply(change.current());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not render " + kind.table() + " '" + change.name() + "' for watchers", e);
                continue;
            }
            if (change.isDeleted()) {
                last.forget(change.name());
            } else if (last.repeats(change.name(), frame)) {
                continue;
            }
            for (Watcher watcher : audience) {
                if (!change.isOnlyBy(watcher.publisherId())) {
                    watcher.offer(frame);
                }
            }
        }
    }

    private java.util.stream.Stream<Watcher> all() {
        return watchers.values().stream().flatMap(Set::stream);
    }
}
