package org.fleetdispatch.bench.mission;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.fleetdispatch.simulator.SimulatedRobot;
import org.fleetdispatch.simulator.Simulator;
import org.fleetdispatch.simulator.SimulatorConfig;
import org.fleetdispatch.vda5050.State;
import org.fleetdispatch.vda5050.Vda5050Codec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Issue 5's benchmark: for each fleet size, the product as {@code ./fleetdispatch run} starts it, N simulated
 * robots each with a queue of short two-waypoint missions, and the figures the issue asks for.
 *
 * <p>Each case runs on a fresh server: a warm-up (as many robots as the case, rounds of two queued missions for a
 * minute, so that the JIT compiler is mostly done with the paths the run takes), the measured run (N robots), a single
 * robot with the same queue (the ideal: N robots can at best complete N missions in the time one robot takes
 * for one), then the broker's raw rate and pgbench on the same broker and PostgreSQL, measured last so that
 * neither disturbs the runs (ADR 0092).
 */
@Command(name = "mission-benchmark", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs Fleet Dispatch (./fleetdispatch run) with N simulated VDA 5050 robots per case and prints",
                "missions/s against the ideal, state messages/s, the dispatcher's latency, the broker's raw rate and",
                "pgbench TPS. Build first: ./fleetdispatch build"})
public final class MissionBenchmark implements Callable<Integer> {

    /** IMD on the same 2-core machine and workload, as issue 5 reports it. */
    private static final String IMD_REFERENCE = """
            Isaac Mission Dispatch, same machine and workload (issue 5): 12 missions/s at 10 robots, 22 at 20, 4 at 30,
            none completed at 100-200 robots; saturates at about 360 state messages/s (one blocking database round trip
            per state message).""";

    private static final String TARGETS = """
            Targets (issue 5): near-ideal missions/s at 200 robots x 10 Hz; >= 3,600 state messages/s with missions
            running; p99 <= 10 ms for the dispatcher's own latency.""";

    private static final int WARM_UP_QUEUE = 2;
    private static final int BROKER_PUBLISHERS = 4;
    private static final int PGBENCH_SCALE = 10;
    private static final int PGBENCH_CLIENTS = 8;

    @Option(names = "--robots", split = ",", defaultValue = "10,50,200,1000", paramLabel = "N[@PERIOD]",
            description = {"Fleet sizes, each optionally with its state period in seconds (default: 0.1 s, 1 s from",
                    "1000 robots, as issue 5 sets). Default: ${DEFAULT-VALUE}. Example: 10,200,400@0.1,1000@1"})
    List<String> cases;

    @Option(names = "--missions", defaultValue = "5", description = "Missions queued per robot (default: ${DEFAULT-VALUE}).")
    int missionsPerRobot;

    @Option(names = "--robots-first",
            description = {"Connect the robots and wait until all are ready before submitting the missions, which then go",
                    "through the API while the fleet runs (default: every robot's queue is submitted before the robots",
                    "connect, so that the run includes the fleet's start-up)."})
    boolean robotsFirst;

    @Option(names = "--leg", defaultValue = "0.5",
            description = "Metres from the robot to the first waypoint and on to the second (default: ${DEFAULT-VALUE}).")
    double leg;

    @Option(names = "--speed", defaultValue = "1.0", description = "Robot speed in m/s (default: ${DEFAULT-VALUE}).")
    double speed;

    @Option(names = "--deadline", defaultValue = "300",
            description = "Seconds a phase may take before its figures are printed as they are (default: ${DEFAULT-VALUE}).")
    int deadlineSeconds;

    @Option(names = "--warm-up", defaultValue = "180",
            description = "Seconds of warm-up on each fresh server before the run (default: ${DEFAULT-VALUE}).")
    int warmUpSeconds;

    @Option(names = "--warm-up-fleets", defaultValue = "3",
            description = {"Fleets the warm-up starts one after the other, each for its share of --warm-up, its first",
                    "missions queued before it connects, as the run's are (default: ${DEFAULT-VALUE})."})
    int warmUpFleets;

    @Option(names = "--warm-up-robots",
            description = "Robots in the warm-up, at most the case's (default: as many as the case).")
    Integer warmUpRobots;

    @Option(names = "--root", description = "The checkout with ./fleetdispatch (default: the one this jar was built in).")
    Path root;

    @Option(names = "--work", description = "Where the servers' data directories go (default: a new temporary directory).")
    Path work;

    @Option(names = "--keep", description = "Keep the data directories (logs, database, JFR) after the run.")
    boolean keep;

    @Option(names = "--server-java-opts", defaultValue = "",
            description = "FLEETDISPATCH_JAVA_OPTS for Payara Micro, e.g. -Xmx1g.")
    String serverJavaOptions;

    @Option(names = "--jfr", description = "Record a JFR profile of Payara Micro per case (<data>/payara.jfr; implies --keep).")
    boolean jfr;

    @Option(names = "--broker-seconds", defaultValue = "5", description = "Length of the broker measurement (default: ${DEFAULT-VALUE}).")
    int brokerSeconds;

