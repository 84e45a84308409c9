package org.fleetdispatch.keystore.permissions;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.fleetdispatch.keystore.dds.DomainIdSet;

/** An {@code <allow_rule>} or {@code <deny_rule>} of a grant. */
public final class Rule {

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

    private final Kind kind;
    private final int number;
    private final int line;
    private final DomainIdSet domains;
    private final List<Criteria> criteria;
    private final Criteria[][] byAction;

    /**
     * @param number 1-based position among the grant's rules, for messages
     * @param line where it is written, or -1
     * @param criteria the publish, subscribe and relay criteria in document order
     */
    public Rule(Kind kind, int number, int line, DomainIdSet domains, List<Criteria> criteria) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.number = number;
        this.line = line;
        this.domains = Objects.requireNonNull(domains, "domains");
        this.criteria = List.copyOf(criteria);
        this.byAction = new Criteria[Action.values().length][];
        for (Action a : Action.values()) {
            byAction[a.ordinal()] = this.criteria.stream().filter(c -> c.action() == a).toArray(Criteria[]::new);
        }
    }

    public Kind kind() {
        return kind;
    }

    public int number() {
        return number;
    }

    public int line() {
        return line;
    }

    public DomainIdSet domains() {
        return domains;
    }

    /** All criteria in document order. */
    public List<Criteria> criteria() {
        return criteria;
    }

    /** The criteria of one action, in document order. */
    public List<Criteria> criteria(Action action) {
        return new ArrayList<>(List.of(byAction[action.ordinal()]));
    }

    Criteria[] criteriaArray(Action action) {
        return byAction[action.ordinal()];
    }

    public boolean allows() {
        return kind == Kind.ALLOW;
    }

    @Override
    public String toString() {
        return kind.element() + " #" + number + " (line " + line + ")";
    }
}
