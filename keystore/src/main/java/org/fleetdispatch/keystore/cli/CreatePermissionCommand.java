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

@Command(name = "create-permission", description = "Write an enclave's permissions from a policy (SROS 2 policy.xml or Fleet Dispatch form).")
final class CreatePermissionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "Keystore directory.")
    Path dir;

    @Parameters(index = "1", paramLabel = "ENCLAVE_PATH", description = "Enclave path as named in the policy.")
    String enclave;

    @Parameters(index = "2", paramLabel = "POLICY.xml", description = "Policy file.")
    Path policy;

    @Option(names = "--key-password-env", paramLabel = "VAR", description = "Password of the CA keys, from environment variable VAR.")
    String passwordEnv;

    @Override
    public Integer call() {
        Keystore ks = Keystore.open(dir, Options.password(passwordEnv), Clock.systemUTC(), Validity.DEFAULT_DAYS);
        EnclavePath path = EnclavePath.of(enclave);
        ks.createPermission(path, policy);
        spec.commandLine().getOut().println("wrote permissions of " + path + " in " + ks.enclaveDirectory(path));
        return 0;
    }
}
