package org.fleetdispatch.keystore.error;

/**
 * A governance, permissions or policy document that is not well formed, not valid against its
 * schema, or semantically wrong (a domain id out of range, an empty topic expression, two grants
 * for one subject).
 */
public final class DocumentException extends KeystoreException {

    private final String element;
    private final int line;

    /**
     * @param document the file or other name of the document
     * @param element the element path, e.g. {@code /dds/permissions/grant[2]/validity}, or null
     * @param line the line in the document, or -1 when unknown
     * @param value the offending value, or null
     * @param reason what is wrong
     */
    public DocumentException(String document, String element, int line, String value, String reason) {
        this(document, element, line, value, reason, null);
    }

    public DocumentException(String document, String element, int line, String value, String reason, Throwable cause) {
        super(where(document, line), value, element == null ? reason : element + ": " + reason, cause);
        this.element = element;
        this.line = line;
    }

    private static String where(String document, int line) {
        return line > 0 ? document + ":" + line : document;
    }

    /** The path of the offending element, or {@code null} when the document as a whole is wrong. */
    public String element() {
        return element;
    }

    /** The line of the offending element, or -1. */
    public int line() {
        return line;
    }
}
