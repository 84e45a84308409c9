package org.fleetdispatch.launcher;

import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fleetdispatch run}: the embedded default, stopped with Ctrl-C. */
@Command(name = "fleetdispatch", mixinStandardHelpOptions = true, subcommands = LauncherCommand.Run.class,
        description = "Fleet Dispatch launcher.")
public final class LauncherCommand {

    public static void main(String[] args) {
        // HiveMQ's jar carries a logback.xml of its own; name ours so that logback does not pick one at random.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "fleetdispatch-launcher-logback.xml");
        }
        System.exit(new CommandLine(new LauncherCommand()).execute(args));
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = {"Starts PostgreSQL and an MQTT 5 broker (unless FLEETDISPATCH_DB_URL / FLEETDISPATCH_MQTT_URI",
                    "name external ones) and Payara Micro with the resource adapter and the application.",
                    "Settings come from FLEETDISPATCH_* environment variables; see the README."})
    static final class Run implements Callable<Integer> {

        @Option(names = "--war", description = "The application WAR (default: web/target/fleetdispatch.war).")
        Path war;

        @Option(names = "--rar", description = "The MQTT resource adapter (default: mqtt-connector/target/fleetdispatch-mqtt.rar).")
        Path rar;

        @Option(names = "--payara-micro", description = "The Payara Micro jar (default: launcher/target/payara-micro.jar).")
        Path microJar;

        @Option(names = "--startup-timeout", defaultValue = "300", description = "Seconds to wait for readiness (default: ${DEFAULT-VALUE}).")
        int startupTimeoutSeconds;

        private final Deque<AutoCloseable> running = new ArrayDeque<>();
        private volatile boolean stopping;

        @Override
        public Integer call() throws Exception {
            Settings settings = Settings.fromEnvironment(System.getenv());
            Path root = projectRoot();
            war = war != null ? war : root.resolve("web/target/fleetdispatch.war");
            rar = rar != null ? rar : root.resolve("mqtt-connector/target/fleetdispatch-mqtt.rar");
            microJar = microJar != null ? microJar : root.resolve("launcher/target/payara-micro.jar");
            PrintStream out = System.out;
            Thread shutdown = new Thread(this::stopAll, "fleetdispatch-shutdown");
            Runtime.getRuntime().addShutdownHook(shutdown);

            String databaseUrl = settings.databaseUrl().orElse(null);
            if (databaseUrl == null) {
                out.println("Starting embedded PostgreSQL on 127.0.0.1:" + settings.embeddedDatabasePort()
                        + " (data in " + settings.dataDirectory().resolve("postgres") + ")");
                EmbeddedDatabase database = EmbeddedDatabase.start(settings.dataDirectory().resolve("postgres"),
                        settings.embeddedDatabasePort(), EmbeddedDatabase.Durability.DURABLE);
                running.push(database);
                databaseUrl = database.jdbcUrl();
            }
            String mqttUri = settings.mqttUri().orElse(null);
            if (mqttUri == null) {
                out.println("Starting embedded MQTT 5 broker on 127.0.0.1:" + settings.embeddedMqttPort());
                EmbeddedBroker broker = EmbeddedBroker.start(settings.dataDirectory().resolve("broker"), "127.0.0.1",
                        settings.embeddedMqttPort());
                running.push(broker);
                mqttUri = broker.uri();
            }
            out.println("Starting Payara Micro on " + settings.httpHost() + ":" + settings.httpPort()
                    + " (log in " + settings.dataDirectory().resolve("payara-micro.log") + ")");
            PayaraMicroProcess payara = PayaraMicroProcess.start(new PayaraMicroProcess.Options(
                    microJar, rar, war, settings.httpHost(), settings.httpPort(),
                    settings.dataDirectory().resolve("payara-micro"),
                    settings.serverEnvironment(databaseUrl, mqttUri),
                    jvmOptions(settings.javaOptions())));
            running.push(payara);
            payara.awaitReady(Duration.ofSeconds(startupTimeoutSeconds));

            out.println();
            out.println("Fleet Dispatch is ready.");
            out.println("  API      " + payara.baseUri());
            out.println("  Health   " + payara.baseUri().resolve("health"));
            out.println("  Robots   " + payara.baseUri().resolve("robot"));
            out.println("  Database " + databaseUrl);
            out.println("  MQTT     " + mqttUri);
            out.println("Press Ctrl-C to stop.");

            // Ctrl-C runs the shutdown hook, which stops Payara Micro first; reaching the line after
            // this wait otherwise means it died on its own.
            int status = payara.waitFor();
            if (stopping) {
                return 0;
            }
            System.err.println("Payara Micro stopped (exit status " + status + "); see " + payara.log());
            return 1;
        }

        private synchronized void stopAll() {
            stopping = true;
            while (!running.isEmpty()) {
                AutoCloseable next = running.pop();
                try {
                    next.close();
                } catch (Exception e) {
                    System.err.println("While stopping " + next.getClass().getSimpleName() + ": " + e.getMessage());
                }
            }
        }

        private static List<String> jvmOptions(String javaOptions) {
            return javaOptions.isBlank() ? List.of() : Arrays.asList(javaOptions.trim().split("\\s+"));
        }

        /** The checkout the launcher jar was built in: {@code <root>/launcher/target/<jar>}. */
        private static Path projectRoot() throws URISyntaxException {
            Path location = Path.of(LauncherCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return location.getParent().getParent().getParent();
        }
    }
}
