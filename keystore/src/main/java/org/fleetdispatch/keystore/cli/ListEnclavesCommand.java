package org.fleetdispatch.keystore.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.fleetdispatch.keystore.EnclavePath;
import org.fleetdispatch.keystore.Keystore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "list-enclaves", description = "List enclave paths, one per line, sorted; the root enclave is /.")
final class ListEnclavesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "Keystore directory.")
    Path dir;

    @Override
    public Integer call() {
        for (EnclavePath e : Keystore.open(dir).listEnclaves()) {
            spec.commandLine().getOut().println(e);
        }
        return 0;
    }
}
