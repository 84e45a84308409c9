package org.fleetdispatch.keystore;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.fleetdispatch.keystore.error.GrantException;
import org.fleetdispatch.keystore.governance.DomainRule;
import org.fleetdispatch.keystore.governance.Governance;
import org.fleetdispatch.keystore.governance.TopicRule;
import org.fleetdispatch.keystore.permissions.Action;
import org.fleetdispatch.keystore.permissions.DataTag;
import org.fleetdispatch.keystore.permissions.Decision;
import org.fleetdispatch.keystore.permissions.Grant;
import org.fleetdispatch.keystore.permissions.Permissions;
import org.fleetdispatch.keystore.pki.DistinguishedName;

/**
 * Access decisions from a permissions document, and optionally the governance document that says
 * which of them are enforced. Thread-safe; decisions are cached.
 *
 * <p>With governance (DDS-Security 8.4.2.9 and 9.4.1.2): the first domain_rule for the domain
 * applies (none: DENY). An authenticated subject must have exactly one grant valid at the
 * instant, whatever governance says (else {@link GrantException}). JOIN is decided by the grant
 * when enable_join_access_control is true, else allowed. PUBLISH/SUBSCRIBE/RELAY: with join access
 * control the grant must first allow the domain; then the first topic_rule matching the topic
 * applies (none: DENY); when it disables write (PUBLISH, RELAY) or read (SUBSCRIBE) access
 * control the request is allowed, else the grant decides. An unauthenticated requester is let in
 * only where allow_unauthenticated_participants is true and the topic_rule disables access
 * control. Without governance the grant alone decides.
 *
 * <p>Caching: the grant is resolved once per subject string (always); a decision is cached per (grant,
 * domain, action, topic, partitions, data tags) — it does not depend on the instant, whose only
 * effect, the grant's validity window, is checked on every call. The cache holds at most
 * {@code cacheSize} decisions and starts over when full, so hostile topic names cannot grow it
 * without bound.
 */
public final class AccessController {

    /** Default bound of the decision cache. */
    public static final int DEFAULT_CACHE_SIZE = 65_536;

    private static final Grant ANONYMOUS = null;

    /** Bound of the subject-to-grant cache, kept even when decisions are not cached. */
    private static final int SUBJECT_CACHE_SIZE = 4096;

    private final Governance governance;
    private final Permissions permissions;
    private final int cacheSize;
    private final Map<String, Grant> grants = new ConcurrentHashMap<>();
    private final Map<Key, Decision> decisions = new ConcurrentHashMap<>();

    private record Key(Grant grant, int domainId, Action action, String topic, List<String> partitions, List<DataTag> dataTags) {
        @Override
        public boolean equals(Object o) {
            // Grants are compared by identity: they are immutable and belong to this controller.
            return o instanceof Key k && k.grant == grant && k.domainId == domainId && k.action == action
                    && Objects.equals(k.topic, topic) && k.partitions.equals(partitions) && k.dataTags.equals(dataTags);
        }

        @Override
        public int hashCode() {
            return ((System.identityHashCode(grant) * 31 + domainId) * 31 + action.hashCode()) * 31
                    + Objects.hashCode(topic) * 17 + partitions.hashCode() * 7 + dataTags.hashCode();
        }
    }

    /**
     * @param governance null to decide by permissions alone
     * @param cacheSize the most decisions kept; 0 disables decision caching
     */
    public AccessController(Governance governance, Permissions permissions, int cacheSize) {
        this.governance = governance;
        this.permissions = Objects.requireNonNull(permissions, "permissions");
        if (cacheSize < 0) {
            throw new IllegalArgumentException("cache size " + cacheSize);
        }
        this.cacheSize = cacheSize;
    }

    public AccessController(Governance governance, Permissions permissions) {
        this(governance, permissions, DEFAULT_CACHE_SIZE);
    }

    /**
     * Decides one request.
     *
     * @throws GrantException if an authenticated subject has no grant valid at the instant
     * @throws IllegalArgumentException if the subject is not a distinguished name
     */
    public Decision decide(String subjectDn, int domainId, Action action, String topic,
                           List<String> partitions, List<DataTag> dataTags, Instant at) {
        return decide(new AccessRequest(subjectDn, domainId, action, topic, partitions, dataTags, at));
    }

