package org.fleetdispatch.keystore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import org.fleetdispatch.keystore.error.CertificateValidationException;
import org.fleetdispatch.keystore.error.DocumentException;
import org.fleetdispatch.keystore.error.GrantException;
import org.fleetdispatch.keystore.error.InvalidKeystoreException;
import org.fleetdispatch.keystore.error.KeyMaterialException;
import org.fleetdispatch.keystore.error.SignatureVerificationException;
import org.fleetdispatch.keystore.governance.Governance;
import org.fleetdispatch.keystore.permissions.Grant;
import org.fleetdispatch.keystore.permissions.Permissions;
import org.fleetdispatch.keystore.pki.CertificateAuthority;
import org.fleetdispatch.keystore.pki.IdentityValidation;
import org.fleetdispatch.keystore.pki.IdentityValidator;
import org.fleetdispatch.keystore.pki.KeyPolicy;
import org.fleetdispatch.keystore.pki.Pem;
import org.fleetdispatch.keystore.smime.SmimeVerifier;

/**
 * An enclave loaded the way a DDS participant loads it (rmw_dds_common's file names), every
 * document verified: governance and permissions signed by the Permissions CA, the identity
 * certificate valid against the Identity CA (with {@code crl.pem} if present), the private key
 * belonging to it, and a grant for its subject valid at the instant. Anything less fails closed
 * with the file and the reason.
 */
public final class SecureEnclave {

    private final EnclavePath path;
    private final Path directory;
    private final IdentityValidation identity;
    private final PrivateKey privateKey;
    private final Governance governance;
    private final Permissions permissions;
    private final Grant grant;
    private final IdentityValidator identityValidator;
    private final SmimeVerifier verifier;
    private final AccessController accessController;

    private SecureEnclave(EnclavePath path, Path directory, IdentityValidation identity, PrivateKey privateKey,
                          Governance governance, Permissions permissions, Grant grant, IdentityValidator identityValidator,
                          SmimeVerifier verifier) {
        this.path = path;
        this.directory = directory;
        this.identity = identity;
        this.privateKey = privateKey;
        this.governance = governance;
        this.permissions = permissions;
        this.grant = grant;
        this.identityValidator = identityValidator;
        this.verifier = verifier;
        this.accessController = new AccessController(governance, permissions);
    }

    /** Loads an enclave whose key.pem is not encrypted. */
    public static SecureEnclave load(Path keystoreRoot, EnclavePath enclave, Instant at) {
        return load(keystoreRoot, enclave, at, null);
    }

    /**
     * Loads and verifies an enclave.
     *
     * @param keystoreRoot the keystore (or exported bundle) directory; private/ is not needed
     * @param at the instant certificates, CRLs and the grant must be valid at
     * @param keyPassword for an encrypted key.pem, or null
     * @throws InvalidKeystoreException a file is missing
     * @throws SignatureVerificationException governance.p7s or permissions.p7s is not signed by the Permissions CA
     * @throws DocumentException a document is invalid
     * @throws CertificateValidationException cert.pem does not validate against the Identity CA
     * @throws KeyMaterialException a PEM file is unreadable or key.pem does not belong to cert.pem
     * @throws GrantException the permissions hold no grant for the certificate's subject valid at the instant
     */
    public static SecureEnclave load(Path keystoreRoot, EnclavePath enclave, Instant at, char[] keyPassword) {
        Path enclaves = keystoreRoot.resolve(Layout.ENCLAVES);
        Path dir = enclave.isRoot() ? enclaves : enclaves.resolve(enclave.relativeDirectory());
        if (!Files.isDirectory(dir)) {
            throw new InvalidKeystoreException(dir, "no enclave " + enclave + " in keystore " + keystoreRoot);
        }
        Path permissionsCaFile = dir.resolve(Layout.PERMISSIONS_CA_CERT);
        Path identityCaFile = dir.resolve(Layout.IDENTITY_CA_CERT);
        Path governanceFile = dir.resolve(Layout.GOVERNANCE_P7S);
        Path permissionsFile = dir.resolve(Layout.PERMISSIONS_P7S);
        Path certFile = dir.resolve(Layout.CERT);
        Path keyFile = dir.resolve(Layout.KEY);

        SmimeVerifier verifier = new SmimeVerifier(Pem.readCertificates(KeystoreFiles.read(permissionsCaFile), permissionsCaFile.toString()));
        Governance governance = Governance.parse(
                verifier.verify(KeystoreFiles.read(governanceFile), governanceFile.toString(), at).content(), governanceFile.toString());
        Permissions permissions = Permissions.parse(
                verifier.verify(KeystoreFiles.read(permissionsFile), permissionsFile.toString(), at).content(), permissionsFile.toString());

        IdentityValidator.Builder validator = IdentityValidator.builder()
                .trust(Pem.readCertificates(KeystoreFiles.read(identityCaFile), identityCaFile.toString()));
        Path crlFile = dir.resolve(Layout.CRL);
        if (Files.exists(crlFile)) {
            List<X509CRL> crls = Pem.readCrls(KeystoreFiles.read(crlFile), crlFile.toString());
            validator.crls(crls);
        }
        IdentityValidator identityValidator = validator.build();
        List<X509Certificate> certs = Pem.readCertificates(KeystoreFiles.read(certFile), certFile.toString());
        IdentityValidation identity = identityValidator.validate(certs, at);

        PrivateKey key = Pem.readPrivateKey(KeystoreFiles.read(keyFile), keyFile.toString(), keyPassword);
        KeyPolicy.refusal(identity.certificate().getPublicKey()).ifPresent(r -> {
            throw new KeyMaterialException(certFile.toString(), r);
        });
        if (!CertificateAuthority.keyMatches(identity.certificate().getPublicKey(), key)) {
            throw new KeyMaterialException(keyFile.toString(), "does not belong to the certificate in " + certFile);
        }
        Grant grant = permissions.validGrantFor(identity.subject(), at);
        return new SecureEnclave(enclave, dir, identity, key, governance, permissions, grant, identityValidator, verifier);
    }

    public EnclavePath path() {
        return path;
    }

    public Path directory() {
        return directory;
    }

    /** The validated identity: certificate, chain to the Identity CA, warnings. */
    public IdentityValidation identity() {
        return identity;
    }

    public X509Certificate certificate() {
        return identity.certificate();
    }

    /** The enclave's private key (for TLS and for signing messages); never logged. */
    public PrivateKey privateKey() {
        return privateKey;
    }

    public Governance governance() {
        return governance;
    }

    public Permissions permissions() {
        return permissions;
    }

    /** The grant of this enclave's own subject. */
    public Grant grant() {
        return grant;
    }

    /** Validates other participants' identity certificates against the same Identity CA and CRLs. */
    public IdentityValidator identityValidator() {
        return identityValidator;
    }

    /**
     * Verifies another participant's signed permissions document against this keystore's
     * Permissions CA and parses it, e.g. to decide what a robot may do.
     */
    public Permissions verifyPermissions(byte[] signedDocument, String source, Instant at) {
        return Permissions.parse(verifier.verify(signedDocument, source, at).content(), source);
    }

    /** Decisions under this enclave's governance and permissions documents. */
    public AccessController accessController() {
        return accessController;
    }

    @Override
    public String toString() {
        return "SecureEnclave[" + path + " in " + directory + ", subject " + identity.subject() + "]";
    }
}
