package org.fleetdispatch.keystore.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.fleetdispatch.keystore.EnclavePath;
import org.fleetdispatch.keystore.Keystore;
import org.fleetdispatch.keystore.KeystoreOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "generate-artifacts", description = "Create the keystore if needed, enclaves, and permissions from policies.")
final class GenerateArtifactsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "Keystore directory (created if it is not a keystore).")
    Path dir;

    @Option(names = {"--enclaves", "-e"}, arity = "1..*", paramLabel = "ENCLAVE_PATH", description = "Enclaves to create.")
    List<String> enclaves = new ArrayList<>();

    @Option(names = {"--policies", "-p"}, arity = "1..*", paramLabel = "POLICY.xml", description = "Policies whose enclaves get permissions.")
    List<Path> policies = new ArrayList<>();

    @Option(names = "--key-password-env", paramLabel = "VAR", description = "Password of the CA keys, from environment variable VAR.")
    String passwordEnv;

    @Override
    public Integer call() {
        List<EnclavePath> paths = new ArrayList<>();
        for (String e : enclaves) {
            paths.add(EnclavePath.of(e));
        }
        Keystore ks = Keystore.generateArtifacts(dir, KeystoreOptions.defaults().withKeyPassword(Options.password(passwordEnv)),
                paths, policies);
        for (EnclavePath e : ks.listEnclaves()) {
            spec.commandLine().getOut().println(e);
        }
        return 0;
    }
}
