package org.fleetdispatch.bench.mission;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./fleetdispatch run} in a child process, on free ports and a fresh data directory: embedded
 * PostgreSQL and HiveMQ in the launcher's JVM (PostgreSQL's processes beside it), Payara Micro as the
 * launcher's child. Exactly what an operator starts, so the figures are the product's (ADR 0090).
 */
final class LaunchedServer implements AutoCloseable {

    private static final String READY = "Fleet Dispatch is ready.";

    private final Process launcher;
    private final Path dataDirectory;
    private final Path log;
    private final int httpPort;
    private final int databasePort;
    private final int mqttPort;

    private LaunchedServer(Process launcher, Path dataDirectory, Path log, int httpPort, int databasePort, int mqttPort) {
        this.launcher = launcher;
        this.dataDirectory = dataDirectory;
        this.log = log;
        this.httpPort = httpPort;
        this.databasePort = databasePort;
        this.mqttPort = mqttPort;
    }

    /**
     * Starts the launcher script of the checkout {@code root} and waits until it says the server is ready.
     *
     * @param javaOptions {@code FLEETDISPATCH_JAVA_OPTS} for Payara Micro, may be blank
     */
    static LaunchedServer start(Path root, Path dataDirectory, String javaOptions, Duration timeout)
            throws IOException, InterruptedException {
        Path script = root.resolve("fleetdispatch");
        if (!Files.isExecutable(script)) {
            throw new IOException(script + " is not there or not executable; --root must name the checkout");
        }
        Files.createDirectories(dataDirectory);
        Path log = dataDirectory.resolve("launcher.log");
        int http = freePort();
        int database = freePort();
        int mqtt = freePort();
        ProcessBuilder builder = new ProcessBuilder(script.toString(), "run")
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        // An external database or broker in the caller's environment would be used instead of the embedded ones.
        env.remove("FLEETDISPATCH_DB_URL");
        env.remove("FLEETDISPATCH_MQTT_URI");
        env.put("FLEETDISPATCH_DATA_DIR", dataDirectory.toString());
        env.put("FLEETDISPATCH_HTTP_PORT", Integer.toString(http));
        env.put("FLEETDISPATCH_EMBEDDED_DB_PORT", Integer.toString(database));
        env.put("FLEETDISPATCH_EMBEDDED_MQTT_PORT", Integer.toString(mqtt));
        env.put("FLEETDISPATCH_JAVA_OPTS", javaOptions == null ? "" : javaOptions);
        LaunchedServer server = new LaunchedServer(builder.start(), dataDirectory, log, http, database, mqtt);
        // A benchmark stopped with Ctrl-C or kill ends without leaving its try-with-resources; without this its
        // server ran on (a stopped run's Payara Micro was found still busy, skewing the next run's figures).
        Thread stopOnExit = new Thread(() -> {
            try {
                server.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "stop server " + http);
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        server.launcher.onExit().thenRun(() -> {
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnExit);
            } catch (IllegalStateException e) {
                // the JVM is shutting down already, and the hook is running or has run
            }
        });
        try {
            server.awaitReady(timeout);
        } catch (IOException | InterruptedException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    private void awaitReady(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains(READY)) {
                return;
            }
            if (launcher.waitFor(500, TimeUnit.MILLISECONDS)) {
                throw new IOException("./fleetdispatch run exited with status " + launcher.exitValue()
                        + " before it was ready" + logTail());
            }
        }
        throw new IOException("./fleetdispatch run was not ready within " + timeout.toSeconds() + " s" + logTail());
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + httpPort + "/");
    }

    String mqttUri() {
        return "tcp://127.0.0.1:" + mqttPort;
    }

    int databasePort() {
        return databasePort;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + databasePort + "/fleetdispatch";
    }

    Path dataDirectory() {
        return dataDirectory;
    }

    /** The launcher's JVM: the embedded broker runs in it. */
    long launcherPid() {
        return launcher.pid();
    }

    /** Payara Micro's JVM, the launcher's child. */
    OptionalLong payaraPid() {
        return launcher.descendants()
                .filter(p -> p.info().commandLine().orElse("").contains("payara-micro"))
                .mapToLong(ProcessHandle::pid)
                .findFirst();
    }

    /** PostgreSQL's postmaster, from the first line of {@code postmaster.pid} in the cluster directory. */
    OptionalLong postmasterPid() {
        Path pidFile = dataDirectory.resolve("postgres").resolve("postmaster.pid");
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            return lines.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    Optional<Path> payaraLog() {
        Path payara = dataDirectory.resolve("payara-micro.log");
        return Files.exists(payara) ? Optional.of(payara) : Optional.empty();
    }

    String logTail() {
        StringBuilder tail = new StringBuilder();
        for (Path file : List.of(log, dataDirectory.resolve("payara-micro.log"))) {
            try {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                tail.append("\n--- last lines of ").append(file).append(":\n")
                        .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size())));
            } catch (IOException e) {
                // not written yet
            }
        }
        return tail.toString();
    }

    /** SIGTERM: the launcher's shutdown hook stops Payara Micro, the broker and PostgreSQL, in that order. */
    @Override
    public void close() throws InterruptedException {
        if (!launcher.isAlive()) {
            return;
        }
        List<ProcessHandle> tree = launcher.descendants().toList();
        launcher.destroy();
        if (!launcher.waitFor(90, TimeUnit.SECONDS)) {
            tree.forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
