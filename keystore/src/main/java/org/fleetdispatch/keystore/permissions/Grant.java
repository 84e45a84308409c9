package org.fleetdispatch.keystore.permissions;

import java.time.Instant;
import java.util.List;
import java.util.ArrayList;
import java.util.Objects;
import org.fleetdispatch.keystore.dds.NamePattern;
import org.fleetdispatch.keystore.pki.DistinguishedName;
import org.fleetdispatch.keystore.pki.Validity;

/**
 * A {@code <grant>}: the permissions of one subject, evaluated as DDS-Security 9.4.1.3 says.
 *
 * <p>Every decision a grant can reach, with its explanation, is built once here, so that deciding
 * allocates nothing and builds no strings.
 */
public final class Grant {

    private final String name;
    private final int line;
    private final DistinguishedName subject;
    private final Validity validity;
    private final List<Rule> rules;
    private final boolean defaultAllows;

    private final Rule[] ruleArray;
    /** [rule][action][criteria][topic expression] -> the decision that criteria's match makes. */
    private final Decision[][][][] matchDecisions;
    private final Decision[] joinDecisions;
    private final Decision defaultDecision;
    /** Per action: the (rule, criteria) pairs in document order, and an index over their topics. */
    private final int[][] entryRule;
    private final int[][] entryCriteria;
    private final TopicIndex[] topicIndex;

    /**
     * @param line where it is written, or -1
     * @param defaultAllows whether {@code <default>} is ALLOW
     */
    public Grant(String name, int line, DistinguishedName subject, Validity validity, List<Rule> rules, boolean defaultAllows) {
        this.name = Objects.requireNonNull(name, "name");
        this.line = line;
        this.subject = Objects.requireNonNull(subject, "subject");
        this.validity = Objects.requireNonNull(validity, "validity");
        this.rules = List.copyOf(rules);
        this.defaultAllows = defaultAllows;
        this.ruleArray = this.rules.toArray(Rule[]::new);
        this.matchDecisions = new Decision[ruleArray.length][Action.values().length][][];
        this.joinDecisions = new Decision[ruleArray.length];
        for (int r = 0; r < ruleArray.length; r++) {
            Rule rule = ruleArray[r];
            String where = rule.kind().element() + " #" + rule.number() + " of grant \"" + name + "\" (line " + rule.line() + ")";
            joinDecisions[r] = new Decision(rule.allows(), where + ": domains " + rule.domains() + " include the domain");
            for (Action a : Action.values()) {
                Criteria[] cs = rule.criteriaArray(a);
                matchDecisions[r][a.ordinal()] = new Decision[cs.length][];
                for (int c = 0; c < cs.length; c++) {
                    Decision[] perTopic = new Decision[cs[c].topicCount()];
                    for (int t = 0; t < perTopic.length; t++) {
                        perTopic[t] = new Decision(rule.allows(), where + ": " + cs[c].describe(t));
                    }
                    matchDecisions[r][a.ordinal()][c] = perTopic;
                }
            }
        }
        int actions = Action.values().length;
        this.entryRule = new int[actions][];
        this.entryCriteria = new int[actions][];
        this.topicIndex = new TopicIndex[actions];
        for (Action a : Action.values()) {
            List<int[]> entries = new ArrayList<>();
            List<NamePattern[]> topics = new ArrayList<>();
            for (int r = 0; r < ruleArray.length; r++) {
                Criteria[] cs = ruleArray[r].criteriaArray(a);
                for (int c = 0; c < cs.length; c++) {
                    entries.add(new int[] {r, c});
                    topics.add(cs[c].topics().toArray(NamePattern[]::new));
                }
            }
            entryRule[a.ordinal()] = entries.stream().mapToInt(e -> e[0]).toArray();
            entryCriteria[a.ordinal()] = entries.stream().mapToInt(e -> e[1]).toArray();
            topicIndex[a.ordinal()] = new TopicIndex(topics);
        }
        this.defaultDecision = new Decision(defaultAllows, "<default>" + (defaultAllows ? "ALLOW" : "DENY")
                + "</default> of grant \"" + name + "\" (line " + line + "): no rule applies");
    }

    public String name() {
        return name;
    }

    public int line() {
        return line;
    }

    public DistinguishedName subject() {
        return subject;
    }

    public Validity validity() {
        return validity;
    }

    public List<Rule> rules() {
        return rules;
    }

    public boolean defaultAllows() {
        return defaultAllows;
    }

    /** Whether the grant's validity window (both ends inclusive) contains the instant. */
    public boolean validAt(Instant at) {
        return validity.contains(at);
    }

    /**
     * Joining a domain: the first rule whose domains contain the domain decides if it is an allow
     * rule, or a deny rule without any criteria; a deny rule with publish/subscribe/relay criteria
     * restricts topics, not joining (Connext "How the Permissions are Interpreted"), so the search
     * goes on. Otherwise the default. Validity is the caller's concern.
     */
    public Decision decideJoin(int domainId) {
        for (int r = 0; r < ruleArray.length; r++) {
            Rule rule = ruleArray[r];
            if (rule.domains().contains(domainId) && (rule.allows() || rule.criteria().isEmpty())) {
                return joinDecisions[r];
            }
        }
        return defaultDecision;
    }

    /**
     * Publishing, subscribing or relaying: the first rule that applies decides (its domains
     * contain the domain and one of its criteria for the action matches topic, partitions and
     * data tags); when none applies, the default. A rule whose topic matches but whose partitions
     * or tags do not is simply not applicable: the search goes on (Fast-DDS stops there).
     *
     * @param partitions the partitions of the request; empty means the empty-string partition
     * @param dataTags the data tags of the request; empty means none
     */
    public Decision decide(int domainId, Action action, String topic, List<String> partitions, List<DataTag> dataTags) {
        if (action == Action.JOIN) {
            return decideJoin(domainId);
        }
        Objects.requireNonNull(topic, "topic");
        int a = action.ordinal();
        int[] rulesOf = entryRule[a];
        int[] criteriaOf = entryCriteria[a];
        // Only criteria whose topic expressions' literal prefixes the topic starts with can apply;
        // visiting them in document order decides exactly as visiting every rule would.
        long[] candidates = topicIndex[a].candidates(topic);
        for (int w = 0; w < candidates.length; w++) {
            long word = candidates[w];
            while (word != 0) {
                int e = (w << 6) + Long.numberOfTrailingZeros(word);
                word &= word - 1;
                Rule rule = ruleArray[rulesOf[e]];
                if (!rule.domains().contains(domainId)) {
                    continue;
                }
                boolean allow = rule.allows();
                Criteria criteria = rule.criteriaArray(action)[criteriaOf[e]];
                int t = criteria.matchingTopicIndex(topic);
                if (t >= 0 && criteria.partitionsMatch(partitions, allow) && criteria.dataTagsMatch(dataTags, allow)) {
                    return matchDecisions[rulesOf[e]][a][criteriaOf[e]][t];
                }
            }
        }
        return defaultDecision;
    }

    @Override
    public String toString() {
        return "grant \"" + name + "\" for " + subject + " (line " + line + ")";
    }
}
