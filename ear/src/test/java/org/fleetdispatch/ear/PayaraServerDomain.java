package org.fleetdispatch.ear;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A Payara Server domain of its own for one test run: created with free ports, bound to 127.0.0.1,
 * started, and stopped (killed if need be) when the test ends or the JVM exits.
 *
 * <p>The domain inherits this JVM's environment, so the {@code FLEETDISPATCH_*} variables that name
 * the build's database and broker reach the application exactly as they would in production.
 */
final class PayaraServerDomain implements AutoCloseable {

    private static final String NAME = "fleetdispatch";
    /** Offsets asadmin's --portbase gives to the listeners it creates. */
    private static final int[] PORT_OFFSETS = {9, 37, 38, 39, 48, 66, 76, 80, 81, 86};

    private final Path home;
    private final Path domains;
    private final int portBase;
    private final Thread killOnExit;

    private PayaraServerDomain(Path home, Path domains, int portBase) {
        this.home = home;
        this.domains = domains;
        this.portBase = portBase;
        this.killOnExit = new Thread(this::kill, "payara-server-domain-cleanup");
    }

    static PayaraServerDomain create(Path payaraHome, Path domains) throws IOException, InterruptedException {
        deleteRecursively(domains);
        Files.createDirectories(domains);
        PayaraServerDomain domain = new PayaraServerDomain(payaraHome, domains, freePortBase());
        domain.asadmin(Duration.ofMinutes(2), "create-domain", "--nopassword", "--portbase",
                Integer.toString(domain.portBase), "--domaindir", domains.toString(), NAME);
        domain.bindToLoopback();
        return domain;
    }

    int adminPort() {
        return portBase + 48;
    }

    int httpPort() {
        return portBase + 80;
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + httpPort() + "/");
    }

    Path serverLog() {
        return domains.resolve(NAME).resolve("logs/server.log");
    }

    void start() throws IOException, InterruptedException {
        Runtime.getRuntime().addShutdownHook(killOnExit);
        asadmin(Duration.ofMinutes(4), "start-domain", "--domaindir", domains.toString(), NAME);
    }

    void deploy(Path archive) throws IOException, InterruptedException {
        asadmin(Duration.ofMinutes(5), "--port", Integer.toString(adminPort()), "deploy", "--name", NAME, archive.toString());
    }

    /** Waits until {@code GET path} answers 200: start-domain and deploy return before the apps are ready. */
    void awaitOk(String path, Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(baseUri().resolve(path)).timeout(Duration.ofSeconds(5)).build();
        try {
            await().atMost(timeout).pollInterval(Duration.ofMillis(500)).ignoreExceptionsInstanceOf(IOException.class)
                    .until(() -> http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("GET /" + path + " did not answer 200 within " + timeout + logTail(), e);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            asadmin(Duration.ofMinutes(2), "stop-domain", "--domaindir", domains.toString(), NAME);
        } catch (IOException e) {
            kill();
        } finally {
            kill(); // a no-op when stop-domain worked
            try {
                Runtime.getRuntime().removeShutdownHook(killOnExit);
            } catch (IllegalStateException | IllegalArgumentException ignored) {
                // already shutting down, or never started
            }
        }
    }

    private void kill() {
        Path pidFile = domains.resolve(NAME).resolve("config/pid");
        try {
            if (Files.exists(pidFile)) {
                long pid = Long.parseLong(Files.readString(pidFile).trim());
                ProcessHandle.of(pid).ifPresent(p -> {
                    p.destroyForcibly();
                    p.onExit().join();
                });
            }
        } catch (IOException | NumberFormatException ignored) {
            // nothing to kill
        }
    }

    /** A fresh domain listens on every interface; tests keep to loopback. */
    private void bindToLoopback() throws IOException {
        Path domainXml = domains.resolve(NAME).resolve("config/domain.xml");
        String xml = Files.readString(domainXml);
        xml = xml.replace("address=\"0.0.0.0\"", "address=\"127.0.0.1\"")
                .replaceAll("<network-listener (?![^>]*address=)", "<network-listener address=\"127.0.0.1\" ")
                // the data grid is for clusters; a test domain has none to talk to
                .replace("<hazelcast-runtime-configuration ", "<hazelcast-runtime-configuration enabled=\"false\" ")
                // the application uses no JMS, and the broker's proxy would listen on every interface
                .replace("default-jms-host=\"default_JMS_host\" type=\"EMBEDDED\"", "default-jms-host=\"default_JMS_host\" type=\"DISABLED\"");
        Files.writeString(domainXml, xml);
    }

    private void asadmin(Duration timeout, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin/asadmin").toString());
        command.add("--interactive=false");
        command.addAll(List.of(arguments));
        Path output = Files.createTempFile("asadmin", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("asadmin " + String.join(" ", arguments) + " did not finish within " + timeout + logTail());
        }
        String printed = Files.readString(output, StandardCharsets.UTF_8);
        Files.delete(output);
        if (process.exitValue() != 0) {
            throw new IOException("asadmin " + String.join(" ", arguments) + " failed (" + process.exitValue() + "):\n"
                    + printed + logTail());
        }
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(serverLog(), StandardCharsets.UTF_8);
            return "\nLast lines of " + serverLog() + ":\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    private static int freePortBase() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = 100 * ThreadLocalRandom.current().nextInt(200, 550); // 20000 .. 54900
            if (allFree(base)) {
                return base;
            }
        }
        throw new IOException("No free block of ports for a Payara domain between 20000 and 55000");
    }

    private static boolean allFree(int base) {
        for (int offset : PORT_OFFSETS) {
            try (ServerSocket s = new ServerSocket(base + offset, 1, InetAddress.getByName("127.0.0.1"))) {
                s.setReuseAddress(true);
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
