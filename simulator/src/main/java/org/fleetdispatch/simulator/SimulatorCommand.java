package org.fleetdispatch.simulator;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar fleetdispatch-simulator.jar --robots 50 --broker tcp://127.0.0.1:1883 --state-period 0.1}:
 * runs robots until interrupted (Ctrl-C, SIGTERM) or for {@code --duration} seconds, then stops them cleanly.
 */
@Command(name = "fleetdispatch-simulator", mixinStandardHelpOptions = true, version = "0.1.0",
        description = "Simulates VDA 5050 2.0 robots over MQTT 5.", sortOptions = false)
public final class SimulatorCommand implements Callable<Integer> {

    @Option(names = "--robots", description = "Number of robots (default: ${DEFAULT-VALUE}).")
    int robots = 1;

    @Option(names = "--broker", description = "MQTT broker URI (default: ${DEFAULT-VALUE}).")
    String broker = "tcp://127.0.0.1:1883";

    @Option(names = "--interface", description = "Interface name, the first topic level (default: ${DEFAULT-VALUE}).")
    String interfaceName = "uagv";

    @Option(names = "--manufacturer", description = "Manufacturer (default: ${DEFAULT-VALUE}).")
    String manufacturer = "RobotCompany";

    @Option(names = "--serial-prefix", description = "Serial numbers are this and a 3-digit index "
            + "(default: ${DEFAULT-VALUE}, giving agv-001, agv-002, ...).")
    String serialPrefix = "agv-";

    @Option(names = "--first-index", description = "Index of the first robot (default: ${DEFAULT-VALUE}).")
    int firstIndex = 1;

    @Option(names = "--speed", description = "Linear speed in m/s (default: ${DEFAULT-VALUE}).")
    double speed = 1.0;

    @Option(names = "--angular-speed", description = "Turning speed in rad/s (default: ${DEFAULT-VALUE}).")
    double angularSpeed = 1.0;

    @Option(names = "--state-period", description = "Seconds between state messages, e.g. 1, 0.1, 0.01 "
            + "(default: ${DEFAULT-VALUE}).")
    double statePeriod = 1.0;

    @Option(names = "--failure-period", description = "Every N-th order fails with a FATAL error; 0 = never "
            + "(default: ${DEFAULT-VALUE}).")
    int failurePeriod;

    @Option(names = "--action-duration", description = "Seconds an action runs unless --action-durations says "
            + "otherwise (default: ${DEFAULT-VALUE}).")
    double actionDuration = 1.0;

    @Option(names = "--action-durations", split = ",", paramLabel = "TYPE=SECONDS",
            description = "Seconds per action type, e.g. pick=2.5,drop=2.")
    Map<String, Double> actionDurations = new LinkedHashMap<>();

    @Option(names = "--failing-actions", split = ",", paramLabel = "TYPE",
            description = "Action types that always fail, e.g. pick,explode.")
    Set<String> failingActions = Set.of();

    @Option(names = "--x", description = "Start x of the first robot in m (default: ${DEFAULT-VALUE}).")
    double x;

    @Option(names = "--y", description = "Start y in m (default: ${DEFAULT-VALUE}).")
    double y;

    @Option(names = "--theta", description = "Start orientation in rad (default: ${DEFAULT-VALUE}).")
    double theta;

    @Option(names = "--map-id", description = "Map id (default: ${DEFAULT-VALUE}).")
    String mapId = "map";

    @Option(names = "--spacing", description = "Metres in x between robots' start positions "
            + "(default: ${DEFAULT-VALUE}).")
    double spacing;

    @Option(names = "--battery", description = "Initial charge in percent (default: ${DEFAULT-VALUE}).")
    double battery = 100;

    @Option(names = "--battery-drain", description = "Percent of charge per metre driven "
            + "(default: ${DEFAULT-VALUE}).")
    double batteryDrain = 0.05;

    @Option(names = "--charge-rate", description = "Percent of charge per second while charging "
            + "(default: ${DEFAULT-VALUE}).")
    double chargeRate = 1.0;

    @Option(names = "--position-tolerance", description = "How far in m a new order's first node may be "
            + "(default: ${DEFAULT-VALUE}).")
    double positionTolerance = 0.25;

    @Option(names = "--keep-alive", description = "MQTT keep-alive in seconds (default: ${DEFAULT-VALUE}).")
    int keepAlive = 15;

    @Option(names = "--connect-timeout", description = "Seconds to wait for all robots to connect "
            + "(default: ${DEFAULT-VALUE}).")
    int connectTimeout = 60;

    @Option(names = "--no-self-check",
            description = "Do not check each state message against its schema before sending it (for load tests:"
                    + " the check is most of the robots' CPU; the server checks what it receives anyway).")
    boolean noSelfCheck;

    @Option(names = "--duration", description = "Stop after this many seconds; 0 = run until interrupted "
            + "(default: ${DEFAULT-VALUE}).")
    double duration;

    public static void main(String[] args) {
        System.exit(new CommandLine(new SimulatorCommand()).execute(args));
    }

    SimulatorConfig config() {
        Map<String, Duration> durations = new LinkedHashMap<>();
        actionDurations.forEach((type, seconds) -> durations.put(type, seconds(seconds)));
        return SimulatorConfig.builder().brokerUri(broker).robots(robots).interfaceName(interfaceName)
                .manufacturer(manufacturer).serialPrefix(serialPrefix).firstIndex(firstIndex).speed(speed)
                .angularSpeed(angularSpeed).statePeriod(seconds(statePeriod)).failurePeriod(failurePeriod)
                .defaultActionDuration(seconds(actionDuration)).actionDurations(durations)
                .failingActions(failingActions).initialPose(new Pose(x, y, theta, mapId)).spacing(spacing)
                .battery(battery).batteryDrainPerMetre(batteryDrain).chargeRatePerSecond(chargeRate)
                .positionTolerance(positionTolerance).keepAlive(Duration.ofSeconds(keepAlive))
                .connectTimeout(Duration.ofSeconds(connectTimeout)).checkOwnMessages(!noSelfCheck).build();
    }

    private static Duration seconds(double s) {
        return Duration.ofNanos(Math.round(s * 1e9));
    }

    @Override
    public Integer call() throws InterruptedException {
        SimulatorConfig config;
        try {
            config = config();
        } catch (IllegalArgumentException e) {
            System.err.println("fleetdispatch-simulator: " + e.getMessage());
            return 2;
        }
        Simulator simulator;
        try {
            simulator = Simulator.start(config);
        } catch (SimulatorException e) {
            System.err.println("fleetdispatch-simulator: " + e.getMessage());
            return 1;
        }
        CountDownLatch done = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            simulator.close();
            done.countDown();
        }, "simulator-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        System.out.printf("%d robots (%s … %s) on %s as %s/v2/%s/<serial>, state every %s s; Ctrl-C stops them%n",
                config.robots(), config.serialNumber(0), config.serialNumber(Math.max(0, config.robots() - 1)),
                config.brokerUri(), config.interfaceName(), config.manufacturer(), statePeriod);
        if (duration > 0) {
            if (!done.await(Math.round(duration * 1000), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                Runtime.getRuntime().removeShutdownHook(hook);
                simulator.close();
            }
        } else {
            done.await();
        }
        return 0;
    }
}
