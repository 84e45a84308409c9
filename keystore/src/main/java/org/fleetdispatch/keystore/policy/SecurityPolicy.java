package org.fleetdispatch.keystore.policy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fleetdispatch.keystore.dds.DocumentSchema;
import org.fleetdispatch.keystore.dds.DomainIdSet;
import org.fleetdispatch.keystore.dds.XmlDocuments;
import org.fleetdispatch.keystore.dds.XmlElement;
import org.fleetdispatch.keystore.error.DocumentException;
import org.fleetdispatch.keystore.permissions.Grant;
import org.fleetdispatch.keystore.pki.DistinguishedName;
import org.fleetdispatch.keystore.pki.Validity;

/**
 * A loaded policy, SROS 2 or Fleet Dispatch form, that yields one permissions grant per enclave.
 */
public final class SecurityPolicy {

    private final String source;
    private final Map<String, EnclaveRules> enclaves;

    private SecurityPolicy(String source, Map<String, EnclaveRules> enclaves) {
        this.source = source;
        this.enclaves = enclaves;
    }

    /**
     * Loads a policy file, resolving XIncludes and validating against its schema; the form is
     * told by the root element ({@code policy} or {@code fleetdispatch_policy}).
     */
    public static SecurityPolicy load(Path file) {
        XmlElement probe = XmlDocuments.parseWithIncludes(file, null);
        DocumentSchema schema = schemaFor(probe);
        XmlElement root = XmlDocuments.parseWithIncludes(file, schema);
        return from(root);
    }

    /** The allow-all SROS 2 policy create-enclave starts every enclave with, for one enclave path. */
    public static SecurityPolicy allowAll(String enclavePath) {
        try (InputStream in = SecurityPolicy.class.getResourceAsStream("/org/fleetdispatch/keystore/policy/default-policy.xml")) {
            if (in == null) {
                throw new IllegalStateException("default-policy.xml missing from the keystore jar");
            }
            XmlElement root = XmlDocuments.parse(in.readAllBytes(), "default policy", DocumentSchema.SROS2_POLICY);
            EnclaveRules rules = RosPolicy.translate(root.required("enclaves").required("enclave"));
            return new SecurityPolicy("default policy", Map.of(enclavePath, rules));
        } catch (IOException e) {
            throw new IllegalStateException("default-policy.xml cannot be read", e);
        }
    }

    private static DocumentSchema schemaFor(XmlElement root) {
        switch (root.name()) {
            case "policy":
                return DocumentSchema.SROS2_POLICY;
            case "fleetdispatch_policy":
                return DocumentSchema.FLEET_POLICY;
            default:
                throw new DocumentException(root.source(), root.path(), root.line(), root.name(),
                        "not a policy: the root element must be <policy> (SROS 2) or <fleetdispatch_policy>");
        }
    }

    private static SecurityPolicy from(XmlElement root) {
        boolean ros = root.name().equals("policy");
        Map<String, EnclaveRules> enclaves = new LinkedHashMap<>();
        for (XmlElement e : root.required("enclaves").children("enclave")) {
            String path = e.attribute("path").orElseThrow();
            EnclaveRules rules = ros ? RosPolicy.translate(e) : FleetPolicy.translate(e);
            EnclaveRules previous = enclaves.get(path);
            enclaves.put(path, previous == null ? rules : previous.merge(rules));
        }
        return new SecurityPolicy(root.source(), enclaves);
    }

    public String source() {
        return source;
    }

    /** The enclave paths the policy covers, in document order. */
    public List<String> enclavePaths() {
        return new ArrayList<>(enclaves.keySet());
    }

    /**
     * The grant of one enclave: name and subject {@code CN=<path>} as SROS 2 writes them.
     *
     * @param domains the domains the rules apply to
     * @param validity the grant's validity (SROS 2 copies the enclave certificate's)
     */
    public Optional<Grant> grant(String enclavePath, DomainIdSet domains, Validity validity) {
        EnclaveRules rules = enclaves.get(enclavePath);
        if (rules == null) {
            return Optional.empty();
        }
        DistinguishedName subject = DistinguishedName.parse("CN=" + escapeRdnValue(enclavePath));
        return Optional.of(new Grant(enclavePath, -1, subject, validity, rules.toRules(domains), false));
    }

    /** Grants for every enclave, in document order: what SROS 2's test goldens hold. */
    public List<Grant> grants(DomainIdSet domains, Validity validity) {
        List<Grant> out = new ArrayList<>();
        for (String path : enclaves.keySet()) {
            grant(path, domains, validity).ifPresent(out::add);
        }
        return out;
    }

    /** Makes every enclave's ALLOW rule also cover {@code ros_discovery_info}, as SROS 2 does for DDS RMWs. */
    public SecurityPolicy withRosDiscoveryInfo() {
        Map<String, EnclaveRules> out = new LinkedHashMap<>();
        enclaves.forEach((k, v) -> out.put(k, v.withRosDiscoveryInfo()));
        return new SecurityPolicy(source, out);
    }

    private static String escapeRdnValue(String v) {
        StringBuilder sb = new StringBuilder();
        for (char c : v.toCharArray()) {
            if (",+\"\\<>;=".indexOf(c) >= 0) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
