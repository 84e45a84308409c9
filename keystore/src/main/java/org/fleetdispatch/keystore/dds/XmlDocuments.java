package org.fleetdispatch.keystore.dds;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.validation.ValidatorHandler;
import org.fleetdispatch.keystore.error.DocumentException;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.AttributesImpl;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Loads governance, permissions and policy documents into {@link XmlElement} trees, validating
 * them against their schema in the same pass.
 *
 * <p>Hardened against hostile input: no DOCTYPE (so no entities, no external DTDs), secure
 * processing on, nothing fetched. A document is either valid or refused with a
 * {@link DocumentException} naming the document, the line and the element path.
 */
public final class XmlDocuments {

    private static final String XINCLUDE_2001 = "http://www.w3.org/2001/XInclude";
    private static final String XINCLUDE_2003 = "http://www.w3.org/2003/XInclude";
    private static final int MAX_INCLUDE_DEPTH = 16;

    private XmlDocuments() {
    }

    /**
     * Parses and validates a document.
     *
     * @param content the document's bytes (the encoding comes from its XML declaration)
     * @param source the name used in messages, usually the file
     * @param schema the schema it must satisfy, or null for well-formedness only
     */
    public static XmlElement parse(byte[] content, String source, DocumentSchema schema) {
        TreeBuilder tree = new TreeBuilder(source);
        XMLReader reader = newReader();
        ContentHandler handler = tree;
        if (schema != null) {
            ValidatorHandler validator = schema.schema().newValidatorHandler();
            validator.setContentHandler(tree);
            validator.setErrorHandler(new FailFast());
            handler = validator;
        }
        reader.setContentHandler(new LocatorTee(handler, tree));
        reader.setErrorHandler(new FailFast());
        try {
            InputSource in = new InputSource(new ByteArrayInputStream(content));
            in.setSystemId(source);
            reader.parse(in);
        } catch (SAXParseException e) {
            throw failure(source, tree.currentPath(), e);
        } catch (SAXException | IOException e) {
            throw new DocumentException(source, tree.currentPath(), -1, null, "cannot be read: " + e.getMessage(), e);
        }
        if (tree.root == null) {
            throw new DocumentException(source, null, -1, null, "empty document");
        }
        return tree.root;
    }

    /**
     * Parses a file, resolves its XInclude elements (href relative to the including file;
     * {@code xpointer(/a/b/*)} paths as SROS 2 policies use them), then validates the result.
     */
    public static XmlElement parseWithIncludes(Path file, DocumentSchema schema) {
        XmlElement root = resolveIncludes(read(file), 0);
        if (schema != null) {
            validate(root, schema);
        }
        return root;
    }

    private static XmlElement read(Path file) {
        try {
            return parse(Files.readAllBytes(file), file.toString(), null);
        } catch (IOException e) {
            throw new DocumentException(file.toString(), null, -1, null, "cannot be read: " + e.getMessage(), e);
        }
    }

    private static XmlElement resolveIncludes(XmlElement element, int depth) {
        for (XmlElement child : new ArrayList<>(element.children())) {
            if (isInclude(child)) {
                if (depth >= MAX_INCLUDE_DEPTH) {
                    throw new DocumentException(child.source(), child.path(), child.line(), null,
                            "XInclude nested deeper than " + MAX_INCLUDE_DEPTH + " levels (a cycle?)");
                }
                element.replace(child, include(child, depth));
            } else {
                resolveIncludes(child, depth);
            }
        }
        return element;
    }

    private static boolean isInclude(XmlElement e) {
        return e.name().equals("include")
                && (e.namespace().equals(XINCLUDE_2001) || e.namespace().equals(XINCLUDE_2003));
    }

    private static List<XmlElement> include(XmlElement include, int depth) {
        String href = include.attribute("href").orElseThrow(() -> new DocumentException(
                include.source(), include.path(), include.line(), null, "XInclude without href"));
        String parse = include.attribute("parse").orElse("xml");
        if (!parse.equals("xml")) {
            throw new DocumentException(include.source(), include.path(), include.line(), parse,
                    "only parse=\"xml\" includes are supported");
        }
        if (href.contains(":")) {
            throw new DocumentException(include.source(), include.path(), include.line(), href,
                    "XInclude href must be a relative file path; nothing is fetched");
        }
        Path target = Path.of(include.source()).toAbsolutePath().resolveSibling(href).normalize();
        XmlElement included = resolveIncludes(read(target), depth + 1);
        String pointer = include.attribute("xpointer").orElse(null);
        List<XmlElement> selected = pointer == null ? List.of(included) : select(included, pointer, include);
        List<XmlElement> copies = new ArrayList<>();
        for (XmlElement e : selected) {
            copies.add(e.deepCopy());
        }
        return copies;
    }