    @Option(names = "--pgbench", description = "The pgbench binary (default: PATH, then /usr/lib/postgresql/*/bin).")
    String pgbenchBinary;

    @Option(names = "--pgbench-seconds", defaultValue = "10", description = "Length of the pgbench run (default: ${DEFAULT-VALUE}).")
    int pgbenchSeconds;

    private final PrintStream out = System.out;
    private Pgbench pgbench;

    public static void main(String[] args) {
        System.exit(new CommandLine(new MissionBenchmark()).execute(args));
    }

    /** One fleet size and state period. */
    record Case(int robots, Duration statePeriod) {
        static Case parse(String text) {
            String[] parts = text.trim().split("@");
            int n = Integer.parseInt(parts[0].trim());
            if (n < 1) {
                throw new IllegalArgumentException("a case needs at least one robot: " + text);
            }
            double period = parts.length > 1 ? Double.parseDouble(parts[1].trim()) : n >= 1000 ? 1.0 : 0.1;
            return new Case(n, Duration.ofNanos(Math.round(period * 1e9)));
        }

        String label() {
            return robots + " robots, state every " + periodLabel(statePeriod) + " s";
        }
    }

    /** Everything printed for one case. */
    record Result(Case c, Phase run, Phase solo, BrokerRate.Result broker, Pgbench.Result pgbench, String loadBefore,
                  String failure) {

        double ideal() {
            return solo == null || solo.completed() == 0 ? Double.NaN : c.robots() / solo.secondsPerMission();
        }
    }

    @Override
    public Integer call() throws Exception {
        List<Case> parsed = cases.stream().map(Case::parse).toList();
        if (warmUpFleets < 1 || warmUpFleets > 26) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--warm-up-fleets must be 1..26, was " + warmUpFleets);
        }
        Path checkout = root != null ? root.toAbsolutePath().normalize() : defaultRoot();
        boolean keepData = keep || jfr;
        Path workDirectory = work != null ? Files.createDirectories(work.toAbsolutePath())
                : Files.createTempDirectory("fleetdispatch-bench-");
        pgbench = new Pgbench(pgbenchBinary);

        out.println("Fleet Dispatch mission benchmark, " + LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
                .substring(0, 19));
        out.printf(Locale.ROOT, "  checkout %s (%s), %d cores, Java %s%n", checkout, gitDescribe(checkout),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        out.printf(Locale.ROOT, "  workload: per robot a queue of %d missions, each one route of two waypoints %.2f m apart"
                + " in a straight line (first one %.2f m ahead), robots at %.1f m/s, %s%n", missionsPerRobot, leg, leg, speed,
                robotsFirst ? "submitted once the robots are connected and ready" : "queued before the robots connect");
        out.println("  pgbench: " + pgbench.binary().map(Path::toString).orElse("not available"));
        out.println("  data under " + workDirectory + (keepData ? " (kept)" : " (deleted at the end)"));

        List<Result> results = new ArrayList<>();
        for (Case c : parsed) {
            Result r = runCase(c, checkout, freshDirectory(workDirectory, "n" + c.robots() + "-" + periodLabel(c.statePeriod()) + "s"));
            results.add(r);
            print(r);
        }
        summary(results);
        if (!keepData) {
            deleteRecursively(workDirectory);
        }
        return results.stream().anyMatch(r -> r.failure() != null) ? 1 : 0;
    }

