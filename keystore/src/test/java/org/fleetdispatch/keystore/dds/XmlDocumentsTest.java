package org.fleetdispatch.keystore.dds;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.fleetdispatch.keystore.error.DocumentException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XmlDocumentsTest {

    @TempDir
    Path dir;

    @Test
    void recordsLinesAndPathsOfElements() {
        XmlElement root = XmlDocuments.parse("<a>\n  <b>x</b>\n  <b>\n    <c> y </c>\n  </b>\n</a>".getBytes(UTF_8), "doc.xml", null);
        XmlElement second = root.children("b").get(1);
        assertThat(second.line()).isEqualTo(3);
        assertThat(second.path()).isEqualTo("/a/b[2]");
        assertThat(second.required("c").path()).isEqualTo("/a/b[2]/c");
        assertThat(second.required("c").text()).isEqualTo("y");
        assertThat(root.child("b").orElseThrow().path()).isEqualTo("/a/b[1]");
    }

    @Test
    void refusesDoctypesSoNoEntityCanBeExpanded() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>&x;</a>";
        assertThatThrownBy(() -> XmlDocuments.parse(xxe.getBytes(UTF_8), "evil.xml", null))
                .isInstanceOf(DocumentException.class)
                .hasMessageContaining("evil.xml")
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void refusesDocumentsThatAreNotWellFormedWithTheLine() {
        assertThatThrownBy(() -> XmlDocuments.parse("<a>\n<b>\n</a>".getBytes(UTF_8), "broken.xml", null))
                .isInstanceOfSatisfying(DocumentException.class, e -> assertThat(e.line()).isEqualTo(3))
                .hasMessageStartingWith("broken.xml:3");
    }

    @Test
    void schemaErrorsNameTheElement() {
        String doc = "<dds><permissions><grant name=\"g\"><subject_name>CN=x</subject_name><validity>"
                + "<not_before>2020-01-01T00:00:00</not_before></validity>"
                + "<allow_rule><domains><id>0</id></domains></allow_rule><default>DENY</default></grant></permissions></dds>";
        assertThatThrownBy(() -> XmlDocuments.parse(doc.getBytes(UTF_8), "p.xml", DocumentSchema.PERMISSIONS))
                .isInstanceOfSatisfying(DocumentException.class,
                        e -> assertThat(e.element()).isEqualTo("/dds/permissions/grant/validity"))
                .hasMessageContaining("not_after");
    }

    @Test
    void resolvesXIncludesRelativeToTheIncludingFile() throws Exception {
        Files.createDirectories(dir.resolve("common"));
        Files.writeString(dir.resolve("common/part.xml"), "<profile><topics publish=\"ALLOW\"><topic>x</topic></topics></profile>");
        Files.writeString(dir.resolve("main.xml"), "<policy version=\"0.2.0\" xmlns:xi=\"http://www.w3.org/2001/XInclude\"><enclaves>"
                + "<enclave path=\"/e\"><profiles><profile ns=\"/\" node=\"n\">"
                + "<xi:include href=\"common/part.xml\" xpointer=\"xpointer(/profile/*)\"/>"
                + "</profile></profiles></enclave></enclaves></policy>");
        XmlElement root = XmlDocuments.parseWithIncludes(dir.resolve("main.xml"), DocumentSchema.SROS2_POLICY);
        XmlElement topics = root.required("enclaves").required("enclave").required("profiles").required("profile").required("topics");
        assertThat(topics.required("topic").text()).isEqualTo("x");
        assertThat(topics.source()).endsWith("part.xml");
    }

    @Test
    void refusesIncludesThatWouldFetchFromTheNetwork() throws Exception {
        Files.writeString(dir.resolve("main.xml"), "<policy xmlns:xi=\"http://www.w3.org/2001/XInclude\">"
                + "<xi:include href=\"http://example.com/x.xml\"/></policy>");
        assertThatThrownBy(() -> XmlDocuments.parseWithIncludes(dir.resolve("main.xml"), null))
                .isInstanceOf(DocumentException.class)
                .hasMessageContaining("relative file path");
    }

    @Test
    void schemaErrorsInIncludedFragmentsNameTheFragment() throws Exception {
        Files.writeString(dir.resolve("part.xml"), "<profile><topics publish=\"MAYBE\"><topic>x</topic></topics></profile>");
        Files.writeString(dir.resolve("main.xml"), "<policy version=\"0.2.0\" xmlns:xi=\"http://www.w3.org/2001/XInclude\"><enclaves>"
                + "<enclave path=\"/e\"><profiles><profile ns=\"/\" node=\"n\">"
                + "<xi:include href=\"part.xml\" xpointer=\"xpointer(/profile/*)\"/>"
                + "</profile></profiles></enclave></enclaves></policy>");
        assertThatThrownBy(() -> XmlDocuments.parseWithIncludes(dir.resolve("main.xml"), DocumentSchema.SROS2_POLICY))
                .isInstanceOf(DocumentException.class)
                .hasMessageContaining("part.xml")
                .hasMessageContaining("MAYBE");
    }
}
