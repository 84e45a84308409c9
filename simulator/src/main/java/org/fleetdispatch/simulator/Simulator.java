package org.fleetdispatch.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.fleetdispatch.vda5050.Vda5050Codec;

/**
 * N simulated robots in one process. Every robot has its own MQTT connection (so that each has its own last
 * will), but all share one scheduler: one periodic step per robot and state period, staggered over the period.
 *
 * <pre>{@code
 * try (Simulator sim = Simulator.start(SimulatorConfig.builder().brokerUri(uri).robots(5).build())) {
 *     SimulatedRobot agv = sim.robot("agv-001");
 *     ... agv.pose(), agv.receivedOrders(), agv.lastState() ...
 * }
 * }</pre>
 */
public final class Simulator implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Simulator.class.getName());
    /** Robots stopped at once on close: each waits for the broker twice (OFFLINE at QoS 1, then DISCONNECT). */
    private static final int STOPPING_THREADS = 16;

    private final SimulatorConfig config;
    private final Vda5050Codec codec;
    private final ScheduledThreadPoolExecutor scheduler;
    private final Map<String, SimulatedRobot> robots = new LinkedHashMap<>();
    private final List<ScheduledFuture<?>> ticks = new ArrayList<>();
    private volatile boolean closed;

    private Simulator(SimulatorConfig config) {
        this.config = config;
        this.codec = new Vda5050Codec();
        AtomicInteger n = new AtomicInteger();
        int threads = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
        this.scheduler = new ScheduledThreadPoolExecutor(threads, r -> {
            Thread t = new Thread(r, "vda5050-simulator-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        scheduler.setRemoveOnCancelPolicy(true);
        for (int i = 0; i < config.robots(); i++) {
            Pose start = new Pose(config.initialPose().x() + i * config.spacing(), config.initialPose().y(),
                    config.initialPose().theta(), config.initialPose().mapId());
            String serial = config.serialNumber(i);
            robots.put(serial, new SimulatedRobot(config, serial, start, codec, scheduler));
        }
    }

    /**
     * Creates the robots, connects each to the broker (waiting until all are connected, at most
     * {@code connectTimeout}) and starts their simulation.
     *
     * @throws SimulatorException when a robot cannot connect in time; robots already connected are stopped
     */
    public static Simulator start(SimulatorConfig config) {
        Simulator simulator = new Simulator(config);
        try {
            simulator.connectAll();
        } catch (RuntimeException e) {
            simulator.close();
            throw e;
        }
        simulator.schedule();
        return simulator;
    }

    /** Connects and subscribes every robot, then announces them all at once (see {@link SimulatedRobot#announce}). */
    private void connectAll() {
        long deadline = System.nanoTime() + config.connectTimeout().toNanos();
        List<CompletableFuture<Void>> subscribed = new ArrayList<>();
        List<SimulatedRobot> list = robots();
        for (SimulatedRobot robot : list) {
            try {
                subscribed.add(robot.connect());
            } catch (MqttException e) {
                throw new SimulatorException(robot + " cannot connect to " + config.brokerUri() + ": " + e, e);
            }
        }
        await(list, subscribed, deadline, "connect to " + config.brokerUri());
        List<CompletableFuture<Void>> online = new ArrayList<>();
        for (SimulatedRobot robot : list) {
            online.add(robot.announce());
        }
        await(list, online, deadline, "publish connection ONLINE on " + config.brokerUri());
    }

    private void await(List<SimulatedRobot> list, List<CompletableFuture<Void>> futures, long deadline, String what) {
        for (int i = 0; i < futures.size(); i++) {
            long left = Math.max(1, deadline - System.nanoTime());
            try {
                futures.get(i).get(left, TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                throw new SimulatorException(list.get(i) + " cannot " + what + ": " + e.getCause(), e.getCause());
            } catch (TimeoutException e) {
                throw new SimulatorException(list.get(i) + " did not " + what + " within " + config.connectTimeout(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SimulatorException("interrupted while connecting", e);
            }
        }
    }

    private void schedule() {
        long period = config.statePeriod().toNanos();
        int n = robots.size();
        int i = 0;
        for (SimulatedRobot robot : robots.values()) {
            long offset = n == 0 ? 0 : period * i++ / n;
            ticks.add(scheduler.scheduleAtFixedRate(robot::tick, offset, period, TimeUnit.NANOSECONDS));
        }
    }

    public SimulatorConfig config() {
        return config;
    }

    /** All robots, in the order of their serial numbers. */
    public List<SimulatedRobot> robots() {
        return List.copyOf(robots.values());
    }

    /** The robot with this serial number. */
    public SimulatedRobot robot(String serialNumber) {
        SimulatedRobot robot = robots.get(serialNumber);
        if (robot == null) {
            throw new NoSuchElementException("no simulated robot " + serialNumber + "; have " + robots.keySet());
        }
        return robot;
    }

    /**
     * Stops every robot cleanly: connection OFFLINE (retained), then MQTT DISCONNECT; no last will is sent.
     *
     * <p>The robots stop in parallel, and the scheduler ends last: it also runs the clients' keep-alive pings.
     * Ended first, it left the robots not yet stopped silent, the broker dropped them as idle (a thousand robots
     * take longer to stop one by one than 1.5 keep-alive periods), and their automatic reconnect then failed on
     * the terminated scheduler in Paho's receiver thread.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        ticks.forEach(t -> t.cancel(false));
        int threads = Math.max(1, Math.min(STOPPING_THREADS, robots.size()));
        ExecutorService stopping = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "vda5050-simulator-stop");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> stopped = new ArrayList<>();
            for (SimulatedRobot robot : robots.values()) {
                stopped.add(stopping.submit(() -> {
                    try {
                        robot.disconnectCleanly();
                    } catch (RuntimeException e) {
                        LOG.log(System.Logger.Level.WARNING, robot + ": stopping failed: " + e);
                    }
                }));
            }
            for (Future<?> f : stopped) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            LOG.log(System.Logger.Level.WARNING, "stopping a robot failed: " + e.getCause());
        } finally {
            stopping.shutdownNow();
        }
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        codec.close();
    }
}