    private Result runCase(Case c, Path checkout, Path data) throws InterruptedException {
        out.println();
        out.println("== " + c.label() + " ==");
        String loadBefore = CpuUsage.loadAverage();
        out.println("  load average before start: " + loadBefore);
        String javaOptions = serverJavaOptions;
        if (jfr) {
            // Payara's stacks run deeper than JFR's default 64 frames: half the samples lost the frames that say
            // which bean and message they belong to
            javaOptions = (javaOptions + " -XX:FlightRecorderOptions=stackdepth=256"
                    + " -XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                    + data.resolve("payara.jfr")).trim();
        }
        Phase run = null;
        Phase solo = null;
        BrokerRate.Result broker = null;
        Pgbench.Result pg = null;
        try (LaunchedServer server = LaunchedServer.start(checkout, data, javaOptions, Duration.ofMinutes(5));
             MissionLedger ledger = new MissionLedger(server.jdbcUrl())) {
            FleetClient api = new FleetClient(server.baseUri());
            out.printf("  server up: %s, broker %s, PostgreSQL port %d, Payara Micro pid %s%n", server.baseUri(),
                    server.mqttUri(), server.databasePort(), server.payaraPid().stream().mapToObj(Long::toString)
                            .findFirst().orElse("?"));

            int[] stateBytes = new int[1];
            int warmUpFleet = warmUpRobots == null ? c.robots() : Math.min(c.robots(), warmUpRobots);
            warmUp(server, api, ledger, "w" + c.robots(), warmUpFleet, c.statePeriod(), stateBytes);

            run = phase("run", server, api, ledger, "r" + c.robots() + "-", c.robots(), missionsPerRobot, c.statePeriod());
            solo = phase("single robot", server, api, ledger, "s" + c.robots() + "-", 1, missionsPerRobot, c.statePeriod());

            broker = BrokerRate.measure(server.mqttUri(), BROKER_PUBLISHERS, Math.max(stateBytes[0], 100),
                    Duration.ofSeconds(1), Duration.ofSeconds(brokerSeconds));
            pg = pgbench.run(ledger, server.databasePort(), PGBENCH_SCALE, PGBENCH_CLIENTS, pgbenchSeconds);
            return new Result(c, run, solo, broker, pg, loadBefore, null);
        } catch (IOException | SQLException | RuntimeException | org.eclipse.paho.mqttv5.common.MqttException e) {
            out.println("  FAILED: " + e);
            return new Result(c, run, solo, broker, pg, loadBefore, String.valueOf(e.getMessage()));
        }
    }

    /**
     * Runs {@code --warm-up-fleets} fleets of {@code robots} robots one after the other, each through rounds of
     * {@value #WARM_UP_QUEUE} queued missions, until {@code --warm-up} seconds passed: the server's JIT compiler still
     * took a third of Payara Micro's CPU a minute after boot in a trial, and a production server is long past that.
     * A queue, not one mission at a time: the run's main path is a robot's state that ends one mission and starts the
     * next, and a warm-up that never took it left C2 compiling and deoptimising that path through the run's first
     * seconds (5 s of compilation in its first 10 s at 200 robots). Several fleets, each started as the run's is (its
     * first round queued before it connects): a server that has run for a while has seen robots register, connect and
     * send their factsheets, and one fleet's start on a cold server left that code half compiled for the run's.
     */
    private void warmUp(LaunchedServer server, FleetClient api, MissionLedger ledger, String prefix, int robots,
                        Duration statePeriod, int[] stateBytes) throws IOException, InterruptedException, SQLException {
        long start = System.nanoTime();
        int rounds = 0;
        int completed = 0;
        for (int fleet = 0; fleet < warmUpFleets; fleet++) {
            String fleetPrefix = prefix + (char) ('a' + fleet) + "-";
            SimulatorConfig config = simulatorConfig(server, fleetPrefix, robots, statePeriod);
            List<String> names = register(api, config);
            long end = start + TimeUnit.SECONDS.toNanos(warmUpSeconds) * (fleet + 1) / warmUpFleets;
            int fleetRounds = 0;
            queueRound(api, names, fleetRounds);
            long nextReading = System.nanoTime();
            long connecting = System.nanoTime();
            try (Simulator simulator = Simulator.start(config)) {
                while (true) {
                    fleetRounds++;
                    rounds++;
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(deadlineSeconds);
                    int ended;
                    int fleetCompleted;
                    do {
                        Thread.sleep(200);
                        if (System.nanoTime() > nextReading) {
                            api.metrics(); // as often as in the run, whose readings would otherwise compile their code
                            nextReading = System.nanoTime() + READING_INTERVAL_NANOS;
                        }
                        Map<MissionLedger.State, Integer> counts = ledger.countByState(fleetPrefix);
                        fleetCompleted = counts.get(MissionLedger.State.COMPLETED);
                        ended = MissionLedger.ended(counts);
                    } while (ended < robots * fleetRounds * WARM_UP_QUEUE && System.nanoTime() < deadline);
                    if (System.nanoTime() >= end) {
                        completed += fleetCompleted;
                        break;
                    }
                    queueRound(api, names, fleetRounds);
                }
                if (stateBytes != null) {
                    stateBytes[0] = encodedStateSize(simulator);
                }
                out.println("    warm-up fleet " + (fleet + 1) + ": " + startLine(FleetStartUp.of(simulator.robots(), connecting)));
            }
        }
        out.printf(Locale.ROOT, "  warm-up: %d fleets of %d robots, %d rounds of %d queued missions each, %d of %d completed,"
                        + " %.0f s%n", warmUpFleets, robots, rounds, WARM_UP_QUEUE, completed,
                robots * rounds * WARM_UP_QUEUE, (System.nanoTime() - start) / 1e9);
    }

    /** Queues round {@code round} of the warm-up's missions for every robot. */
    private void queueRound(FleetClient api, List<String> names, int round) throws IOException, InterruptedException {
        queue(api, names, round * WARM_UP_QUEUE, WARM_UP_QUEUE);
    }

    /** Registers the simulated fleet's robots through the API. @return their names, in the simulator's order */
    private static List<String> register(FleetClient api, SimulatorConfig config) throws IOException, InterruptedException {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < config.robots(); i++) {
            names.add(config.serialNumber(i));
        }
        api.createAll("robot", names.stream().map(n -> "{\"name\": \"" + n + "\"}").toList(), 8);
        return names;
    }

