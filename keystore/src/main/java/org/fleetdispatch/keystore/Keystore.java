package org.fleetdispatch.keystore;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.fleetdispatch.keystore.dds.DomainIdSet;
import org.fleetdispatch.keystore.error.DocumentException;
import org.fleetdispatch.keystore.error.InvalidKeystoreException;
import org.fleetdispatch.keystore.governance.DomainRule;
import org.fleetdispatch.keystore.governance.Governance;
import org.fleetdispatch.keystore.permissions.Grant;
import org.fleetdispatch.keystore.permissions.Permissions;
import org.fleetdispatch.keystore.permissions.PermissionsWriter;
import org.fleetdispatch.keystore.pki.CertificateAuthority;
import org.fleetdispatch.keystore.pki.Pem;
import org.fleetdispatch.keystore.pki.Validity;
import org.fleetdispatch.keystore.policy.SecurityPolicy;
import org.fleetdispatch.keystore.smime.SmimeSigner;
import org.fleetdispatch.keystore.smime.SmimeVerifier;

/**
 * An SROS 2 keystore directory: what {@code ros2 security create_keystore} and
 * {@code create_enclave} write, byte-compatible, plus what SROS 2 cannot do (separate Identity and
 * Permissions CAs, an intermediate CA, configurable validity, encrypted CA keys).
 *
 * <pre>
 * ROOT/public/ca.cert.pem, identity_ca.cert.pem -&gt; ca.cert.pem, permissions_ca.cert.pem -&gt; ca.cert.pem
 * ROOT/private/ca.key.pem (0600), identity_ca.key.pem -&gt; ca.key.pem, permissions_ca.key.pem -&gt; ca.key.pem
 * ROOT/enclaves/governance.xml, governance.p7s
 * ROOT/enclaves/&lt;path&gt;/cert.pem key.pem permissions.xml permissions.p7s and links
 *     governance.p7s, identity_ca.cert.pem, permissions_ca.cert.pem
 * </pre>
 *
 * <p>Signing operations need the CA keys in {@code private/}; loading an enclave
 * ({@link SecureEnclave#load}) does not, so a deployed bundle without {@code private/} loads.
 */
public final class Keystore {

    private final Path root;
    private final char[] password;
    private final Clock clock;
    private final int days;

    private Keystore(Path root, char[] password, Clock clock, int days) {
        this.root = root;
        this.password = password == null ? null : password.clone();
        this.clock = clock;
        this.days = days;
    }

    /** Whether the directory is a keystore by SROS 2's definition (CA certificates, CA keys, governance.p7s). */
    public static boolean isValid(Path root) {
        return Files.isRegularFile(root.resolve(Layout.PUBLIC).resolve(Layout.PERMISSIONS_CA_CERT))
                && Files.isRegularFile(root.resolve(Layout.PUBLIC).resolve(Layout.IDENTITY_CA_CERT))
                && Files.isRegularFile(root.resolve(Layout.PRIVATE).resolve(Layout.PERMISSIONS_CA_KEY))
                && Files.isRegularFile(root.resolve(Layout.PRIVATE).resolve(Layout.IDENTITY_CA_KEY))
                && Files.isRegularFile(root.resolve(Layout.ENCLAVES).resolve(Layout.GOVERNANCE_P7S));
    }

