package org.fleetdispatch.vda5050;

/**
 * The bytes are not one well-formed JSON text in UTF-8: a syntax error, invalid UTF-8, a duplicate key, or
 * trailing content. The message names the position; line and column count from 1, the offset from 0 (in
 * characters), and each is -1 when unknown.
 */
public final class Vda5050FormatException extends Vda5050Exception {

    private static final long serialVersionUID = 1L;

    private final long line;
    private final long column;
    private final long offset;

    public Vda5050FormatException(String message, long line, long column, long offset, Throwable cause) {
        super(message, cause);
        this.line = line;
        this.column = column;
        this.offset = offset;
    }

    public long line() {
        return line;
    }

    public long column() {
        return column;
    }

    public long offset() {
        return offset;
    }
}
