package org.fleetdispatch.bench.mission;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MissionBenchmarkTest {

    @Test
    void aCaseNeverStartsInADirectoryUsedBefore(@TempDir Path work) throws Exception {
        assertThat(MissionBenchmark.freshDirectory(work, "n200-0.1s")).isEqualTo(work.resolve("n200-0.1s"));
        Files.createDirectory(work.resolve("n200-0.1s"));
        assertThat(MissionBenchmark.freshDirectory(work, "n200-0.1s")).isEqualTo(work.resolve("n200-0.1s-2"));
        Files.createDirectory(work.resolve("n200-0.1s-2"));
        assertThat(MissionBenchmark.freshDirectory(work, "n200-0.1s")).isEqualTo(work.resolve("n200-0.1s-3"));
    }
}