    /**
     * Creates a keystore.
     *
     * @throws InvalidKeystoreException if the directory already holds a keystore
     */
    public static Keystore create(Path root, KeystoreOptions options) {
        if (isValid(root)) {
            throw new InvalidKeystoreException(root, "already a keystore; refusing to overwrite its CAs");
        }
        Path pub = root.resolve(Layout.PUBLIC);
        Path priv = root.resolve(Layout.PRIVATE);
        Path enclaves = root.resolve(Layout.ENCLAVES);
        KeystoreFiles.mkdirs(pub);
        KeystoreFiles.mkdirsPrivate(priv);
        KeystoreFiles.mkdirs(enclaves);
        char[] password = options.keyPassword();
        Instant now = options.clock().instant();
        Validity validity = Validity.days(now, options.days());

        CertificateAuthority identity;
        CertificateAuthority permissions;
        if (options.splitCa()) {
            identity = CertificateAuthority.selfSigned(Layout.IDENTITY_CA_NAME, validity, 1);
            permissions = CertificateAuthority.selfSigned(Layout.PERMISSIONS_CA_NAME, validity, 1);
            writeCa(pub.resolve(Layout.IDENTITY_CA_CERT), priv.resolve(Layout.IDENTITY_CA_KEY), identity, password);
            writeCa(pub.resolve(Layout.PERMISSIONS_CA_CERT), priv.resolve(Layout.PERMISSIONS_CA_KEY), permissions, password);
        } else {
            identity = CertificateAuthority.selfSigned(Layout.DEFAULT_CA_NAME, validity, 1);
            permissions = identity;
            writeCa(pub.resolve(Layout.CA_CERT), priv.resolve(Layout.CA_KEY), identity, password);
            for (String name : List.of(Layout.IDENTITY_CA_CERT, Layout.PERMISSIONS_CA_CERT)) {
                KeystoreFiles.link(pub.resolve(name), pub.resolve(Layout.CA_CERT));
            }
            for (String name : List.of(Layout.IDENTITY_CA_KEY, Layout.PERMISSIONS_CA_KEY)) {
                KeystoreFiles.link(priv.resolve(name), priv.resolve(Layout.CA_KEY));
            }
        }
        if (options.intermediate()) {
            CertificateAuthority intermediate = identity.issueIntermediate(Layout.INTERMEDIATE_CA_NAME, validity);
            writeCa(pub.resolve(Layout.INTERMEDIATE_CA_CERT), priv.resolve(Layout.INTERMEDIATE_CA_KEY), intermediate, password);
        }

        byte[] governance = GovernanceTemplate.forDomain(options.domainId()).getBytes(UTF_8);
        Path governanceXml = enclaves.resolve(Layout.GOVERNANCE_XML);
        // Validate before writing, as SROS 2 does: a keystore never holds a document we would refuse.
        Governance.parse(governance, governanceXml.toString());
        KeystoreFiles.write(governanceXml, governance);
        KeystoreFiles.write(enclaves.resolve(Layout.GOVERNANCE_P7S),
                SmimeSigner.sign(governance, permissions.certificate(), permissions.privateKey(), now));
        return new Keystore(root, password, options.clock(), options.days());
    }

    /** Opens an existing keystore whose CA keys are not encrypted. */
    public static Keystore open(Path root) {
        return open(root, null, Clock.systemUTC(), Validity.DEFAULT_DAYS);
    }

    /**
     * Opens an existing keystore.
     *
     * @param password of the CA keys in {@code private/}, or null
     * @param days validity of the enclave certificates it will issue
     */
    public static Keystore open(Path root, char[] password, Clock clock, int days) {
        if (!Files.isDirectory(root)) {
            throw new InvalidKeystoreException(root, "not a directory");
        }
        for (Path required : List.of(
                root.resolve(Layout.PUBLIC).resolve(Layout.IDENTITY_CA_CERT),
                root.resolve(Layout.PUBLIC).resolve(Layout.PERMISSIONS_CA_CERT),
                root.resolve(Layout.ENCLAVES).resolve(Layout.GOVERNANCE_P7S))) {
            KeystoreFiles.requireFile(required);
        }
        return new Keystore(root, password, clock, days);
    }

    public Path root() {
        return root;
    }

    /** The directory of an enclave: {@code enclaves/} itself for the root enclave. */
    public Path enclaveDirectory(EnclavePath enclave) {
        Path enclaves = root.resolve(Layout.ENCLAVES);
        return enclave.isRoot() ? enclaves : enclaves.resolve(enclave.relativeDirectory());
    }

