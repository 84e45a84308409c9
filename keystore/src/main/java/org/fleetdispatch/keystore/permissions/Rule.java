package org.fleetdispatch.keystore.permissions;

import java.util.ArrayList;
import java.util.List;
import org.fleetdispatch.keystore.dds.DomainIdSet;

/**
 * An {@code <allow_rule>} or {@code <deny_rule>} of a grant.
 *
 * @param number 1-based position among the grant's rules, for messages
 * @param line where it is written
 * @param criteria the publish, subscribe and relay criteria in document order
 */
public record Rule(Kind kind, int number, int line, DomainIdSet domains, List<Criteria> criteria) {

    /** Allow or deny. */
    public enum Kind {
        ALLOW("allow_rule"), DENY("deny_rule");

        private final String element;

        Kind(String element) {
            this.element = element;
        }

        public String element() {
            return element;
        }
    }

    public Rule {
        criteria = List.copyOf(criteria);
    }

    public boolean allows() {
        return kind == Kind.ALLOW;
    }

    /** The criteria of one action, in document order. */
    public List<Criteria> criteria(Action action) {
        List<Criteria> out = new ArrayList<>();
        for (Criteria c : criteria) {
            if (c.action() == action) {
                out.add(c);
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return kind.element() + " #" + number + " (line " + line + ")";
    }
}
