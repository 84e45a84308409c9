package org.fleetdispatch.dispatch;

/** No object of that kind has that name. */
public class NotFoundException extends DispatchException {

    private final String kind;

    public NotFoundException(String kind, String name) {
        super("No " + kind + " named '" + name + "'");
        this.kind = kind;
    }

    @Override
    public String errorCode() {
        return kind.toUpperCase(java.util.Locale.ROOT) + "_NOT_FOUND";
    }
}