    /**
     * Creates an enclave as {@code ros2 security create_enclave} does: directory, links to the CA
     * certificates and governance, a P-256 key and identity certificate {@code CN=<path>} (only if
     * either is missing), and, if it has none yet, the allow-all permissions SROS 2 starts with.
     * Unlike SROS 2, existing permissions are never overwritten: re-running create-enclave must
     * not widen what a policy narrowed.
     */
    public Path createEnclave(EnclavePath enclave) {
        Path dir = enclaveDirectory(enclave);
        KeystoreFiles.mkdirs(dir);
        Path pub = root.resolve(Layout.PUBLIC);
        KeystoreFiles.link(dir.resolve(Layout.IDENTITY_CA_CERT), pub.resolve(Layout.IDENTITY_CA_CERT));
        KeystoreFiles.link(dir.resolve(Layout.PERMISSIONS_CA_CERT), pub.resolve(Layout.PERMISSIONS_CA_CERT));
        KeystoreFiles.link(dir.resolve(Layout.GOVERNANCE_P7S), root.resolve(Layout.ENCLAVES).resolve(Layout.GOVERNANCE_P7S));

        Path cert = dir.resolve(Layout.CERT);
        Path key = dir.resolve(Layout.KEY);
        if (!Files.isRegularFile(cert) || !Files.isRegularFile(key)) {
            CertificateAuthority issuer = identityIssuer();
            KeyPair keys = CertificateAuthority.generateKeyPair();
            X509Certificate leaf = issuer.issueIdentity(enclave.commonName(), keys.getPublic(),
                    Validity.days(clock.instant(), days));
            List<X509Certificate> chain = new ArrayList<>();
            chain.add(leaf);
            if (!issuer.issuers().isEmpty()) {
                // cert.pem carries the intermediate so that peers trusting the root can build the chain.
                chain.add(issuer.certificate());
            }
            // Enclave keys stay unencrypted: rmw_dds_common hands key.pem to DDS without a password.
            KeystoreFiles.writeSecret(key, Pem.privateKey(keys.getPrivate(), null));
            KeystoreFiles.write(cert, Pem.certificates(chain));
        }
        if (!Files.isRegularFile(dir.resolve(Layout.PERMISSIONS_P7S))) {
            writePermissions(dir, SecurityPolicy.allowAll(enclave.toString()), enclave);
        }
        return dir;
    }

    /**
     * Writes an enclave's permissions from a policy (SROS 2 {@code policy.xml} or the Fleet
     * Dispatch form), validity copied from its certificate as SROS 2 does.
     *
     * @throws DocumentException if the policy is invalid or has no such enclave
     * @throws InvalidKeystoreException if the enclave has no certificate yet
     */
    public void createPermission(EnclavePath enclave, Path policyFile) {
        SecurityPolicy policy = SecurityPolicy.load(policyFile);
        if (!policy.enclavePaths().contains(enclave.toString())) {
            throw new DocumentException(policyFile.toString(), "/policy/enclaves", -1, enclave.toString(),
                    "no <enclave path=\"" + enclave + "\"> in the policy (it has " + policy.enclavePaths() + ")");
        }
        writePermissions(enclaveDirectory(enclave), policy, enclave);
    }

    /**
     * What {@code ros2 security generate_artifacts} does: creates the keystore if needed (with
     * {@code options}), the listed enclaves, and for each policy every enclave it names with its
     * permissions.
     */
    public static Keystore generateArtifacts(Path root, KeystoreOptions options, List<EnclavePath> enclaves, List<Path> policies) {
        Keystore ks = isValid(root) ? open(root, options.keyPassword(), options.clock(), options.days()) : create(root, options);
        for (EnclavePath e : enclaves) {
            ks.createEnclave(e);
        }
        for (Path policyFile : policies) {
            SecurityPolicy policy = SecurityPolicy.load(policyFile);
            for (String path : policy.enclavePaths()) {
                EnclavePath e = EnclavePath.of(path);
                ks.createEnclave(e);
                ks.writePermissions(ks.enclaveDirectory(e), policy, e);
            }
        }
        return ks;
    }

