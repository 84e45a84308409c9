package org.fleetdispatch.keystore.policy;

import java.util.ArrayList;
import java.util.List;
import org.fleetdispatch.keystore.dds.DocumentValues;
import org.fleetdispatch.keystore.dds.XmlElement;
import org.fleetdispatch.keystore.permissions.Action;
import org.fleetdispatch.keystore.permissions.Rule;

/**
 * The Fleet Dispatch policy form: per enclave, {@code <allow>} and {@code <deny>} elements whose
 * {@code publish} and {@code subscribe} attributes list dispatcher topics (order, instantActions,
 * state, connection, factsheet, visualization, missions, robots) and whose {@code <robot>}
 * children ({@code <manufacturer>/<serialNumber>} fnmatch patterns) become the partitions.
 *
 * <pre>{@code
 * <fleetdispatch_policy version="1.0">
 *   <enclaves>
 *     <enclave path="/robots/acme/agv1">
 *       <allow publish="state connection factsheet visualization" subscribe="order instantActions">
 *         <robot>acme/agv1</robot>
 *       </allow>
 *     </enclave>
 *   </enclaves>
 * </fleetdispatch_policy>
 * }</pre>
 */
final class FleetPolicy {

    private FleetPolicy() {
    }

    static EnclaveRules translate(XmlElement enclave) {
        EnclaveRules rules = new EnclaveRules();
        for (XmlElement rule : enclave.children()) {
            Rule.Kind kind = rule.name().equals("deny") ? Rule.Kind.DENY : Rule.Kind.ALLOW;
            List<String> robots = new ArrayList<>();
            for (XmlElement r : rule.children("robot")) {
                robots.add(r.text());
            }
            String publish = rule.attribute("publish").orElse("");
            String subscribe = rule.attribute("subscribe").orElse("");
            if (publish.isBlank() && subscribe.isBlank()) {
                throw DocumentValues.fail(rule, null, "needs a publish or subscribe attribute listing topics");
            }
            for (String topic : publish.trim().split("\\s+")) {
                if (!topic.isEmpty()) {
                    rules.add(kind, Action.PUBLISH, topic, robots);
                }
            }
            for (String topic : subscribe.trim().split("\\s+")) {
                if (!topic.isEmpty()) {
                    rules.add(kind, Action.SUBSCRIBE, topic, robots);
                }
            }
        }
        return rules;
    }
}