    /**
     * Missions {@code first} to {@code first + count - 1} of every robot, round by round, so that each robot's queue
     * is in order: mission m goes from x = 2m·leg to (2m+2)·leg.
     */
    private void queue(FleetClient api, List<String> robots, int first, int count) throws IOException, InterruptedException {
        for (int m = first; m < first + count; m++) {
            int index = m;
            api.createAll("mission", robots.stream().map(n -> mission(n, index)).toList(), 8);
        }
    }

    private SimulatorConfig simulatorConfig(LaunchedServer server, String prefix, int robots, Duration statePeriod) {
        return SimulatorConfig.builder()
                .brokerUri(server.mqttUri())
                .robots(robots)
                .serialPrefix(prefix)
                .speed(speed)
                .angularSpeed(2.0)
                .statePeriod(statePeriod)
                .connectTimeout(Duration.ofMinutes(3))
                .checkOwnMessages(false) // robots have CPUs of their own; the server still checks every message
                .build();
    }

    /**
     * Registers {@code robots} robots, queues {@code missions} missions for each, starts the simulated robots and waits
     * until every mission ended or the deadline passed. With {@code --robots-first} the missions are submitted only
     * once all robots are ready, while the fleet runs.
     */
    private Phase phase(String name, LaunchedServer server, FleetClient api, MissionLedger ledger, String prefix, int robots,
                        int missions, Duration statePeriod) throws IOException, InterruptedException, SQLException {
        SimulatorConfig config = simulatorConfig(server, prefix, robots, statePeriod);
        List<String> names = register(api, config);
        if (!robotsFirst) {
            submit(api, names, missions);
        }

        Map<String, OptionalLong> own = new LinkedHashMap<>();
        own.put("payara", server.payaraPid());
        own.put("launcher+broker", OptionalLong.of(server.launcherPid()));
        own.put("robots (this JVM)", OptionalLong.of(ProcessHandle.current().pid()));
        Map<String, OptionalLong> trees = Map.of("postgres", server.postmasterPid());
        Map<String, OptionalLong> compilers = Map.of("payara's JIT compiler threads (part of payara)", server.payaraPid());

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(deadlineSeconds);
        long starting = System.nanoTime();
        try (Simulator simulator = Simulator.start(config)) {
            Duration fleetStart = robotsFirst ? awaitReady(ledger, prefix, robots, starting, deadline) : null;
            Recorder orderWaits = new Recorder(3);
            List<BusyFleet.OrderWait> timedWaits = Collections.synchronizedList(new ArrayList<>());
            simulator.robots().forEach(robot -> robot.measureOrderWaits(nanos -> {
                orderWaits.recordValue(nanos / 1000);
                timedWaits.add(new BusyFleet.OrderWait(Instant.now(), nanos / 1000));
            }));
            List<BusyFleet.Reading> readings = new ArrayList<>();
            Metrics m0 = api.metrics();
            readings.add(new BusyFleet.Reading(Instant.now(), m0));
            MissionLedger.DatabaseStats d0 = ledger.databaseStats();
            CpuUsage.Reading c0 = CpuUsage.read(own, trees, compilers);
            long published0 = published(simulator);
            long t0 = System.nanoTime();
            if (robotsFirst) {
                submit(api, names, missions);
            }
            int expected = robots * missions;
            boolean timedOut = false;
            long nextReport = t0 + TimeUnit.SECONDS.toNanos(10);
            long nextAge = t0 + AGE_INTERVAL_NANOS;
            long nextReading = t0 + READING_INTERVAL_NANOS;
            StateAge age = new StateAge(m0);
            Map<MissionLedger.State, Integer> counts;
            while (true) {
                counts = ledger.countByState(prefix);
                int ended = MissionLedger.ended(counts);
                if (ended >= expected) {
                    break;
                }
                long now = System.nanoTime();
                if (now > deadline) {
                    timedOut = true;
                    break;
                }
                if (now > nextReading) {
                    Metrics m = api.metrics();
                    readings.add(new BusyFleet.Reading(Instant.now(), m));
                    nextReading = now + READING_INTERVAL_NANOS;
                    if (now > nextAge) {
                        age.sample(m);
                        nextAge = now + AGE_INTERVAL_NANOS;
                    }
                }
                if (now > nextReport) {
                    out.printf(Locale.ROOT, "    %s, %.0f s: %s, state age %.0f ms%n", name, (now - t0) / 1e9, counts,
                            age.lastMillis());
                    nextReport = now + TimeUnit.SECONDS.toNanos(10);
                }
                Thread.sleep(200);
            }
            long t1 = System.nanoTime();
            long published1 = published(simulator);
            CpuUsage.Reading c1 = CpuUsage.read(own, trees, compilers);
            MissionLedger.DatabaseStats d1 = ledger.databaseStats();
            Metrics m1 = api.metrics();
            readings.add(new BusyFleet.Reading(Instant.now(), m1));
            age.sample(m1);
            String load = CpuUsage.loadAverage();
            List<MissionLedger.Row> rows = ledger.missions(prefix);
            if (keep || jfr) {
                writeTimeline(server.dataDirectory().resolve("missions-" + prefix.replace("-", "") + ".csv"), rows);
            }
            return summarise(robots, fleetStart, expected, rows, Duration.ofNanos(t1 - t0), published1 - published0,
                    m0, m1, age, c1.coresSince(c0), c1.machineBusySince(c0), d1.minus(d0), load, timedOut,
                    orderWaits.getIntervalHistogram(), BusyFleet.of(rows, readings, List.copyOf(timedWaits)).orElse(null),
                    FleetStartUp.of(simulator.robots(), starting));
        }
    }

