package org.fleetdispatch.keystore;

import java.util.Objects;
import org.fleetdispatch.keystore.error.InvalidEnclavePathException;

/**
 * An enclave path such as {@code /talker_listener/talker}: a ROS namespace (absolute, letters,
 * digits and underscores, no empty or digit-led tokens, no trailing slash), {@code /} being the
 * root enclave that lives in {@code enclaves/} itself.
 */
public final class EnclavePath implements Comparable<EnclavePath> {

    /** The root enclave, {@code /}: its files sit in {@code enclaves/} beside governance.p7s. */
    public static final EnclavePath ROOT = new EnclavePath("/");

    private static final int MAX_LENGTH = 255;

    private final String value;

    private EnclavePath(String value) {
        this.value = value;
    }

    /**
     * @throws InvalidEnclavePathException if the path breaks the ROS namespace rules
     */
    public static EnclavePath of(String path) {
        Objects.requireNonNull(path, "path");
        if (path.equals("/")) {
            return ROOT;
        }
        if (path.isEmpty()) {
            throw new InvalidEnclavePathException(path, "empty; the root enclave is \"/\"");
        }
        if (!path.startsWith("/")) {
            throw new InvalidEnclavePathException(path, "must be absolute (start with '/'); resolve relative paths against a namespace");
        }
        if (path.endsWith("/")) {
            throw new InvalidEnclavePathException(path, "must not end with '/'");
        }
        if (path.length() > MAX_LENGTH) {
            throw new InvalidEnclavePathException(path, "longer than " + MAX_LENGTH + " characters");
        }
        checkTokens(path, path.substring(1));
        return new EnclavePath(path);
    }

    /**
     * Resolves an enclave as the enclaves design does for launch files: no enclave means the
     * namespace's own enclave ({@code /} at the top); an absolute enclave is taken as is; a
     * relative enclave is pushed under the namespace ({@code bar} in {@code /foo} is
     * {@code /foo/bar}).
     *
     * @param enclave the enclave attribute, possibly null or empty
     * @param namespace the namespace in scope, absolute
     */
    public static EnclavePath resolve(String enclave, String namespace) {
        EnclavePath ns = of(namespace);
        if (enclave == null || enclave.isEmpty()) {
            return ns;
        }
        if (enclave.startsWith("/")) {
            return of(enclave);
        }
        if (enclave.endsWith("/")) {
            throw new InvalidEnclavePathException(enclave, "must not end with '/'");
        }
        checkTokens(enclave, enclave);
        return of(ns.isRoot() ? "/" + enclave : ns.value + "/" + enclave);
    }

    private static void checkTokens(String path, String tokens) {
        for (String token : tokens.split("/", -1)) {
            if (token.isEmpty()) {
                throw new InvalidEnclavePathException(path, "contains an empty token ('//')");
            }
            if (Character.isDigit(token.charAt(0))) {
                throw new InvalidEnclavePathException(path, "token \"" + token + "\" starts with a digit");
            }
            for (char c : token.toCharArray()) {
                boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
                if (!ok) {
                    throw new InvalidEnclavePathException(path, "character '" + c + "' is not allowed (only letters, digits, '_' and '/')");
                }
            }
        }
    }

    public boolean isRoot() {
        return this == ROOT || value.equals("/");
    }

    /** The directory under {@code enclaves/}: empty for the root enclave, else the path without its leading '/'. */
    public String relativeDirectory() {
        return isRoot() ? "" : value.substring(1);
    }

    /** The identity certificate's subject for this enclave, as SROS 2 writes it. */
    public String commonName() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EnclavePath && ((EnclavePath) o).value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public int compareTo(EnclavePath o) {
        return value.compareTo(o.value);
    }
}
