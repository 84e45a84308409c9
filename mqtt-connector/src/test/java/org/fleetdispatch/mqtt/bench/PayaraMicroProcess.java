package org.fleetdispatch.mqtt.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Payara Micro as a child process, its HTTP listener on a loopback port (a pre-boot command), with the
 * resource adapter deployed by a post-boot command file before the application. (Payara Micro 6 still
 * runs a one-member Hazelcast with {@code --nocluster}; its member port, 6900 or the next free one, is
 * not on loopback: {@code --interfaces 127.0.0.1}, {@code --nohazelcast} and a {@code --hzconfigfile}
 * did not change that.) {@link #close()} stops it (and anything it started) whatever state it is in; a
 * JVM shutdown hook does the same if the benchmark is interrupted.
 */
final class PayaraMicroProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final String baseUrl;
    private final Thread hook;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private PayaraMicroProcess(Process process, Path log, String baseUrl) {
        this.process = process;
        this.log = log;
        this.baseUrl = baseUrl;
        this.hook = new Thread(this::kill, "payara-micro-stopper");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * Starts {@code java [jvmOptions] -jar payaraMicroJar --nocluster --port port ...}: a pre-boot
     * command binds the HTTP listener to 127.0.0.1, a post-boot command deploys the RAR as
     * {@code fleetdispatch-mqtt}, then the application is deployed.
     */
    static PayaraMicroProcess start(Path payaraMicroJar, Path rar, Path war, Path home, int port, List<String> jvmOptions)
            throws IOException {
        Files.createDirectories(home);
        Path preBoot = Files.writeString(home.resolve("preboot.txt"),
                "set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address=127.0.0.1\n");
        Path postBoot = Files.writeString(home.resolve("postboot.txt"),
                "deploy --name fleetdispatch-mqtt " + rar.toAbsolutePath() + "\n");
        Path log = home.resolve("payara-micro.log");
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-jar", payaraMicroJar.toAbsolutePath().toString(), "--nocluster", "--disablephonehome",
                "--port", Integer.toString(port), "--rootdir", home.resolve("root").toString(),
                "--prebootcommandfile", preBoot.toString(), "--postbootcommandfile", postBoot.toString(),
                "--deploy", war.toAbsolutePath().toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        String war0 = war.getFileName().toString();
        return new PayaraMicroProcess(p, log, "http://127.0.0.1:" + port + "/" + war0.substring(0, war0.length() - 4));
    }

    /** Polls {@code path} until it answers 200, the process dies or {@code timeout} passes. */
    void awaitReady(String path, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro exited with " + process.exitValue() + "; see " + log
                        + "\n" + tail(40));
            }
            try {
                HttpResponse<String> r = get(path, Duration.ofSeconds(10));
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet, or too busy booting to answer in time
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Payara Micro not ready after " + timeout + "; see " + log + "\n"
                        + tail(40));
            }
            // Boot is not something to synchronise on: poll it twice a second.
            process.waitFor(500, TimeUnit.MILLISECONDS);
        }
    }

    HttpResponse<String> get(String path, Duration timeout) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    Path log() {
        return log;
    }

    /** The version Payara Micro announced when it was ready ("6.2025.10 (build 42)"), or "?". */
    String version() {
        try {
            Matcher m = Pattern.compile("Payara Micro (\\S+ \\(build [^)]*\\)) ready").matcher(Files.readString(log));
            return m.find() ? m.group(1) : "?";
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    long pid() {
        return process.pid();
    }

    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | RuntimeException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    /** Asks Payara to shut down (SIGTERM), waits up to 60 s, then kills it and whatever it started. */
    private void kill() {
        List<ProcessHandle> children = process.descendants().toList();
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(30, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        for (ProcessHandle c : children) {
            c.destroyForcibly();
        }
    }

    @Override
    public void close() {
        kill();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook runs kill() again, harmlessly
        }
    }
}