    private void submit(FleetClient api, List<String> robots, int missions) throws IOException, InterruptedException {
        queue(api, robots, 0, missions);
    }

    /**
     * Waits until all {@code robots} robots are ready for missions: connected, their factsheet stored and their first
     * state handled. A fleet is connected before the factory sends it work; its start-up (a connection, a factsheet
     * and a first state per robot, each a transaction) is reported on its own.
     *
     * @return the time from {@code starting} until all were ready
     */
    private static Duration awaitReady(MissionLedger ledger, String prefix, int robots, long starting, long deadline)
            throws SQLException, InterruptedException, IOException {
        int ready;
        while ((ready = ledger.countReady(prefix)) < robots) {
            if (System.nanoTime() > deadline) {
                throw new IOException("only " + ready + " of " + robots + " robots became ready for missions");
            }
            Thread.sleep(50);
        }
        return Duration.ofNanos(System.nanoTime() - starting);
    }

    /** Every mission of a phase, for looking into what the figures summarise. */
    private static void writeTimeline(Path file, List<MissionLedger.Row> rows) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("name,robot,state,start,end,seconds");
        for (MissionLedger.Row r : rows) {
            lines.add(String.join(",", r.name(), r.robot(), r.state().name(), String.valueOf(r.start()), String.valueOf(r.end()),
                    r.start() == null || r.end() == null ? ""
                            : String.format(Locale.ROOT, "%.3f", Duration.between(r.start(), r.end()).toNanos() / 1e9)));
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    private static final long AGE_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(2);

    /** How often the server's metrics are read during a phase: often enough to bracket the busy fleet's part. */
    private static final long READING_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

    /**
     * The mean age of the state messages the server took up in each interval between two readings of the
     * {@code fleetdispatch_state_age} timer (differences of its count and sum, so exact, unlike its quantiles):
     * how far behind the robots the server was, and when.
     */
    static final class StateAge {
        private static final String TIMER = "fleetdispatch_state_age";
        private double count;
        private double sum;
        private double lastMillis;
        private double worstMillis;

        StateAge(Metrics start) {
            count = start.valueOrZero(TIMER + "_count");
            sum = start.valueOrZero(TIMER + "_sum");
        }

        void sample(Metrics now) {
            double c = now.valueOrZero(TIMER + "_count");
            double s = now.valueOrZero(TIMER + "_sum");
            if (c > count) {
                lastMillis = (s - sum) / (c - count) * 1000;
                worstMillis = Math.max(worstMillis, lastMillis);
            }
            count = c;
            sum = s;
        }

        double lastMillis() {
            return lastMillis;
        }

        double worstMillis() {
            return worstMillis;
        }

        static double overallMillis(Metrics start, Metrics end) {
            double c = end.valueOrZero(TIMER + "_count") - start.valueOrZero(TIMER + "_count");
            return c <= 0 ? Double.NaN : (end.valueOrZero(TIMER + "_sum") - start.valueOrZero(TIMER + "_sum")) / c * 1000;
        }
    }

    private String mission(String robot, int index) {
        double x1 = leg * (2 * index + 1);
        double x2 = leg * (2 * index + 2);
        return String.format(Locale.ROOT, "{\"name\": \"%s-m%d\", \"robot\": \"%s\", \"mission_tree\": [{\"name\": \"go\","
                + " \"route\": {\"waypoints\": [{\"x\": %.3f, \"y\": 0, \"theta\": 0, \"map_id\": \"map\"},"
                + " {\"x\": %.3f, \"y\": 0, \"theta\": 0, \"map_id\": \"map\"}]}}]}", robot, index + 1, robot, x1, x2);
    }

    private static long published(Simulator simulator) {
        return simulator.robots().stream().mapToLong(SimulatedRobot::statesPublished).sum();
    }

    private static int encodedStateSize(Simulator simulator) {
        State state = simulator.robots().get(0).lastState();
        if (state == null) {
            return 0;
        }
        try (Vda5050Codec codec = new Vda5050Codec()) {
            return codec.encode(state).length;
        }
    }

    private static Phase summarise(int robots, Duration fleetStart, int expected, List<MissionLedger.Row> rows,
                                   Duration elapsed, long published, Metrics m0, Metrics m1, StateAge age,
                                   Map<String, Double> cores, double machineBusy, MissionLedger.DatabaseStats database,
                                   String load, boolean timedOut, Histogram orderWaits, BusyFleet busy,
                                   FleetStartUp startUp) {
        Histogram durations = new Histogram(TimeUnit.HOURS.toMicros(1), 3);
        Instant first = null;
        Instant last = null;
        int completed = 0;
        int failed = 0;
        for (MissionLedger.Row row : rows) {
            if (row.start() != null && (first == null || row.start().isBefore(first))) {
                first = row.start();
            }
            if (row.end() == null) {
                continue;
            }
            if (last == null || row.end().isAfter(last)) {
                last = row.end();
            }
            if (row.state() == MissionLedger.State.COMPLETED) {
                completed++;
            } else {
                failed++;
            }
            if (row.start() != null) {
                durations.recordValue(Math.max(0, Duration.between(row.start(), row.end()).toNanos() / 1000));
            }
        }
        Duration window = first == null || last == null ? Duration.ZERO : Duration.between(first, last);
        String processed = "fleetdispatch_state_messages_total";
        long statesProcessed = Math.round(m1.valueOrZero(processed) - m0.valueOrZero(processed));
        String slow = "fleetdispatch_state_slow_path_total";
        long statesSlow = Math.round(m1.valueOrZero(slow) - m0.valueOrZero(slow));
        String rejected = "fleetdispatch_mqtt_rejected_total";
        long statesRejected = Math.round(m1.valueOrZero(rejected, "topic=\"state\"")
                - m0.valueOrZero(rejected, "topic=\"state\""));
        String timer = "fleetdispatch_dispatch_latency";
        long count0 = Math.round(m0.valueOrZero(timer + "_count"));
        long count1 = Math.round(m1.valueOrZero(timer + "_count"));
        double sum = m1.valueOrZero(timer + "_sum") - m0.valueOrZero(timer + "_sum");
        Phase.Latency latency = new Phase.Latency(count1 - count0, count0,
                count1 > count0 ? sum / (count1 - count0) * 1000 : Double.NaN,
                Buckets.between(latencyBuckets(m0), latencyBuckets(m1)),
                millis(m1.value(timer, "quantile=\"0.5\"").orElse(Double.NaN)),
                millis(m1.value(timer, "quantile=\"0.99\"").orElse(Double.NaN)),
                millis(m1.value(timer + "_max").orElse(Double.NaN)));
        return new Phase(robots, fleetStart, expected, completed, failed, window, durations, elapsed, published, statesProcessed,
                statesSlow, statesRejected, latency, orderWaits, age.overallMillis(m0, m1), age.worstMillis(), cores, machineBusy,
                database, load, timedOut, busy, first, startUp);
    }

    /** The server's exact counts of dispatch latencies by bound ({@code +Inf}: all of them). */
    static NavigableMap<Double, Double> latencyBuckets(Metrics m) {
        return m.buckets("fleetdispatch_dispatch_latency_within_total");
    }

    /**
     * A timer value from Payara's OpenMetrics output in milliseconds. Payara 6.2025.10 writes a timer's
     * {@code _sum} in seconds but its quantiles and {@code _max} in nanoseconds (their mean agrees with
     * sum/count only so); no dispatch latency reaches 1,000 s, so anything above is nanoseconds.
     */
    static double millis(double timerValue) {
        return timerValue > 1_000 ? timerValue / 1e6 : timerValue * 1_000;
    }

    // ------------------------------------------------------------------------------------------------ printing

    private void print(Result r) {
        if (r.run() == null) {
            return;
        }
        Phase run = r.run();
        Phase solo = r.solo();
        if (run.fleetStart() != null) {
            out.printf(Locale.ROOT, "  fleet start: all %d robots ready for missions (online, position known, factsheet stored)"
                    + " %.2f s after they started connecting%n", run.robots(), seconds(run.fleetStart()));
        }
        out.println("  fleet's start (the robots' clock): " + startLine(run.startUp()));
        out.printf(Locale.ROOT, "  missions: %d of %d completed, %d failed%s, in %.2f s -> %.1f missions/s%n",
                run.completed(), run.missions(), run.failed(), run.timedOut() ? " (DEADLINE PASSED)" : "",
                seconds(run.window()), run.missionsPerSecond());
        if (solo != null) {
            out.printf(Locale.ROOT, "  ideal: %d robots / %.3f s per mission (one robot alone, same queue) = %.1f missions/s;"
                    + " achieved %.0f %%%n", r.c().robots(), solo.secondsPerMission(), r.ideal(),
                    100 * run.missionsPerSecond() / r.ideal());
        }
        out.printf(Locale.ROOT, "  mission duration (start to end, server timestamps): p50 %.0f ms, p99 %.0f ms, max %.0f ms"
                        + "%s%n", run.durations().getValueAtPercentile(50) / 1000.0,
                run.durations().getValueAtPercentile(99) / 1000.0, run.durations().getMaxValue() / 1000.0,
                solo == null ? "" : String.format(Locale.ROOT, " (alone: p50 %.0f ms)",
                        solo.durations().getValueAtPercentile(50) / 1000.0));
        out.printf(Locale.ROOT, "  state messages: %.0f/s processed by the server, %.0f/s published by the robots (%.0f s);"
                        + " age when taken up (robot timestamp to server): mean %.0f ms, worst 2-s mean %.0f ms%n",
                run.statesProcessedPerSecond(), run.statesOfferedPerSecond(), seconds(run.elapsed()), run.stateAgeMillis(),
                run.worstStateAgeMillis());
        out.printf(Locale.ROOT, "  slow path (state messages handled in a transaction: the mission advanced or its"
                + " task_status counted): %d, %.1f per completed mission; rejected as invalid: %d%n", run.statesSlow(),
                (double) run.statesSlow() / Math.max(1, run.completed()), run.statesRejected());
        Phase.Latency l = run.latency();
        out.printf(Locale.ROOT, "  dispatch latency (fleetdispatch_dispatch_latency, %d samples in the run%s): p50 %.2f ms,"
                        + " p99 %s%.2f ms, %.1f %% within 10 ms (the server's exact counts per bound), mean %.2f ms; the timer's reservoir,"
                        + " warm-up included: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", l.samples(),
                l.samplesBefore() > 0 ? ", " + l.samplesBefore() + " before it" : "", l.p50Millis(),
                l.run().beyondLastBound(0.99) ? ">" : "", l.p99Millis(), 100 * l.run().shareWithin(0.010), l.meanMillis(),
                l.reservoirP50Millis(), l.reservoirP99Millis(), l.maxMillis());
        BusyFleet busy = run.busyFleet();
        if (busy == null) {
            out.println("  whole fleet busy: never (a robot ended its queue before the last one started)");
        } else {
            Buckets bl = busy.latency();
            out.printf(Locale.ROOT, "  whole fleet busy (the last robot's first mission started %.2f s into the window, the first"
                            + " robot's last one ended at %.2f s: %.2f s): %.1f missions/s%s; dispatch latency %s; robots' wait"
                            + " for the next order p50 %.2f ms, p99 %.2f ms (%d waits)%n",
                    seconds(Duration.between(run.firstStart(), busy.from())), seconds(Duration.between(run.firstStart(), busy.to())),
                    seconds(busy.length()), busy.missionsPerSecond(),
                    solo == null ? "" : String.format(Locale.ROOT, ", %.0f %% of ideal", 100 * busy.missionsPerSecond() / r.ideal()),
                    bl == null ? "not read (fewer than two readings inside)"
                            : String.format(Locale.ROOT, "p50 %.2f ms, p99 %s%.2f ms, %.1f %% within 10 ms (%d samples)",
                            bl.quantile(0.5) * 1000, bl.beyondLastBound(0.99) ? ">" : "", bl.quantile(0.99) * 1000,
                            100 * bl.shareWithin(0.010), bl.total()),
                    busy.orderWaits().getValueAtPercentile(50) / 1000.0, busy.orderWaits().getValueAtPercentile(99) / 1000.0,
                    busy.orderWaits().getTotalCount());
        }
        Histogram waits = run.orderWaits();
        out.printf(Locale.ROOT, "  robots' wait for the next order (state showing the order done published -> next order"
                        + " accepted, broker both ways; %d waits): p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                waits.getTotalCount(), waits.getValueAtPercentile(50) / 1000.0, waits.getValueAtPercentile(99) / 1000.0,
                waits.getMaxValue() / 1000.0);
        MissionLedger.DatabaseStats db = run.database();
        double secs = seconds(run.elapsed());
        out.printf(Locale.ROOT, "  PostgreSQL: %.0f commits/s, %.0f WAL flushes/s, %.0f kB WAL/s; per completed mission %.1f commits,"
                        + " %.1f WAL flushes%n", db.commits() / secs, db.walSyncs() / secs, db.walBytes() / 1024.0 / secs,
                (double) db.commits() / Math.max(1, run.completed()), (double) db.walSyncs() / Math.max(1, run.completed()));
        StringBuilder cpu = new StringBuilder();
        run.cores().forEach((k, v) -> cpu.append(String.format(Locale.ROOT, "%s %.2f, ", k, v)));
        out.printf(Locale.ROOT, "  CPU during the run (cores): %smachine %.0f %% busy; load average at the end %s%n", cpu,
                100 * run.machineBusy(), run.loadAverage());
        if (r.broker() != null) {
            out.printf(Locale.ROOT, "  broker raw rate: %.0f messages/s (%d lost; QoS 0, %d publishers -> 1 shared"
                            + " subscription, closed loop, %d-byte payloads, %.0f s)%n", r.broker().receivedPerSecond(),
                    r.broker().lost(), r.broker().publishers(), r.broker().payloadBytes(), r.broker().seconds());
        }
        if (r.pgbench() != null) {
            out.println("  pgbench: " + r.pgbench().tps().map(t -> String.format(Locale.ROOT, "%.0f TPS (%s)", t,
                    r.pgbench().description())).orElse(r.pgbench().description()));
        }
    }

    private static String startLine(FleetStartUp s) {
        return String.format(Locale.ROOT, "online from %.2f to %.2f s after they started connecting; from online to the"
                        + " factsheetRequest p50 %.0f ms, max %.0f ms; to the first order p50 %.0f ms, p90 %.0f ms, max %.0f ms;"
                        + " the last first order %.2f s after the first robot came online%s",
                seconds(s.onlineFrom()), seconds(s.onlineTo()), s.toFactsheetRequest().getValueAtPercentile(50) / 1000.0,
                s.toFactsheetRequest().getMaxValue() / 1000.0, s.toFirstOrder().getValueAtPercentile(50) / 1000.0,
                s.toFirstOrder().getValueAtPercentile(90) / 1000.0, s.toFirstOrder().getMaxValue() / 1000.0,
                seconds(s.lastFirstOrder()), s.missing() == 0 ? "" : " (" + s.missing() + " robots got no order)");
    }

    private void summary(List<Result> results) {
        out.println();
        out.println("== Summary ==");
        out.println("robots  period  missions/s  ideal   of ideal  states/s processed (offered)  state age mean / worst s"
                + "  dispatch p50 / p99 ms  order wait p50 / p99 ms  fleet busy: of ideal, dispatch p50 / p99 ms"
                + "  broker msg/s  pgbench TPS  load avg before / after");
        for (Result r : results) {
            if (r.run() == null) {
                out.printf(Locale.ROOT, "%6d  %5ss  failed: %s%n", r.c().robots(), periodLabel(r.c().statePeriod()), r.failure());
                continue;
            }
            Phase run = r.run();
            out.printf(Locale.ROOT, "%6d  %5ss  %10.1f  %6.1f  %7.0f %%  %9.0f (%6.0f)%12s  %9.2f / %-9.2f  %9.2f / %-9.2f"
                            + "  %9.2f / %-9.2f  %-42s  %12s  %11s  %s / %s%n",
                    r.c().robots(), periodLabel(r.c().statePeriod()), run.missionsPerSecond(), r.ideal(),
                    100 * run.missionsPerSecond() / r.ideal(), run.statesProcessedPerSecond(), run.statesOfferedPerSecond(),
                    run.timedOut() ? " DEADLINE" : "", run.stateAgeMillis() / 1000, run.worstStateAgeMillis() / 1000,
                    run.latency().p50Millis(), run.latency().p99Millis(),
                    run.orderWaits().getValueAtPercentile(50) / 1000.0, run.orderWaits().getValueAtPercentile(99) / 1000.0,
                    busyFleetColumn(r),
                    r.broker() == null ? "-" : String.format(Locale.ROOT, "%.0f", r.broker().receivedPerSecond()),
                    r.pgbench() == null ? "-" : r.pgbench().tps().map(t -> String.format(Locale.ROOT, "%.0f", t)).orElse("n/a"),
                    r.loadBefore(), run.loadAverage());
        }
        out.println(IMD_REFERENCE);
        out.println(TARGETS);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static String busyFleetColumn(Result r) {
        BusyFleet busy = r.run().busyFleet();
        if (busy == null) {
            return "never";
        }
        Buckets l = busy.latency();
        return String.format(Locale.ROOT, "%3.0f %%, %s", 100 * busy.missionsPerSecond() / r.ideal(), l == null ? "-"
                : String.format(Locale.ROOT, "%.2f / %s%.2f", l.quantile(0.5) * 1000, l.beyondLastBound(0.99) ? ">" : "",
                l.quantile(0.99) * 1000));
    }

    /** A period as written on the command line: 1, 0.1. */
    private static String periodLabel(Duration d) {
        double s = d.toNanos() / 1e9;
        return s == Math.rint(s) ? Long.toString((long) s) : Double.toString(s);
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }

    /**
     * {@code name} under {@code parent}, or {@code name-2}, {@code name-3}… when it exists: a case repeated in one run,
     * or a {@code --work} directory used before, must not start on another server's database.
     */
    static Path freshDirectory(Path parent, String name) {
        Path candidate = parent.resolve(name);
        for (int i = 2; Files.exists(candidate); i++) {
            candidate = parent.resolve(name + "-" + i);
        }
        return candidate;
    }

    /** The checkout this jar was built in: {@code <root>/bench/target/<jar>}, else the working directory. */
    private static Path defaultRoot() throws URISyntaxException {
        Path location = Path.of(MissionBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path candidate = location.getParent().getParent().getParent();
        if (candidate != null && Files.isExecutable(candidate.resolve("fleetdispatch"))) {
            return candidate;
        }
        return Path.of("").toAbsolutePath();
    }

    private static String gitDescribe(Path checkout) {
        try {
            Process git = new ProcessBuilder("git", "-C", checkout.toString(), "describe", "--always", "--dirty")
                    .redirectErrorStream(true).start();
            String text = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return git.waitFor() == 0 ? "commit " + text : "commit unknown";
        } catch (IOException e) {
            return "commit unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "commit unknown";
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
