package org.fleetdispatch.dispatch;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.fleetdispatch.vda5050.Topic;
import org.fleetdispatch.vda5050.Vda5050Codec;
import org.fleetdispatch.vda5050.Vda5050Message;

/**
 * The application's one VDA 5050 codec: building it compiles the official schemas, so it is built once
 * and shared (it is thread-safe).
 */
@ApplicationScoped
public class Vda5050Json {

    private final Vda5050Codec codec = new Vda5050Codec();

    public byte[] encode(Vda5050Message message) {
        return codec.encode(message);
    }

    public <T extends Vda5050Message> T decode(byte[] json, Class<T> type) {
        return codec.decode(json, type);
    }

    public Vda5050Message decode(Topic topic, byte[] json) {
        return codec.decode(topic, json);
    }

    @PreDestroy
    void close() {
        codec.close();
    }
}
