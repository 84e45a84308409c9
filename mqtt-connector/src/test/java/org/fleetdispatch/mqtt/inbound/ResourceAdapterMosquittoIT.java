package org.fleetdispatch.mqtt.inbound;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.fleetdispatch.mqtt.testing.Broker;
import org.fleetdispatch.mqtt.testing.MosquittoBroker;

/** {@link ResourceAdapterIT} against mosquitto as a child process; skipped where it is not installed. */
class ResourceAdapterMosquittoIT extends ResourceAdapterIT {

    @Override
    Broker startBroker(Path home) throws Exception {
        assumeTrue(MosquittoBroker.binary().isPresent(), MosquittoBroker.INSTALL_HINT);
        return MosquittoBroker.tcp(home);
    }

    /** Yes: mosquitto deals a shared subscription's messages to its members in turn. */
    @Override
    boolean sharesRoundRobin() {
        return true;
    }

    /** Yes: every acknowledgement makes room for one more message. */
    @Override
    boolean feedsPastAnUnacknowledgedMessage() {
        return true;
    }

    /** Yes: mosquitto 2.0.11 sends the PUBACK with "not authorized" and then closes the connection. */
    @Override
    boolean closesTheConnectionOnARefusedPublish() {
        return true;
    }
}
