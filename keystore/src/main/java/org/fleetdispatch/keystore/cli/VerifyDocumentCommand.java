package org.fleetdispatch.keystore.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.fleetdispatch.keystore.error.InvalidKeystoreException;
import org.fleetdispatch.keystore.pki.Pem;
import org.fleetdispatch.keystore.smime.SignedDocument;
import org.fleetdispatch.keystore.smime.SmimeVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "verify-document", description = "Verify a signed governance or permissions document as DDS Security does; print its content.")
final class VerifyDocumentCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--ca", required = true, paramLabel = "CA.pem", description = "The Permissions CA certificate(s).")
    Path ca;

    @Option(names = "--at", paramLabel = "ISO_INSTANT", converter = Options.InstantConverter.class,
            description = "Instant the CA must be valid at (default: now).")
    Instant at;

    @Parameters(index = "0", paramLabel = "DOC", description = "The S/MIME signed document (.p7s).")
    Path document;

    @Override
    public Integer call() {
        byte[] bytes = read(document);
        SignedDocument doc = new SmimeVerifier(Pem.readCertificates(ca)).verify(bytes, document.toString(), at == null ? Instant.now() : at);
        spec.commandLine().getOut().print(doc.text());
        return 0;
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InvalidKeystoreException(file, "cannot be read: " + e.getMessage(), e);
        }
    }
}
