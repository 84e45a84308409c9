package org.fleetdispatch.keystore;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.fleetdispatch.keystore.permissions.Action;
import org.fleetdispatch.keystore.permissions.DataTag;

/**
 * One access question: may {@code subject} do {@code action} on {@code topic} in {@code domainId},
 * in these partitions, with these data tags, at this instant?
 *
 * @param subject the requester's certificate subject as an RFC 4514 name; null for an
 *     unauthenticated requester (only governance can let one in)
 * @param topic the topic; ignored (may be null) for {@link Action#JOIN}
 * @param partitions the partitions concerned; empty means the empty-string partition
 * @param dataTags the data tags; empty means none
 */
public record AccessRequest(String subject, int domainId, Action action, String topic,
                            List<String> partitions, List<DataTag> dataTags, Instant at) {

    public AccessRequest {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(at, "at");
        if (action != Action.JOIN) {
            Objects.requireNonNull(topic, "topic");
        }
        partitions = List.copyOf(partitions);
        dataTags = List.copyOf(dataTags);
    }

    public static AccessRequest join(String subject, int domainId, Instant at) {
        return new AccessRequest(subject, domainId, Action.JOIN, null, List.of(), List.of(), at);
    }

    public static AccessRequest of(String subject, int domainId, Action action, String topic, List<String> partitions, Instant at) {
        return new AccessRequest(subject, domainId, action, topic, partitions, List.of(), at);
    }
}
