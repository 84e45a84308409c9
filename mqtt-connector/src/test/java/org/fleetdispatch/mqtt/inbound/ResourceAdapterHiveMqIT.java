package org.fleetdispatch.mqtt.inbound;

import java.nio.file.Path;
import org.fleetdispatch.mqtt.testing.Broker;
import org.fleetdispatch.mqtt.testing.HiveMqBroker;

/** {@link ResourceAdapterIT} against HiveMQ CE, embedded in the test JVM. */
class ResourceAdapterHiveMqIT extends ResourceAdapterIT {

    @Override
    Broker startBroker(Path home) throws Exception {
        return HiveMqBroker.tcp(home);
    }
}
