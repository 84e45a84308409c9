package org.fleetdispatch.keystore.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.fleetdispatch.keystore.EnclavePath;
import org.fleetdispatch.keystore.Keystore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "export-enclave", description = "Write a deployable bundle of one enclave (public/, governance, the enclave; no private/).")
final class ExportEnclaveCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "Keystore directory.")
    Path dir;

    @Parameters(index = "1", paramLabel = "PATH", description = "Enclave path.")
    String enclave;

    @Parameters(index = "2", paramLabel = "OUT", description = "Bundle directory to create (must not exist or be empty).")
    Path out;

    @Override
    public Integer call() {
        EnclavePath path = EnclavePath.of(enclave);
        Keystore.open(dir).exportEnclave(path, out);
        spec.commandLine().getOut().println("exported enclave " + path + " to " + out);
        return 0;
    }
}
