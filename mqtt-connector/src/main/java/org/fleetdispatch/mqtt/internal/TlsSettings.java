package org.fleetdispatch.mqtt.internal;

import java.nio.file.Path;

/**
 * TLS material as PEM files, typically those of an SROS 2 enclave directory.
 *
 * @param caFile               CA certificate(s) the broker's certificate must chain to, or {@code null}
 *                             for the JVM's default trust store
 * @param certFile             client certificate (chain) for mutual TLS, or {@code null}
 * @param keyFile              the client certificate's private key, or {@code null}
 * @param keyPassword          password of an encrypted key, or {@code null}
 * @param hostnameVerification whether the broker's certificate must name the host connected to
 */
public record TlsSettings(Path caFile, Path certFile, Path keyFile, String keyPassword, boolean hostnameVerification) {

    /** File names inside an enclave directory (SROS 2 layout). */
    public static final String ENCLAVE_CA = "identity_ca.cert.pem";
    public static final String ENCLAVE_CERT = "cert.pem";
    public static final String ENCLAVE_KEY = "key.pem";

    /**
     * Reads the TLS settings; {@code null} when none is set (plain TCP, or TLS with the JVM's trust).
     *
     * @param tlsUri whether any server URI uses TLS
     */
    static TlsSettings read(SettingsReader r, boolean tlsUri) {
        String enclave = r.string(ConnectionSettings.TLS_ENCLAVE);
        String ca = r.string(ConnectionSettings.TLS_CA_FILE);
        String cert = r.string(ConnectionSettings.TLS_CERT_FILE);
        String key = r.string(ConnectionSettings.TLS_KEY_FILE);
        String keyPassword = r.string(ConnectionSettings.TLS_KEY_PASSWORD);
        boolean verify = r.bool(ConnectionSettings.TLS_HOSTNAME_VERIFICATION, true);
        if (enclave == null && ca == null && cert == null && key == null) {
            return tlsUri || !verify ? new TlsSettings(null, null, null, null, verify) : null;
        }
        if (!tlsUri) {
            r.problem("TLS files are configured (" + ConnectionSettings.TLS_ENCLAVE + ", "
                    + ConnectionSettings.TLS_CA_FILE + ", " + ConnectionSettings.TLS_CERT_FILE + " or "
                    + ConnectionSettings.TLS_KEY_FILE + ") but no server URI uses ssl:// or wss://");
        }
        Path caPath = pick(r, ConnectionSettings.TLS_CA_FILE, ca, enclave, ENCLAVE_CA);
        Path certPath = pick(r, ConnectionSettings.TLS_CERT_FILE, cert, enclave, ENCLAVE_CERT);
        Path keyPath = pick(r, ConnectionSettings.TLS_KEY_FILE, key, enclave, ENCLAVE_KEY);
        if ((certPath == null) != (keyPath == null)) {
            r.problem(ConnectionSettings.TLS_CERT_FILE + " and " + ConnectionSettings.TLS_KEY_FILE
                    + " go together: set both or neither");
        }
        TlsSettings s = new TlsSettings(caPath, certPath, keyPath, keyPassword, verify);
        if (r.problems().isEmpty()) {
            try {
                s.socketFactory();
            } catch (IllegalArgumentException e) {
                r.problem(e.getMessage());
            }
        }
        return s;
    }

    private static Path pick(SettingsReader r, String property, String explicit, String enclave, String fileName) {
        Path p = explicit != null ? Path.of(explicit) : enclave != null ? Path.of(enclave, fileName) : null;
        if (p != null && !ConnectionSettings.readable(p)) {
            r.problem((explicit != null ? property : ConnectionSettings.TLS_ENCLAVE) + ": " + p
                    + " is not a readable file");
            return null;
        }
        return p;
    }

    /** A socket factory built from the files. */
    public javax.net.ssl.SSLSocketFactory socketFactory() {
        return PemTls.sslContext(this).getSocketFactory();
    }

    @Override
    public String toString() {
        return "TlsSettings[ca=" + caFile + ", cert=" + certFile + ", key=" + keyFile + ", hostnameVerification="
                + hostnameVerification + "]";
    }
}
