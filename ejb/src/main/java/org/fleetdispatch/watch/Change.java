package org.fleetdispatch.watch;

import java.util.Objects;

/**
 * An object that changed, as it is now.
 *
 * @param name       the object's name
 * @param current    the object as loaded after the change, or {@code null} when it is gone (deleted)
 * @param soleWriter the {@code publisher_id} of the API caller that made every change coalesced into this
 *                   one, or {@code null} when the dispatcher, another caller or a caller without a
 *                   publisher id made one of them
 * @param <T>        Robot or Mission (detached entities: read them, never change them)
 */
public record Change<T>(String name, T current, String soleWriter) {

    public Change {
        Objects.requireNonNull(name, "name");
    }

    public boolean isDeleted() {
        return current == null;
    }

    /**
     * Whether a watcher that gave this publisher id made the change itself and so must not be told
     * about it (Isaac Mission Dispatch's {@code ?publisher_id=} on watch).
     */
    public boolean isOnlyBy(String publisherId) {
        return publisherId != null && publisherId.equals(soleWriter);
    }
}
