package org.fleetdispatch.mqtt.outbound;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import java.time.Duration;
import java.util.List;
import javax.naming.NamingException;
import javax.naming.Reference;
import org.fleetdispatch.mqtt.MqttClientStatus;
import org.fleetdispatch.mqtt.MqttConnection;
import org.fleetdispatch.mqtt.MqttConnectionFactory;

/** What applications look up: hands out connection handles through the container's pool. */
final class MqttConnectionFactoryImpl implements MqttConnectionFactory {

    private static final long serialVersionUID = 1L;

    private final transient MqttManagedConnectionFactory mcf;
    private final transient ConnectionManager manager;
    private Reference reference;

    MqttConnectionFactoryImpl(MqttManagedConnectionFactory mcf, ConnectionManager manager) {
        this.mcf = mcf;
        this.manager = manager;
    }

    /**
     * A handle; waits up to the connection timeout for the shared client to be connected, so that a
     * broker that cannot be reached fails here with its URI and the reason rather than in publish.
     */
    @Override
    public MqttConnection getConnection() throws ResourceException {
        SharedPublisher publisher = mcf.publisher();
        Duration timeout = publisher.settings().connection().connectionTimeout();
        try {
            if (!publisher.awaitConnected(timeout)) {
                throw new ResourceException("MQTT broker " + publisher.brokerUri() + ": not connected within "
                        + timeout.toSeconds() + "s: " + publisher.lastError());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ResourceException("interrupted while waiting for MQTT broker " + publisher.brokerUri(), e);
        }
        Object handle = manager.allocateConnection(mcf, null);
        if (!(handle instanceof MqttConnection c)) {
            throw new ResourceException("the connection manager returned " + handle + ", not an MQTT connection");
        }
        return c;
    }

    @Override
    public List<MqttClientStatus> clientStatus() {
        return mcf.clientStatus();
    }

    @Override
    public void setReference(Reference reference) {
        this.reference = reference;
    }

    @Override
    public Reference getReference() throws NamingException {
        return reference;
    }
}
