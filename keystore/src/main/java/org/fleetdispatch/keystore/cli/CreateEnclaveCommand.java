package org.fleetdispatch.keystore.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.fleetdispatch.keystore.EnclavePath;
import org.fleetdispatch.keystore.Keystore;
import org.fleetdispatch.keystore.pki.Validity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "create-enclave", description = "Create an enclave: key, identity certificate, links, default permissions.")
final class CreateEnclaveCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "Keystore directory.")
    Path dir;

    @Parameters(index = "1", paramLabel = "ENCLAVE_PATH", description = "Enclave path, e.g. /robots/acme/agv1.")
    String enclave;

    @Option(names = "--days", paramLabel = "N", defaultValue = "" + Validity.DEFAULT_DAYS,
            description = "Certificate validity in days (default ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--key-password-env", paramLabel = "VAR", description = "Password of the CA keys, from environment variable VAR.")
    String passwordEnv;

    @Override
    public Integer call() {
        Keystore ks = Keystore.open(dir, Options.password(passwordEnv), Clock.systemUTC(), days);
        EnclavePath path = EnclavePath.of(enclave);
        Path created = ks.createEnclave(path);
        spec.commandLine().getOut().println("created enclave " + path + " in " + created);
        return 0;
    }
}
