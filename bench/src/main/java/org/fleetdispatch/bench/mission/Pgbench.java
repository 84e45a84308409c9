package org.fleetdispatch.bench.mission;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's own benchmark against the server's embedded cluster, in a database of its own: what this
 * machine's PostgreSQL does per second in small write transactions (TPC-B-like: three updates, a select
 * and an insert per commit), so that the dispatcher's figures can be read against it. Optional: where
 * no pgbench is installed the figure is "not available".
 */
final class Pgbench {

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

    /** What was measured, or why nothing was. */
    record Result(Optional<Double> tps, String description) {
    }

    private final Optional<Path> binary;

    Pgbench(String configured) {
        this.binary = find(configured);
    }

    private static Optional<Path> find(String configured) {
        if (configured != null && !configured.isBlank()) {
            Path p = Path.of(configured);
            return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path p = Path.of(dir, "pgbench");
            if (!dir.isEmpty() && Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        // Debian and Ubuntu keep it out of PATH
        try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(v -> v.resolve("bin/pgbench")).filter(Files::isExecutable)
                    .max(Path::compareTo);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    Optional<Path> binary() {
        return binary;
    }

    /**
     * Initialises a fresh database {@code pgbench} at {@code scale}, runs {@code clients} clients for
     * {@code seconds}, and drops the database again.
     */
    Result run(MissionLedger admin, int port, int scale, int clients, int seconds) throws InterruptedException {
        String what = "TPC-B-like, scale " + scale + ", " + clients + " clients, " + seconds + " s, prepared";
        if (binary.isEmpty()) {
            return new Result(Optional.empty(), "not available (no pgbench found)");
        }
        try {
            admin.createDatabase("pgbench");
            List<String> common = List.of("-h", "127.0.0.1", "-p", Integer.toString(port), "-U", "postgres");
            String init = exec(command(common, "-i", "-q", "-s", Integer.toString(scale), "pgbench"), 300);
            String run = exec(command(common, "-c", Integer.toString(clients), "-j", Integer.toString(Math.min(clients, 2)),
                    "-T", Integer.toString(seconds), "-M", "prepared", "pgbench"), seconds + 120L);
            Matcher m = TPS.matcher(run);
            if (!m.find()) {
                return new Result(Optional.empty(), "not available (pgbench printed no tps: " + tail(init + run) + ")");
            }
            return new Result(Optional.of(Double.parseDouble(m.group(1))), what);
        } catch (IOException | java.sql.SQLException e) {
            return new Result(Optional.empty(), "not available (" + e.getMessage() + ")");
        } finally {
            try {
                admin.dropDatabase("pgbench");
            } catch (java.sql.SQLException ignored) {
                // a leftover benchmark database in a throw-away cluster
            }
        }
    }

    private List<String> command(List<String> common, String... args) {
        List<String> command = new ArrayList<>();
        command.add(binary.orElseThrow().toString());
        command.addAll(common);
        command.addAll(List.of(args));
        return command;
    }

    private static String exec(List<String> command, long timeoutSeconds) throws IOException, InterruptedException {
        Path output = Files.createTempFile("pgbench-", ".log");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " exited with " + p.exitValue() + ": " + tail(text));
            }
            return text;
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static String tail(String text) {
        String t = text.strip();
        return t.length() <= 300 ? t : "…" + t.substring(t.length() - 300);
    }
}
