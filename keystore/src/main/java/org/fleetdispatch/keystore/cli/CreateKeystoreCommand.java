package org.fleetdispatch.keystore.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.fleetdispatch.keystore.Keystore;
import org.fleetdispatch.keystore.KeystoreOptions;
import org.fleetdispatch.keystore.pki.Validity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "create-keystore", description = "Create an SROS 2 keystore (CA, governance).")
final class CreateKeystoreCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "Keystore directory.")
    Path dir;

    @Option(names = "--split-ca", description = "Separate Identity and Permissions CAs instead of one CA linked twice.")
    boolean splitCa;

    @Option(names = "--intermediate", description = "Issue enclave certificates from an intermediate CA below the Identity CA.")
    boolean intermediate;

    @Option(names = "--domain-id", paramLabel = "N", defaultValue = "0", description = "Domain id for governance (default ${DEFAULT-VALUE}).")
    int domainId;

    @Option(names = "--days", paramLabel = "N", defaultValue = "" + Validity.DEFAULT_DAYS,
            description = "Certificate validity in days (default ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--key-password-env", paramLabel = "VAR", description = "Encrypt the CA keys with the password in environment variable VAR.")
    String passwordEnv;

    @Override
    public Integer call() {
        KeystoreOptions options = KeystoreOptions.defaults().withSplitCa(splitCa).withIntermediate(intermediate)
                .withDomainId(domainId).withDays(days).withKeyPassword(Options.password(passwordEnv));
        Keystore ks = Keystore.create(dir, options);
        spec.commandLine().getOut().println("created keystore " + ks.root());
        return 0;
    }
}
