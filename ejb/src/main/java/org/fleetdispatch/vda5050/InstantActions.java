package org.fleetdispatch.vda5050;

import java.time.Instant;
import java.util.List;

/** Topic {@code instantActions}, master control to AGV (section 6.9): actions to perform immediately. */
public record InstantActions(long headerId, Instant timestamp, String version, String manufacturer,
                             String serialNumber, List<Action> actions) implements Vda5050Message {

    public InstantActions {
        actions = Lists.required(actions, "actions");
    }

    /** A message with the given header fields. */
    public static InstantActions of(Header header, List<Action> actions) {
        return new InstantActions(header.headerId(), header.timestamp(), header.version(), header.manufacturer(), header.serialNumber(),
                actions);
    }

    @Override
    public Topic topic() {
        return Topic.INSTANT_ACTIONS;
    }

    @Override
    public InstantActions withHeader(Header h) {
        return of(h, actions);
    }
}