    private void writePermissions(Path dir, SecurityPolicy policy, EnclavePath enclave) {
        Path certFile = dir.resolve(Layout.CERT);
        if (!Files.isRegularFile(certFile)) {
            throw new InvalidKeystoreException(certFile, "missing: create the enclave " + enclave + " before its permissions");
        }
        X509Certificate cert = Pem.readCertificate(certFile);
        Validity validity = new Validity(cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant());
        Grant grant = policy.grant(enclave.toString(), domains(), validity).orElseThrow();
        byte[] xml = PermissionsWriter.write(List.of(grant)).getBytes(UTF_8);
        Path xmlFile = dir.resolve(Layout.PERMISSIONS_XML);
        // Validate before writing, as SROS 2 does.
        Permissions.parse(xml, xmlFile.toString());
        CertificateAuthority signer = permissionsCa();
        KeystoreFiles.write(xmlFile, xml);
        KeystoreFiles.write(dir.resolve(Layout.PERMISSIONS_P7S), SmimeSigner.sign(xml, signer.certificate(), signer.privateKey(), clock.instant()));
    }

    // The domains of the keystore's (verified) governance: permissions written here cover exactly
    // what create-keystore --domain-id put there, instead of reading ROS_DOMAIN_ID behind the caller's back.
    private DomainIdSet domains() {
        Path p7s = root.resolve(Layout.ENCLAVES).resolve(Layout.GOVERNANCE_P7S);
        Path caFile = root.resolve(Layout.PUBLIC).resolve(Layout.PERMISSIONS_CA_CERT);
        byte[] xml = new SmimeVerifier(Pem.readCertificates(caFile)).verify(KeystoreFiles.read(p7s), p7s.toString(), clock.instant()).content();
        List<DomainIdSet.Range> ranges = new ArrayList<>();
        for (DomainRule r : Governance.parse(xml, p7s.toString()).domainRules()) {
            ranges.addAll(r.domains().ranges());
        }
        return new DomainIdSet(ranges);
    }