    /** @see #decide(String, int, Action, String, List, List, Instant) */
    public Decision decide(AccessRequest r) {
        Grant grant = ANONYMOUS;
        if (r.subject() != null) {
            grant = grants.get(r.subject());
            if (grant == null) {
                grant = permissions.grantFor(DistinguishedName.parse(r.subject())).orElse(null);
                if (grant != null) {
                    remember(grants, r.subject(), grant, SUBJECT_CACHE_SIZE);
                }
            }
            if (grant == null) {
                throw new GrantException(permissions.source(), r.subject(), GrantException.Reason.NO_GRANT,
                        "no grant for subject \"" + r.subject() + "\"");
            }
            permissions.checkValid(grant, r.at());
        }
        if (cacheSize == 0) {
            return evaluate(grant, r);
        }
        Key key = new Key(grant, r.domainId(), r.action(), r.action() == Action.JOIN ? null : r.topic(), r.partitions(), r.dataTags());
        Decision d = decisions.get(key);
        if (d == null) {
            d = evaluate(grant, r);
            remember(decisions, key, d, cacheSize);
        }
        return d;
    }

    private static <K, V> void remember(Map<K, V> cache, K key, V value, int bound) {
        if (cache.size() >= bound) {
            cache.clear();
        }
        cache.put(key, value);
    }

    private Decision evaluate(Grant grant, AccessRequest r) {
        if (governance == null) {
            if (grant == null) {
                return Decision.deny("unauthenticated requester and no governance document to admit one");
            }
            return grant.decide(r.domainId(), r.action(), r.topic(), r.partitions(), r.dataTags());
        }
        DomainRule domain = governance.domainRule(r.domainId()).orElse(null);
        if (domain == null) {
            return Decision.deny("governance " + governance.source() + ": no domain_rule covers domain " + r.domainId());
        }
        if (grant == null) {
            return unauthenticated(domain, "governance " + domain, r);
        }
        // Explanations are built only on the paths that return them: deciding must stay cheap.
        if (r.action() == Action.JOIN) {
            return domain.enableJoinAccessControl() ? grant.decideJoin(r.domainId())
                    : Decision.allow("governance " + domain + ": enable_join_access_control=false");
        }
        if (domain.enableJoinAccessControl()) {
            Decision join = grant.decideJoin(r.domainId());
            if (!join.allowed()) {
                return Decision.deny("joining domain " + r.domainId() + " is denied by " + join.rule());
            }
        }
        TopicRule topic = domain.topicRule(r.topic()).orElse(null);
        if (topic == null) {
            return Decision.deny("governance " + domain + ": no topic_rule matches topic \"" + r.topic() + "\"");
        }
        if (!accessControlled(topic, r.action())) {
            return Decision.allow("governance " + domain + ", " + topic + ": " + controlElement(r.action()) + "=false");
        }
        return grant.decide(r.domainId(), r.action(), r.topic(), r.partitions(), r.dataTags());
    }

    private static Decision unauthenticated(DomainRule domain, String where, AccessRequest r) {
        if (!domain.allowUnauthenticatedParticipants()) {
            return Decision.deny(where + ": allow_unauthenticated_participants=false and the requester is not authenticated");
        }
        if (r.action() == Action.JOIN) {
            return Decision.allow(where + ": allow_unauthenticated_participants=true");
        }
        TopicRule topic = domain.topicRule(r.topic()).orElse(null);
        if (topic == null) {
            return Decision.deny(where + ": no topic_rule matches topic \"" + r.topic() + "\"");
        }
        if (accessControlled(topic, r.action())) {
            return Decision.deny(where + ", " + topic + ": " + controlElement(r.action())
                    + "=true and the requester is not authenticated");
        }
        return Decision.allow(where + ", " + topic + ": allow_unauthenticated_participants=true and "
                + controlElement(r.action()) + "=false");
    }

    private static boolean accessControlled(TopicRule topic, Action action) {
        return action == Action.SUBSCRIBE ? topic.enableReadAccessControl() : topic.enableWriteAccessControl();
    }

    private static String controlElement(Action action) {
        return action == Action.SUBSCRIBE ? "enable_read_access_control" : "enable_write_access_control";
    }

    /** How many decisions the cache holds; for tests. */
    int cachedDecisions() {
        return decisions.size();
    }

    public Permissions permissions() {
        return permissions;
    }

    /** The governance document, or null when decisions are the permissions document's alone. */
    public Governance governance() {
        return governance;
    }
}
