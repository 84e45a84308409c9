package org.fleetdispatch.mqtt.internal;

import org.fleetdispatch.mqtt.MqttClientStatus;

/** A client a connection factory registers with the resource adapter: reported, and stopped with it. */
public interface OutboundClient {

    MqttClientStatus status();

    /** Disconnects and releases the client. */
    void close();
}
