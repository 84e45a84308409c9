package org.fleetdispatch.keystore.permissions;

/**
 * What a participant asks to do. JOIN is joining the domain (creating the participant); PUBLISH,
 * SUBSCRIBE and RELAY match the {@code <publish>}, {@code <subscribe>} and {@code <relay>}
 * criteria. In Fleet Dispatch an API write is PUBLISH and an API read is SUBSCRIBE.
 */
public enum Action {
    PUBLISH("publish"), SUBSCRIBE("subscribe"), RELAY("relay"), JOIN("join");

    private final String element;

    Action(String element) {
        this.element = element;
    }

    /** The criteria element this action is matched against ({@code publish}, ...). */
    public String element() {
        return element;
    }
}
