package org.fleetdispatch.keystore.permissions;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Instant;
import java.util.List;
import org.fleetdispatch.keystore.pki.DistinguishedName;

/** Small permissions documents for rule-by-rule tests. */
final class Doc {

    static final String SUBJECT = "CN=/robots/acme/agv1,O=Acme";
    static final Instant AT = Instant.parse("2026-06-01T00:00:00Z");

    private Doc() {
    }

    static Permissions permissions(String defaultAction, String... rules) {
        return Permissions.parse(xml(defaultAction, rules).getBytes(UTF_8), "p.xml");
    }

    static Grant grant(String defaultAction, String... rules) {
        return permissions(defaultAction, rules).validGrantFor(DistinguishedName.parse(SUBJECT), AT);
    }

    static String xml(String defaultAction, String... rules) {
        return "<dds><permissions><grant name=\"g\">\n<subject_name>" + SUBJECT + "</subject_name>\n"
                + "<validity><not_before>2020-01-01T00:00:00</not_before><not_after>2030-01-01T00:00:00Z</not_after></validity>\n"
                + String.join("\n", rules) + "\n<default>" + defaultAction + "</default>\n</grant></permissions></dds>\n";
    }

    static String allow(String domains, String... criteria) {
        return "<allow_rule><domains>" + domains + "</domains>" + String.join("", criteria) + "</allow_rule>";
    }

    static String deny(String domains, String... criteria) {
        return "<deny_rule><domains>" + domains + "</domains>" + String.join("", criteria) + "</deny_rule>";
    }

    static String id(int id) {
        return "<id>" + id + "</id>";
    }

    /** e.g. criteria("publish", topics("T"), partitions("A")). */
    static String criteria(String action, String... parts) {
        return "<" + action + ">" + String.join("", parts) + "</" + action + ">";
    }

    static String topics(String... topics) {
        StringBuilder sb = new StringBuilder("<topics>");
        for (String t : topics) {
            sb.append("<topic>").append(t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")).append("</topic>");
        }
        return sb.append("</topics>").toString();
    }

    static String partitions(String... partitions) {
        StringBuilder sb = new StringBuilder("<partitions>");
        for (String p : partitions) {
            sb.append("<partition>").append(p).append("</partition>");
        }
        return sb.append("</partitions>").toString();
    }

    static String tags(String... nameValues) {
        StringBuilder sb = new StringBuilder("<data_tags>");
        for (String nv : nameValues) {
            DataTag t = DataTag.parse(nv);
            sb.append("<tag><name>").append(t.name()).append("</name><value>").append(t.value()).append("</value></tag>");
        }
        return sb.append("</data_tags>").toString();
    }

    static List<String> parts(String... p) {
        return List.of(p);
    }

    static List<DataTag> tagList(String... nv) {
        return java.util.Arrays.stream(nv).map(DataTag::parse).toList();
    }
}
