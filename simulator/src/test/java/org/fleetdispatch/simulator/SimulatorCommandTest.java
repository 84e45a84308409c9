package org.fleetdispatch.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import org.fleetdispatch.vda5050.Connection;
import org.fleetdispatch.vda5050.ConnectionState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

/**
 * The command line runs robots for --duration seconds, then stops them cleanly; with --no-self-check (as the
 * benchmark runs them) what they send still decodes and validates.
 */
@ExtendWith(EmbeddedBroker.class)
class SimulatorCommandTest {

    @Test
    void runsForItsDurationAndGoesOffline() throws Exception {
        try (MasterControl master = new MasterControl(EmbeddedBroker.uri(), "uagv", "CliCompany")) {
            int exit = CompletableFuture.supplyAsync(() -> new CommandLine(new SimulatorCommand()).execute(
                    "--robots", "3", "--broker", EmbeddedBroker.uri(), "--manufacturer", "CliCompany",
                    "--state-period", "0.1", "--duration", "1.5", "--no-self-check")).get();
            assertThat(exit).isZero();
            for (String serial : new String[] {"agv-001", "agv-002", "agv-003"}) {
                assertThat(master.connections(serial)).extracting(Connection::connectionState)
                        .containsExactly(ConnectionState.ONLINE, ConnectionState.OFFLINE);
                assertThat(master.states(serial)).hasSizeGreaterThan(5);
            }
            assertThat(master.undecodable()).isEmpty();
        }
    }
}