    // Supports the xpointer() scheme with an absolute path of element names, the last step
    // possibly '*': the form SROS 2 policies use (xpointer(/policy/enclaves/*)).
    private static List<XmlElement> select(XmlElement root, String pointer, XmlElement include) {
        String p = pointer.trim();
        if (!p.startsWith("xpointer(") || !p.endsWith(")")) {
            throw new DocumentException(include.source(), include.path(), include.line(), pointer,
                    "unsupported xpointer; only xpointer(/name/.../*) is supported");
        }
        String path = p.substring("xpointer(".length(), p.length() - 1).trim();
        if (!path.startsWith("/")) {
            throw new DocumentException(include.source(), include.path(), include.line(), pointer,
                    "xpointer path must be absolute");
        }
        String[] steps = path.substring(1).split("/");
        List<XmlElement> current = List.of(root);
        boolean atRoot = true;
        for (String step : steps) {
            List<XmlElement> next = new ArrayList<>();
            for (XmlElement e : current) {
                if (atRoot) {
                    if (step.equals("*") || step.equals(e.name())) {
                        next.add(e);
                    }
                } else {
                    for (XmlElement c : e.children()) {
                        if (step.equals("*") || step.equals(c.name())) {
                            next.add(c);
                        }
                    }
                }
            }
            atRoot = false;
            current = next;
        }
        return current;
    }

    private static void validate(XmlElement root, DocumentSchema schema) {
        ReplayLocator locator = new ReplayLocator();
        ValidatorHandler validator = schema.schema().newValidatorHandler();
        validator.setErrorHandler(new FailFast());
        validator.setContentHandler(new DefaultHandler());
        try {
            validator.setDocumentLocator(locator);
            validator.startDocument();
            replay(root, validator, locator);
            validator.endDocument();
        } catch (SAXParseException e) {
            XmlElement at = locator.current;
            throw failure(at == null ? root.source() : at.source(), at == null ? null : at.path(), e);
        } catch (SAXException e) {
            throw new DocumentException(root.source(), null, -1, null, e.getMessage(), e);
        }
    }

    private static void replay(XmlElement e, ContentHandler h, ReplayLocator locator) throws SAXException {
        locator.current = e;
        AttributesImpl attrs = new AttributesImpl();
        for (XmlElement.Attribute a : e.attributeList()) {
            attrs.addAttribute(a.namespace(), a.localName(), a.qName(), "CDATA", a.value());
        }
        h.startElement(e.namespace(), e.name(), e.name(), attrs);
        String text = e.rawText();
        if (!text.isEmpty()) {
            h.characters(text.toCharArray(), 0, text.length());
        }
        for (XmlElement c : e.children()) {
            replay(c, h, locator);
        }
        locator.current = e;
        h.endElement(e.namespace(), e.name(), e.name());
    }

    private static DocumentException failure(String source, String path, SAXParseException e) {
        String message = e.getMessage() == null ? "invalid" : e.getMessage().replaceFirst("^cvc-[\\w.-]+: ", "");
        int line = e.getLineNumber();
        return new DocumentException(source, path, line, null, message, e);
    }

    private static XMLReader newReader() {
        try {
            SAXParserFactory f = SAXParserFactory.newInstance();
            f.setNamespaceAware(true);
            f.setXIncludeAware(false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            return f.newSAXParser().getXMLReader();
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the JDK's SAX parser does not support secure settings", e);
        }
    }

    /** Stops at the first error: one precise reason beats a cascade. */
    private static final class FailFast implements ErrorHandler {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    }

    /** Hands the parser's locator to the tree builder whatever sits in between. */
    private static final class LocatorTee extends ForwardingHandler {
        private final TreeBuilder tree;

        LocatorTee(ContentHandler next, TreeBuilder tree) {
            super(next);
            this.tree = tree;
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            tree.locator = locator;
            super.setDocumentLocator(locator);
        }
    }

    private static final class ReplayLocator implements Locator {
        XmlElement current;

        @Override public String getPublicId() { return null; }
        @Override public String getSystemId() { return current == null ? null : current.source(); }
        @Override public int getLineNumber() { return current == null ? -1 : current.line(); }
        @Override public int getColumnNumber() { return -1; }
    }

    private static final class TreeBuilder extends DefaultHandler {
        private final String source;
        private final Deque<XmlElement> stack = new ArrayDeque<>();
        private Locator locator;
        private XmlElement root;

        TreeBuilder(String source) {
            this.source = source;
        }

        String currentPath() {
            return stack.isEmpty() ? null : stack.peek().path();
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) {
            List<XmlElement.Attribute> attributes = new ArrayList<>();
            for (int i = 0; i < atts.getLength(); i++) {
                attributes.add(new XmlElement.Attribute(atts.getURI(i), atts.getLocalName(i), atts.getQName(i), atts.getValue(i)));
            }
            String name = localName == null || localName.isEmpty() ? qName : localName;
            XmlElement e = new XmlElement(uri, name, attributes, source, locator == null ? -1 : locator.getLineNumber());
            if (stack.isEmpty()) {
                root = e;
            } else {
                stack.peek().add(e);
            }
            stack.push(e);
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            stack.pop();
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (!stack.isEmpty()) {
                stack.peek().append(ch, start, length);
            }
        }
    }
}
