package org.fleetdispatch.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Payara Micro running the resource adapter and the application in a child process.
 *
 * <p>The RAR is deployed by a post-boot command file: deployed with {@code --deploy} it would come up
 * after the WAR, whose message-driven beans need it. The HTTP listener is bound to one address by a
 * pre-boot command, because a post-boot {@code set} of a listener has no effect.
 */
public final class PayaraMicroProcess implements AutoCloseable {

    /**
     * @param microJar    the Payara Micro jar
     * @param rar         the resource adapter, deployed first
     * @param war         the application, deployed at context root {@code /}
     * @param httpHost    address the HTTP listener binds to
     * @param httpPort    its port
     * @param workDirectory Payara Micro's root directory, emptied on start; its log goes to
     *                    {@code server.log} beside it
     * @param environment added to this process's environment for the child
     * @param jvmOptions  extra JVM options
     */
    public record Options(Path microJar, Path rar, Path war, String httpHost, int httpPort, Path workDirectory,
                          Map<String, String> environment, List<String> jvmOptions) {
    }

    /** The application's database readiness check: present once the application is deployed. */
    private static final String APPLICATION_CHECK = "\"name\":\"database\"";

    private final Process process;
    private final Options options;
    private final Path log;

    private PayaraMicroProcess(Process process, Options options, Path log) {
        this.process = process;
        this.options = options;
        this.log = log;
    }

    public static PayaraMicroProcess start(Options options) throws IOException {
        for (Path required : List.of(options.microJar(), options.rar(), options.war())) {
            if (!Files.isRegularFile(required)) {
                throw new IOException("Cannot start Payara Micro: " + required + " does not exist (build with mvn -B package)");
            }
        }
        Path work = options.workDirectory();
        deleteRecursively(work);
        Files.createDirectories(work);
        Path preBoot = Files.writeString(work.resolve("pre-boot.asadmin"),
                "set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address="
                        + options.httpHost() + "\n");
        Path postBoot = Files.writeString(work.resolve("post-boot.asadmin"),
                "deploy --name fleetdispatch-mqtt " + options.rar().toAbsolutePath() + "\n");
        Path log = work.resolveSibling(work.getFileName() + ".log");

        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options.jvmOptions());
        command.addAll(List.of("-jar", options.microJar().toAbsolutePath().toString(),
                "--nocluster",
                "--rootdir", work.resolve("root").toString(),
                "--port", Integer.toString(options.httpPort()),
                "--prebootcommandfile", preBoot.toString(),
                "--postbootcommandfile", postBoot.toString(),
                "--deploy", options.war().toAbsolutePath().toString(),
                "--contextroot", "/"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(options.environment());
        return new PayaraMicroProcess(builder.start(), options, log);
    }

    /** The application's base URL, e.g. {@code http://127.0.0.1:8080/}. */
    public URI baseUri() {
        return URI.create("http://" + options.httpHost() + ":" + options.httpPort() + "/");
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Blocks until the process has exited; its exit status. */
    public int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    /**
     * Polls {@code GET /health} until it answers 200 with the application's own readiness checks in it.
     * Payara serves {@code /health} before the application is deployed, answering UP with no checks,
     * so a bare 200 is not enough.
     *
     * @throws IOException when the process exits first or the deadline passes; the message carries the
     *                     end of Payara Micro's log
     */
    public void awaitReady(Duration timeout) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(baseUri().resolve("health")).timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(timeout);
        String last = "no answer yet";
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException("Payara Micro exited with status " + process.exitValue() + " before it was ready."
                        + logTail());
            }
            try {
                HttpResponse<String> answer = http.send(health, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200 && answer.body().contains(APPLICATION_CHECK)) {
                    return;
                }
                last = "GET /health answered " + answer.statusCode() + ": " + answer.body();
            } catch (IOException e) {
                last = "no answer from " + baseUri() + " yet (" + e + ")";
            }
            process.waitFor(500, TimeUnit.MILLISECONDS); // returns at once if it exits: reported above
        }
        throw new IOException("Payara Micro was not ready within " + timeout.toSeconds() + " s (" + last + ")." + logTail());
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return "\nLast lines of " + log + ":\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return " (its log " + log + " cannot be read: " + e.getMessage() + ")";
        }
    }

    /** Asks Payara Micro to shut down (SIGTERM), waits, then kills it if it has not gone after 30 s. */
    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
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
