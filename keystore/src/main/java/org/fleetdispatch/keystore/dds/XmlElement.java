package org.fleetdispatch.keystore.dds;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An element of a loaded document, with where it came from: the document's name, its line, and
 * its path from the root ({@code /dds/permissions/grant[2]/validity}), so that every rejection can
 * name the element.
 */
public final class XmlElement {

    private final String namespace;
    private final String name;
    private final Map<String, String> attributes;
    private final List<Attribute> attributeList;
    private final String source;
    private final int line;
    private final List<XmlElement> children = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private XmlElement parent;
    private String path;

    /** An attribute with its namespace, kept so a tree can be replayed into a validator. */
    record Attribute(String namespace, String localName, String qName, String value) { }

    XmlElement(String namespace, String name, List<Attribute> attributes, String source, int line) {
        this.namespace = namespace == null ? "" : namespace;
        this.name = name;
        this.attributeList = List.copyOf(attributes);
        Map<String, String> byName = new LinkedHashMap<>();
        for (Attribute a : attributes) {
            byName.put(a.qName(), a.value());
        }
        this.attributes = Collections.unmodifiableMap(byName);
        this.source = source;
        this.line = line;
    }

    public String name() {
        return name;
    }

    String namespace() {
        return namespace;
    }

    List<Attribute> attributeList() {
        return attributeList;
    }

    /** The document (usually a file) this element was read from. */
    public String source() {
        return source;
    }

    public int line() {
        return line;
    }

    /** The element's path from the document root, with 1-based indices among same-named siblings. */
    public String path() {
        if (path == null) {
            path = computePath();
        }
        return path;
    }

    private String computePath() {
        if (parent == null) {
            return "/" + name;
        }
        int index = 0;
        int count = 0;
        for (XmlElement sibling : parent.children) {
            if (sibling.name.equals(name)) {
                count++;
                if (sibling == this) {
                    index = count;
                }
            }
        }
        return parent.path() + "/" + name + (count > 1 ? "[" + index + "]" : "");
    }

    public Optional<String> attribute(String qName) {
        return Optional.ofNullable(attributes.get(qName));
    }

    public List<XmlElement> children() {
        return Collections.unmodifiableList(children);
    }

    public List<XmlElement> children(String childName) {
        List<XmlElement> out = new ArrayList<>();
        for (XmlElement c : children) {
            if (c.name.equals(childName)) {
                out.add(c);
            }
        }
        return out;
    }

    public Optional<XmlElement> child(String childName) {
        for (XmlElement c : children) {
            if (c.name.equals(childName)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The child the schema guarantees to be present. */
    public XmlElement required(String childName) {
        return child(childName).orElseThrow(() -> new IllegalStateException(
                path() + " has no " + childName + " although the schema requires it"));
    }

    /** The element's own character data, untrimmed. */
    public String rawText() {
        return text.toString();
    }

    /** The element's own character data with surrounding whitespace removed. */
    public String text() {
        return text.toString().trim();
    }

    void append(char[] ch, int start, int length) {
        text.append(ch, start, length);
    }

    void appendText(String s) {
        text.append(s);
    }

    void add(XmlElement child) {
        child.parent = this;
        children.add(child);
        invalidatePaths();
    }

    void replace(XmlElement child, List<XmlElement> replacements) {
        int at = children.indexOf(child);
        children.remove(at);
        children.addAll(at, replacements);
        for (XmlElement r : replacements) {
            r.parent = this;
        }
        invalidatePaths();
    }

    private void invalidatePaths() {
        path = null;
        for (XmlElement c : children) {
            c.invalidatePaths();
        }
    }

    XmlElement deepCopy() {
        XmlElement copy = new XmlElement(namespace, name, attributeList, source, line);
        copy.text.append(text);
        for (XmlElement c : children) {
            copy.add(c.deepCopy());
        }
        return copy;
    }

    @Override
    public String toString() {
        return path();
    }
}
