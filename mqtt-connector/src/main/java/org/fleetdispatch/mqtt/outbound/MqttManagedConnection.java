package org.fleetdispatch.mqtt.outbound;

import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionMetaData;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.security.auth.Subject;
import javax.transaction.xa.XAResource;
import org.fleetdispatch.mqtt.MqttOutboundMessage;
import org.fleetdispatch.mqtt.MqttPublishException;
import org.fleetdispatch.mqtt.internal.BlockingPublish;

/**
 * A pooled view of the factory's shared client. It holds no network resource of its own: destroying
 * it closes nothing but its handles. MQTT publishing is not transactional, so there is no XA or local
 * transaction.
 */
final class MqttManagedConnection implements ManagedConnection {

    private final MqttManagedConnectionFactory factory;
    private final SharedPublisher publisher;
    private final List<ConnectionEventListener> listeners = new CopyOnWriteArrayList<>();
    private final List<MqttConnectionImpl> handles = new CopyOnWriteArrayList<>();
    private volatile boolean destroyed;
    private PrintWriter logWriter;

    MqttManagedConnection(MqttManagedConnectionFactory factory, SharedPublisher publisher) {
        this.factory = factory;
        this.publisher = publisher;
    }

    MqttManagedConnectionFactory factory() {
        return factory;
    }

    boolean isUsable() {
        return !destroyed && !publisher.isClosed();
    }

    SharedPublisher publisher() {
        return publisher;
    }

    void publishAll(List<MqttOutboundMessage> messages) throws MqttPublishException {
        if (destroyed) {
            throw new MqttPublishException("MQTT connection to " + publisher.brokerUri() + " is already destroyed",
                    null, 0);
        }
        try {
            publisher.publishAll(messages);
        } catch (BlockingPublish.PublishException e) {
            throw new MqttPublishException(e.getMessage(), e, e.published());
        }
    }

    void closed(MqttConnectionImpl handle) {
        handles.remove(handle);
        ConnectionEvent event = new ConnectionEvent(this, ConnectionEvent.CONNECTION_CLOSED);
        event.setConnectionHandle(handle);
        for (ConnectionEventListener l : listeners) {
            l.connectionClosed(event);
        }
    }

    @Override
    public Object getConnection(Subject subject, ConnectionRequestInfo info) {
        MqttConnectionImpl handle = new MqttConnectionImpl(this);
        handles.add(handle);
        return handle;
    }

    @Override
    public void associateConnection(Object connection) throws ResourceException {
        if (!(connection instanceof MqttConnectionImpl handle)) {
            throw new ResourceException("not an MQTT connection handle: " + connection);
        }
        handle.reassociate(this);
        handles.add(handle);
    }

    void dissociate(MqttConnectionImpl handle) {
        handles.remove(handle);
    }

    @Override
    public void cleanup() {
        for (MqttConnectionImpl h : handles) {
            h.invalidate();
        }
        handles.clear();
    }

    @Override
    public void destroy() {
        destroyed = true;
        cleanup();
    }

    @Override
    public void addConnectionEventListener(ConnectionEventListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeConnectionEventListener(ConnectionEventListener listener) {
        listeners.remove(listener);
    }

    @Override
    public XAResource getXAResource() throws ResourceException {
        throw new NotSupportedException("MQTT publishing is not transactional; publish after commit (outbox)");
    }

    @Override
    public LocalTransaction getLocalTransaction() throws ResourceException {
        throw new NotSupportedException("MQTT publishing is not transactional; publish after commit (outbox)");
    }

    @Override
    public ManagedConnectionMetaData getMetaData() {
        return new ManagedConnectionMetaData() {
            @Override
            public String getEISProductName() {
                return "MQTT 5 broker at " + publisher.brokerUri();
            }

            @Override
            public String getEISProductVersion() {
                return "5";
            }

            @Override
            public int getMaxConnections() {
                return 0;
            }

            @Override
            public String getUserName() {
                return publisher.settings().connection().userName();
            }
        };
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }
}
