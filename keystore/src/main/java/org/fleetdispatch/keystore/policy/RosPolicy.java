package org.fleetdispatch.keystore.policy;

import java.util.List;
import org.fleetdispatch.keystore.dds.XmlElement;
import org.fleetdispatch.keystore.permissions.Action;
import org.fleetdispatch.keystore.permissions.Rule;

/**
 * SROS 2 policy to DDS topics, as {@code sros2/policy/templates/dds/permissions.xsl} maps them:
 * topics become {@code rt<name>}, services {@code rq<name>Request} / {@code rr<name>Reply}, actions
 * their three services under {@code <name>/_action/} plus the {@code feedback} and {@code status}
 * topics. Names resolve against the profile: absolute as written, {@code ~} as
 * {@code <ns>/<node>}, relative under {@code <ns>}.
 */
final class RosPolicy {

    private static final List<String> ACTION_SERVICES = List.of("cancel_goal", "get_result", "send_goal");
    private static final List<String> ACTION_TOPICS = List.of("feedback", "status");

    private RosPolicy() {
    }

    /** All profiles of all {@code <profiles>} of one {@code <enclave>}, merged into one grant's rules. */
    static EnclaveRules translate(XmlElement enclave) {
        EnclaveRules rules = new EnclaveRules();
        for (XmlElement profiles : enclave.children("profiles")) {
            for (XmlElement profile : profiles.children("profile")) {
                String ns = profile.attribute("ns").orElse("/");
                String node = profile.attribute("node").orElse("");
                for (XmlElement group : profile.children()) {
                    switch (group.name()) {
                        case "topics" -> topics(rules, group, ns, node);
                        case "services" -> services(rules, group, ns, node);
                        case "actions" -> actions(rules, group, ns, node);
                        default -> { }
                    }
                }
            }
        }
        return rules;
    }

    private static void topics(EnclaveRules rules, XmlElement group, String ns, String node) {
        for (XmlElement t : group.children("topic")) {
            String fqn = resolve(t.text(), ns, node);
            qualifier(group, "publish", Action.PUBLISH, rules, "rt" + fqn);
            qualifier(group, "subscribe", Action.SUBSCRIBE, rules, "rt" + fqn);
        }
    }

    private static void services(EnclaveRules rules, XmlElement group, String ns, String node) {
        for (XmlElement s : group.children("service")) {
            String fqn = resolve(s.text(), ns, node);
            // A client (request) sends requests and reads replies; a server (reply) the reverse.
            qualifier(group, "request", Action.PUBLISH, rules, "rq" + fqn + "Request");
            qualifier(group, "request", Action.SUBSCRIBE, rules, "rr" + fqn + "Reply");
            qualifier(group, "reply", Action.PUBLISH, rules, "rr" + fqn + "Reply");
            qualifier(group, "reply", Action.SUBSCRIBE, rules, "rq" + fqn + "Request");
        }
    }

    private static void actions(EnclaveRules rules, XmlElement group, String ns, String node) {
        for (XmlElement a : group.children("action")) {
            String fqn = resolve(a.text(), ns, node);
            for (String service : ACTION_SERVICES) {
                String base = fqn + "/_action/" + service;
                qualifier(group, "call", Action.PUBLISH, rules, "rq" + base + "Request");
                qualifier(group, "call", Action.SUBSCRIBE, rules, "rr" + base + "Reply");
                qualifier(group, "execute", Action.PUBLISH, rules, "rr" + base + "Reply");
                qualifier(group, "execute", Action.SUBSCRIBE, rules, "rq" + base + "Request");
            }
            for (String topic : ACTION_TOPICS) {
                String name = "rt" + fqn + "/_action/" + topic;
                qualifier(group, "call", Action.SUBSCRIBE, rules, name);
                qualifier(group, "execute", Action.PUBLISH, rules, name);
            }
        }
    }

    private static void qualifier(XmlElement group, String attribute, Action action, EnclaveRules rules, String topic) {
        group.attribute(attribute).ifPresent(q -> rules.add(
                q.equals("DENY") ? Rule.Kind.DENY : Rule.Kind.ALLOW, action, topic, List.of()));
    }

    /** The fully qualified ROS name, with its leading '/'. */
    static String resolve(String name, String ns, String node) {
        String base = ns.endsWith("/") ? ns : ns + "/";
        if (name.startsWith("/")) {
            return name;
        }
        if (name.startsWith("~")) {
            return base + node + name.substring(1);
        }
        return base + name;
    }
}
