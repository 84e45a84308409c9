package org.fleetdispatch.vda5050;

import java.time.Instant;

/** One VDA 5050 message: the header fields every message carries, and the topic it travels on. */
public sealed interface Vda5050Message permits Order, InstantActions, State, Connection, Factsheet, Visualization {

    long headerId();

    Instant timestamp();

    String version();

    String manufacturer();

    String serialNumber();

    /** The topic this kind of message is published on. */
    Topic topic();

    /** This message's header fields as one value. */
    default Header header() {
        return new Header(headerId(), timestamp(), version(), manufacturer(), serialNumber());
    }

    /** A copy of this message with the given header fields. */
    Vda5050Message withHeader(Header header);
}
