package org.fleetdispatch.mqtt;

import jakarta.resource.ResourceException;

/**
 * A batch of {@link MqttConnection#publishAll} did not go out whole: the first {@link #published()} messages did,
 * the one after them failed for the reason in the message.
 */
public class MqttPublishException extends ResourceException {

    private final int published;

    public MqttPublishException(String message, Throwable cause, int published) {
        super(message, cause);
        this.published = published;
    }

    /**
     * How many messages of the batch, counted from the first, were published before the one that failed. A message
     * after the one that failed may have gone out too (they were not waited for one by one): publish it again
     * rather than count it lost.
     */
    public int published() {
        return published;
    }
}
