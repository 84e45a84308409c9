package org.fleetdispatch.keystore.cli;

import org.fleetdispatch.keystore.pki.DistinguishedName;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.fleetdispatch.keystore.pki.IdentityValidation;
import org.fleetdispatch.keystore.pki.IdentityValidator;
import org.fleetdispatch.keystore.pki.Pem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "verify-cert", description = "Validate an identity certificate against the Identity CA (chains, alternative CAs, CRLs).")
final class VerifyCertCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--ca", required = true, paramLabel = "CA.pem", description = "Trusted Identity CA(s); repeat for alternative CAs.")
    List<Path> cas;

    @Option(names = "--untrusted", paramLabel = "INTERMEDIATES.pem", description = "Intermediate CA certificates (not trusted by themselves).")
    List<Path> untrusted = new ArrayList<>();

    @Option(names = "--crl", paramLabel = "CRL.pem", description = "CRL file; repeat for several issuers.")
    List<Path> crls = new ArrayList<>();

    @Option(names = "--at", paramLabel = "ISO_INSTANT", converter = Options.InstantConverter.class,
            description = "Instant of validation (default: now).")
    Instant at;

    @Parameters(index = "0", paramLabel = "CERT", description = "Certificate (followed by its chain, if any) in PEM.")
    Path cert;

    @Override
    public Integer call() {
        IdentityValidator.Builder b = IdentityValidator.builder();
        for (Path p : cas) {
            b.trust(Pem.readCertificates(p));
        }
        for (Path p : untrusted) {
            b.intermediates(Pem.readCertificates(p));
        }
        for (Path p : crls) {
            b.crls(Pem.readCrls(p));
        }
        IdentityValidation v = b.build().validate(Pem.readCertificates(cert), at == null ? Instant.now() : at);
        List<String> chain = new ArrayList<>();
        for (X509Certificate c : v.path()) {
            chain.add(DistinguishedName.display(c.getSubjectX500Principal()));
        }
        spec.commandLine().getOut().println("OK: " + chain.get(0));
        spec.commandLine().getOut().println("chain: " + String.join(" <- ", chain));
        for (String w : v.warnings()) {
            spec.commandLine().getErr().println("warning: " + w);
        }
        return 0;
    }
}
