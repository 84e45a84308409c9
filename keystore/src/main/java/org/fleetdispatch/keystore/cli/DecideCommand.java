package org.fleetdispatch.keystore.cli;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.fleetdispatch.keystore.AccessController;
import org.fleetdispatch.keystore.governance.Governance;
import org.fleetdispatch.keystore.permissions.Action;
import org.fleetdispatch.keystore.permissions.DataTag;
import org.fleetdispatch.keystore.permissions.Decision;
import org.fleetdispatch.keystore.permissions.Permissions;
import org.fleetdispatch.keystore.pki.Pem;
import org.fleetdispatch.keystore.smime.SmimeVerifier;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "decide", description = {
        "Decide one request: prints ALLOW or DENY, then the rule that decided; exit 0 either way.",
        "Exit 1 when a document fails verification or its schema, or the subject has no grant valid at that instant."})
final class DecideCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--permissions", required = true, paramLabel = "P.p7s|P.xml",
            description = "Permissions document: signed (.p7s, needs --permissions-ca) or plain XML (only without --permissions-ca).")
    Path permissionsFile;

    @Option(names = "--governance", paramLabel = "G.p7s|G.xml", description = "Governance document; without it the permissions alone decide.")
    Path governanceFile;

    @Option(names = "--permissions-ca", paramLabel = "CA.pem", description = "Permissions CA that must have signed the documents.")
    Path permissionsCa;

    @Option(names = "--subject", required = true, paramLabel = "DN", description = "Subject as an RFC 4514 distinguished name.")
    String subject;

    @Option(names = "--domain", required = true, paramLabel = "N", description = "Domain id.")
    int domain;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Verb verb;

    static final class Verb {
        @Option(names = "--publish", required = true, description = "Publish (API: write).")
        boolean publish;
        @Option(names = "--subscribe", required = true, description = "Subscribe (API: read).")
        boolean subscribe;
        @Option(names = "--join", required = true, description = "Join the domain.")
        boolean join;
    }

    @Option(names = "--topic", paramLabel = "T", description = "Topic (required unless --join).")
    String topic;

    @Option(names = "--partition", paramLabel = "P", description = "Partition; repeat for several. None means the empty partition.")
    List<String> partitions = new ArrayList<>();

    @Option(names = "--data-tag", paramLabel = "NAME=VALUE", description = "Data tag; repeat for several.")
    List<String> dataTags = new ArrayList<>();

    @Option(names = "--at", paramLabel = "ISO_INSTANT", converter = Options.InstantConverter.class,
            description = "Instant of the decision (default: now).")
    Instant at;

    @Override
    public Integer call() {
        Action action = verb.join ? Action.JOIN : verb.publish ? Action.PUBLISH : Action.SUBSCRIBE;
        if (action != Action.JOIN && topic == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--topic is required with --publish and --subscribe");
        }
        List<DataTag> tags = new ArrayList<>();
        for (String t : dataTags) {
            tags.add(DataTag.parse(t));
        }
        Instant when = at == null ? Instant.now() : at;
        SmimeVerifier verifier = null;
        if (permissionsCa != null) {
            List<X509Certificate> cas = Pem.readCertificates(permissionsCa);
            verifier = new SmimeVerifier(cas);
        }
        Permissions permissions = Permissions.parse(content(permissionsFile, verifier, when), permissionsFile.toString());
        Governance governance = governanceFile == null ? null
                : Governance.parse(content(governanceFile, verifier, when), governanceFile.toString());
        Decision d = new AccessController(governance, permissions, 0)
                .decide(subject, domain, action, topic, partitions, tags, when);
        spec.commandLine().getOut().println(d.verdict());
        spec.commandLine().getOut().println(d.rule());
        return 0;
    }

    // Signed documents are verified against --permissions-ca; plain XML is accepted only when no
    // CA is given (a CA given means the caller wants proof, and plain XML has none).
    private static byte[] content(Path file, SmimeVerifier verifier, Instant at) {
        byte[] bytes = VerifyDocumentCommand.read(file);
        if (verifier != null) {
            return verifier.verify(bytes, file.toString(), at).content();
        }
        if (looksSigned(bytes)) {
            throw new IllegalArgumentException(file + ": a signed document cannot be verified without --permissions-ca;"
                    + " pass the Permissions CA, or the plain .xml to decide unverified");
        }
        return bytes;
    }

    private static boolean looksSigned(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 512), java.nio.charset.StandardCharsets.ISO_8859_1).toLowerCase();
        return head.contains("content-type:") && head.contains("multipart/signed");
    }
}
