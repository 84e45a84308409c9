package org.fleetdispatch.mqtt;

import jakarta.resource.Referenceable;
import jakarta.resource.ResourceException;
import java.io.Serializable;
import java.util.List;

/**
 * Outbound side of the adapter, looked up from JNDI or injected with {@code @Resource}.
 *
 * <p>All connections handed out by one factory share one MQTT client (one TCP connection to the
 * broker); a connection is a cheap handle that must be closed.
 */
public interface MqttConnectionFactory extends Serializable, Referenceable {

    /**
     * A handle for publishing.
     *
     * @throws ResourceException naming the broker URI and the reason when no connection to the broker
     *                           can be made
     */
    MqttConnection getConnection() throws ResourceException;

    /**
     * The state of every MQTT client this resource adapter runs: this factory's outbound client and
     * every inbound activation. For readiness checks; never blocks on the network.
     */
    List<MqttClientStatus> clientStatus();
}
