package org.fleetdispatch.mission.tree;

/** A mission tree that breaks a rule; the message names the node and the field. */
public class InvalidMissionException extends IllegalArgumentException {

    public InvalidMissionException(String message) {
        super(message);
    }
}
