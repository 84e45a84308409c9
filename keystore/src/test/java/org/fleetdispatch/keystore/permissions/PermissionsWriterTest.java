package org.fleetdispatch.keystore.permissions;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.fleetdispatch.keystore.pki.DistinguishedName;
import org.junit.jupiter.api.Test;

class PermissionsWriterTest {

    @Test
    void writtenDocumentsAreSchemaValidAndMeanTheSame() {
        Permissions original = Doc.permissions("ALLOW",
                Doc.deny("<id>1</id><id_range><min>5</min><max>9</max></id_range>",
                        Doc.criteria("publish", Doc.topics("a&b", "<x>"), Doc.partitions("", "p*")),
                        Doc.criteria("subscribe", Doc.topics("T"), Doc.tags("n=v"))),
                Doc.allow("<id>0</id>", Doc.criteria("relay", Doc.topics("*"))));
        String xml = PermissionsWriter.write(original.grants());
        assertThat(xml).startsWith("<dds xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"")
                .contains("<topic>a&amp;b</topic>").contains("<topic>&lt;x&gt;</topic>")
                .contains("<not_before>2020-01-01T00:00:00</not_before>");
        Permissions back = Permissions.parse(xml.getBytes(UTF_8), "written.xml");
        Grant g = back.grantFor(DistinguishedName.parse(Doc.SUBJECT)).orElseThrow();
        Grant o = original.grants().get(0);
        assertThat(g.validity()).isEqualTo(o.validity());
        assertThat(g.defaultAllows()).isTrue();
        for (int domain : new int[] {0, 1, 5, 7, 9, 10}) {
            for (String topic : List.of("a&b", "<x>", "T", "other")) {
                for (Action a : Action.values()) {
                    for (List<String> parts : List.of(List.<String>of(), List.of("p1"), List.of("q"))) {
                        List<DataTag> tags = List.of(new DataTag("n", "v"));
                        assertThat(g.decide(domain, a, topic, parts, tags).allowed())
                                .as("%s %s %s %s", domain, a, topic, parts)
                                .isEqualTo(o.decide(domain, a, topic, parts, tags).allowed());
                    }
                }
            }
        }
    }
}
