package org.fleetdispatch.vda5050;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Well-formed JSON that breaks the message's schema: a missing required field, a wrong type, a value outside its
 * enum or range, a malformed timestamp. Carries every violation found (up to a limit), each with its JSON path and
 * rule.
 */
public final class Vda5050ValidationException extends Vda5050Exception {

    private static final long serialVersionUID = 1L;

    private final Topic topic;
    private final transient List<Violation> violations;

    public Vda5050ValidationException(Topic topic, List<Violation> violations) {
        super("invalid VDA 5050 " + topic.level() + " message: "
                + violations.stream().map(Violation::toString).collect(Collectors.joining("; ")), null);
        this.topic = topic;
        this.violations = List.copyOf(violations);
    }

    /** The topic whose schema was applied. */
    public Topic topic() {
        return topic;
    }

    /** The violations, at least one. */
    public List<Violation> violations() {
        return violations;
    }
}
