package org.fleetdispatch.bench.mission;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Where the machine's CPU went during a phase, from Linux's {@code /proc}: per process (with the
 * children it has waited for, so PostgreSQL's backends count for PostgreSQL) and for the whole machine.
 * On two cores shared by the server, its database, its broker and the robots, this says which of them
 * a figure is limited by. Elsewhere than Linux the readings are empty and nothing is printed.
 */
final class CpuUsage {

    /** {@code USER_HZ}: the unit of {@code /proc} CPU times, 100 on every Linux architecture Java runs on. */
    private static final double TICKS_PER_SECOND = 100.0;

    /** CPU seconds per named process, and the machine's busy and total seconds over all cores. */
    record Reading(long nanoTime, Map<String, Double> processSeconds, double machineBusy, double machineTotal) {

        /** Cores used on average between {@code earlier} and this reading, per process. */
        Map<String, Double> coresSince(Reading earlier) {
            double wall = (nanoTime - earlier.nanoTime) / 1e9;
            Map<String, Double> cores = new LinkedHashMap<>();
            processSeconds.forEach((name, s) -> cores.put(name, (s - earlier.processSeconds.getOrDefault(name, s)) / wall));
            return cores;
        }

        /** Fraction of all cores busy between {@code earlier} and this reading. */
        double machineBusySince(Reading earlier) {
            double total = machineTotal - earlier.machineTotal;
            return total <= 0 ? 0 : (machineBusy - earlier.machineBusy) / total;
        }
    }

    private CpuUsage() {
    }

    /**
     * Reads the given processes (absent ones count as nothing): {@code own} alone, {@code trees} with their
     * children (the launcher's child is Payara Micro, read on its own; PostgreSQL's are its backends), and
     * {@code compilers}, the JIT compiler threads of a JVM (a part of that JVM's own figure).
     */
    static Reading read(Map<String, OptionalLong> own, Map<String, OptionalLong> trees, Map<String, OptionalLong> compilers) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        own.forEach((name, pid) -> seconds.put(name, pid.isPresent() ? ownSeconds(pid.getAsLong()) : 0.0));
        compilers.forEach((name, pid) -> seconds.put(name, pid.isPresent() ? compilerSeconds(pid.getAsLong()) : 0.0));
        trees.forEach((name, pid) -> seconds.put(name, pid.isPresent() ? treeSeconds(pid.getAsLong()) : 0.0));
        double[] machine = machine();
        return new Reading(System.nanoTime(), seconds, machine[0], machine[1]);
    }

    private static double ownSeconds(long pid) {
        long[] own = stat(pid);
        return own == null ? 0 : (own[1] + own[2]) / TICKS_PER_SECOND;
    }

    /**
     * The CPU time of a JVM's JIT compiler threads (HotSpot names them {@code C1 CompilerThread0}…, which
     * {@code /proc} cuts to 15 characters): how much of a short run the server spent compiling rather than serving.
     */
    private static double compilerSeconds(long pid) {
        double ticks = 0;
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String text = Files.readString(task.resolve("stat"), StandardCharsets.US_ASCII);
                    String comm = text.substring(text.indexOf('(') + 1, text.lastIndexOf(')'));
                    if (comm.startsWith("C1 CompilerThre") || comm.startsWith("C2 CompilerThre")) {
                        String[] f = text.substring(text.lastIndexOf(')') + 2).trim().split(" ");
                        ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    }
                } catch (IOException | RuntimeException e) {
                    // a thread that ended meanwhile
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return ticks / TICKS_PER_SECOND;
    }

    /** The process's own CPU time, its waited-for children's, and its live children's. */
    private static double treeSeconds(long pid) {
        long[] own = stat(pid);
        if (own == null) {
            return 0;
        }
        double ticks = own[1] + own[2] + own[3] + own[4];
        try (Stream<Path> all = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) all::iterator) {
                String name = p.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                long[] child = stat(Long.parseLong(name));
                if (child != null && child[0] == pid) {
                    ticks += child[1] + child[2] + child[3] + child[4];
                }
            }
        } catch (IOException e) {
            // no /proc: nothing more to add
        }
        return ticks / TICKS_PER_SECOND;
    }

    /** ppid, utime, stime, cutime, cstime of a process, or null when it is gone or unreadable. */
    private static long[] stat(long pid) {
        try {
            String text = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
            // the command name (field 2) is in parentheses and may contain spaces
            String[] f = text.substring(text.lastIndexOf(')') + 2).trim().split(" ");
            return new long[] {Long.parseLong(f[1]), Long.parseLong(f[11]), Long.parseLong(f[12]),
                    Long.parseLong(f[13]), Long.parseLong(f[14])};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Busy and total seconds of all cores since boot, from the first line of {@code /proc/stat}. */
    private static double[] machine() {
        try {
            String cpu = Files.readAllLines(Path.of("/proc/stat"), StandardCharsets.US_ASCII).get(0);
            String[] f = cpu.trim().split("\\s+");
            long total = 0;
            long idle = 0;
            for (int i = 1; i < Math.min(f.length, 9); i++) { // user nice system idle iowait irq softirq steal
                long v = Long.parseLong(f[i]);
                total += v;
                if (i == 4 || i == 5) {
                    idle += v;
                }
            }
            return new double[] {(total - idle) / TICKS_PER_SECOND, total / TICKS_PER_SECOND};
        } catch (IOException | RuntimeException e) {
            return new double[] {0, 0};
        }
    }

    /** The 1, 5 and 15 minute load averages as {@code /proc/loadavg} gives them. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).trim().split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }
}
