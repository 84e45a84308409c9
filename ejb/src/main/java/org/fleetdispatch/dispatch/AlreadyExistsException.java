package org.fleetdispatch.dispatch;

/** An object with that name exists already. */
public class AlreadyExistsException extends DispatchException {

    private final String kind;

    public AlreadyExistsException(String kind, String name) {
        super("A " + kind + " named '" + name + "' already exists");
        this.kind = kind;
    }

    @Override
    public String errorCode() {
        return kind.toUpperCase(java.util.Locale.ROOT) + "_ALREADY_EXISTS";
    }
}