    /** Enclave paths that hold a key.pem, sorted; the root enclave is {@code /}. */
    public List<EnclavePath> listEnclaves() {
        Path enclaves = root.resolve(Layout.ENCLAVES);
        List<EnclavePath> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(enclaves)) {
            files.filter(p -> p.getFileName().toString().equals(Layout.KEY) && Files.isRegularFile(p)).forEach(p -> {
                Path rel = enclaves.relativize(p.getParent());
                out.add(rel.toString().isEmpty() ? EnclavePath.ROOT : EnclavePath.of("/" + rel.toString().replace('\\', '/')));
            });
        } catch (IOException e) {
            throw new InvalidKeystoreException(enclaves, "cannot be listed: " + e.getMessage(), e);
        }
        out.sort(null);
        return out;
    }

    /**
     * Writes what one robot or process needs and nothing more: {@code public/}, the governance
     * documents and the enclave's own directory (links kept as links), never {@code private/}
     * nor other enclaves. The result is a keystore {@link SecureEnclave#load} accepts.
     *
     * @param out a directory that does not exist yet or is empty
     */
    public Path exportEnclave(EnclavePath enclave, Path out) {
        Path dir = enclaveDirectory(enclave);
        KeystoreFiles.requireFile(dir.resolve(Layout.CERT));
        try {
            if (Files.exists(out)) {
                try (Stream<Path> s = Files.list(out)) {
                    if (s.findAny().isPresent()) {
                        throw new InvalidKeystoreException(out, "exists and is not empty; refusing to mix bundles");
                    }
                }
            }
        } catch (IOException e) {
            throw new InvalidKeystoreException(out, "cannot be inspected: " + e.getMessage(), e);
        }
        Path pub = root.resolve(Layout.PUBLIC);
        KeystoreFiles.mkdirs(out.resolve(Layout.PUBLIC));
        copyFiles(pub, out.resolve(Layout.PUBLIC));
        Path outEnclaves = out.resolve(Layout.ENCLAVES);
        KeystoreFiles.mkdirs(outEnclaves);
        for (String name : List.of(Layout.GOVERNANCE_XML, Layout.GOVERNANCE_P7S)) {
            Path f = root.resolve(Layout.ENCLAVES).resolve(name);
            if (Files.exists(f)) {
                KeystoreFiles.copyEntry(f, outEnclaves.resolve(name));
            }
        }
        Path outDir = enclave.isRoot() ? outEnclaves : outEnclaves.resolve(enclave.relativeDirectory());
        KeystoreFiles.mkdirs(outDir);
        copyFiles(dir, outDir);
        return out;
    }

    private static void copyFiles(Path from, Path to) {
        try (Stream<Path> entries = Files.list(from)) {
            for (Path p : (Iterable<Path>) entries.sorted()::iterator) {
                Path target = to.resolve(p.getFileName().toString());
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) || Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                KeystoreFiles.copyEntry(p, target);
            }
        } catch (IOException e) {
            throw new InvalidKeystoreException(from, "cannot be listed: " + e.getMessage(), e);
        }
    }

    /** Loads and verifies an enclave of this keystore at the instant (see {@link SecureEnclave#load}). */
    public SecureEnclave loadEnclave(EnclavePath enclave, Instant at) {
        return SecureEnclave.load(root, enclave, at, password);
    }

    // The CA that signs enclave certificates: the intermediate if the keystore has one.
    private CertificateAuthority identityIssuer() {
        Path pub = root.resolve(Layout.PUBLIC);
        Path priv = root.resolve(Layout.PRIVATE);
        Path identityCert = pub.resolve(Layout.IDENTITY_CA_CERT);
        if (Files.isRegularFile(pub.resolve(Layout.INTERMEDIATE_CA_CERT))) {
            X509Certificate intermediate = Pem.readCertificate(pub.resolve(Layout.INTERMEDIATE_CA_CERT));
            return CertificateAuthority.of(intermediate, readCaKey(priv.resolve(Layout.INTERMEDIATE_CA_KEY)),
                    List.of(Pem.readCertificate(identityCert)));
        }
        return CertificateAuthority.of(Pem.readCertificate(identityCert), readCaKey(priv.resolve(Layout.IDENTITY_CA_KEY)), List.of());
    }

    private CertificateAuthority permissionsCa() {
        return CertificateAuthority.of(Pem.readCertificate(root.resolve(Layout.PUBLIC).resolve(Layout.PERMISSIONS_CA_CERT)),
                readCaKey(root.resolve(Layout.PRIVATE).resolve(Layout.PERMISSIONS_CA_KEY)), List.of());
    }

    private PrivateKey readCaKey(Path file) {
        if (!Files.exists(file)) {
            throw new InvalidKeystoreException(file, "missing: signing needs the CA keys in private/ (a deployed bundle has none)");
        }
        return Pem.readPrivateKey(KeystoreFiles.read(file), file.toString(), password);
    }

    private static void writeCa(Path certFile, Path keyFile, CertificateAuthority ca, char[] password) {
        KeystoreFiles.write(certFile, Pem.certificate(ca.certificate()));
        KeystoreFiles.writeSecret(keyFile, Pem.privateKey(ca.privateKey(), password));
    }

    @Override
    public String toString() {
        return "Keystore[" + root + "]";
    }

    /** Forgets the CA key password held in memory. */
    public void clearPassword() {
        if (password != null) {
            Arrays.fill(password, '\0');
        }
    }
}
