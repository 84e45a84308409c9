package org.fleetdispatch.mqtt.inbound;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.lang.reflect.Method;
import org.fleetdispatch.mqtt.MqttInboundMessage;
import org.fleetdispatch.mqtt.MqttMessageListener;

/**
 * Hands one message to a message endpoint inside the container's transaction:
 * {@code beforeDelivery} (the container starts the bean's transaction), {@code onMessage},
 * {@code afterDelivery} (the container commits or rolls back), {@code release}. The delivery counts as
 * done only when {@code onMessage} returned normally <em>and</em> the transaction committed; a bean
 * that marked its transaction rollback-only is a failure too, learnt through an interposed
 * synchronization on the transaction.
 */
final class EndpointDelivery {

    static final Method ON_MESSAGE;

    static {
        try {
            ON_MESSAGE = MqttMessageListener.class.getMethod("onMessage", MqttInboundMessage.class);
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final MessageEndpointFactory factory;
    private final TransactionSynchronizationRegistry registry;

    /** @param registry the server's registry, or {@code null} when there is none (tests) */
    EndpointDelivery(MessageEndpointFactory factory, TransactionSynchronizationRegistry registry) {
        this.factory = factory;
        this.registry = registry;
    }

    /**
     * Delivers and returns normally only when the message was processed and committed.
     *
     * @throws UnavailableException when the endpoint cannot take messages now (not the message's fault)
     * @throws Exception            what the bean threw, or why the transaction did not commit
     */
    void deliver(MqttInboundMessage message) throws Exception {
        MessageEndpoint endpoint = factory.createEndpoint(null);
        try {
            endpoint.beforeDelivery(ON_MESSAGE);
            Outcome outcome = new Outcome();
            Throwable failure = null;
            try {
                if (registry != null && registry.getTransactionKey() != null) {
                    registry.registerInterposedSynchronization(outcome);
                    outcome.inTransaction = true;
                }
                ((MqttMessageListener) endpoint).onMessage(message);
            } catch (Throwable t) {
                failure = t;
            } finally {
                try {
                    endpoint.afterDelivery();
                } catch (ResourceException e) {
                    if (failure == null) {
                        failure = e;
                    } else {
                        failure.addSuppressed(e);
                    }
                }
            }
            if (failure != null) {
                throw failure instanceof Exception e ? e : new ResourceException(failure);
            }
            if (outcome.inTransaction && outcome.status != Status.STATUS_COMMITTED) {
                throw new ResourceException("the endpoint's transaction did not commit (JTA status "
                        + outcome.status + ")");
            }
        } finally {
            endpoint.release();
        }
    }

    private static final class Outcome implements Synchronization {
        boolean inTransaction;
        volatile int status = Status.STATUS_UNKNOWN;

        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            this.status = status;
        }
    }
}
