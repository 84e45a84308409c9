package org.fleetdispatch.keystore.dds;

import java.io.InputStream;
import java.io.Reader;
import java.net.URL;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.SAXException;

/**
 * The schemas documents are validated against, bundled with the library and compiled once.
 * Nothing is ever fetched from the network: imports resolve to bundled files or fail.
 */
public enum DocumentSchema {
    /** OMG DDS-Security 1.1 governance ({@code omg_shared_ca_governance.xsd}). */
    GOVERNANCE("governance.xsd"),
    /** OMG DDS-Security 1.1 permissions ({@code omg_shared_ca_permissions.xsd}). */
    PERMISSIONS("permissions.xsd"),
    /** SROS 2 policy, version 0.2.0. */
    SROS2_POLICY("policy.xsd"),
    /** The Fleet Dispatch policy form (topics of the dispatcher, robots as partitions). */
    FLEET_POLICY("fleet-policy.xsd");

    private static final String BASE = "/org/fleetdispatch/keystore/schema/";
    private static final String XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace";

    private final String file;
    private volatile Schema schema;

    DocumentSchema(String file) {
        this.file = file;
    }

    /** The compiled schema; thread-safe and reusable, as {@link Schema} is. */
    public Schema schema() {
        Schema s = schema;
        if (s == null) {
            synchronized (this) {
                s = schema;
                if (s == null) {
                    s = compile();
                    schema = s;
                }
            }
        }
        return s;
    }

    private Schema compile() {
        URL url = DocumentSchema.class.getResource(BASE + file);
        if (url == null) {
            throw new IllegalStateException("schema " + file + " missing from the keystore jar");
        }
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setResourceResolver(new BundledOnly());
            return factory.newSchema(new StreamSource(url.openStream(), url.toExternalForm()));
        } catch (SAXException | java.io.IOException e) {
            throw new IllegalStateException("bundled schema " + file + " does not compile", e);
        }
    }

    /** Resolves the XML namespace import to the bundled xml.xsd; refuses anything else. */
    private static final class BundledOnly implements LSResourceResolver {
        @Override
        public LSInput resolveResource(String type, String namespaceURI, String publicId, String systemId, String baseURI) {
            if (XML_NAMESPACE.equals(namespaceURI)) {
                return new BundledInput(DocumentSchema.class.getResourceAsStream(BASE + "xml.xsd"), systemId);
            }
            throw new IllegalStateException("schema import of " + systemId + " is not bundled; refusing to fetch it");
        }
    }

    private static final class BundledInput implements LSInput {
        private final InputStream stream;
        private final String systemId;

        BundledInput(InputStream stream, String systemId) {
            this.stream = stream;
            this.systemId = systemId;
        }

        @Override public Reader getCharacterStream() { return null; }
        @Override public void setCharacterStream(Reader characterStream) { }
        @Override public InputStream getByteStream() { return stream; }
        @Override public void setByteStream(InputStream byteStream) { }
        @Override public String getStringData() { return null; }
        @Override public void setStringData(String stringData) { }
        @Override public String getSystemId() { return systemId; }
        @Override public void setSystemId(String systemId) { }
        @Override public String getPublicId() { return null; }
        @Override public void setPublicId(String publicId) { }
        @Override public String getBaseURI() { return null; }
        @Override public void setBaseURI(String baseURI) { }
        @Override public String getEncoding() { return null; }
        @Override public void setEncoding(String encoding) { }
        @Override public boolean getCertifiedText() { return false; }
        @Override public void setCertifiedText(boolean certifiedText) { }
    }
}
