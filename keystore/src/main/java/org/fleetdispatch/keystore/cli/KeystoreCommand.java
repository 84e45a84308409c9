package org.fleetdispatch.keystore.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.fleetdispatch.keystore.error.KeystoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code fleetdispatch keystore <command>}: SROS 2 keystores, signed documents, decisions. */
@Command(name = "keystore",
        mixinStandardHelpOptions = true,
        version = "fleetdispatch keystore 0.1.0",
        description = "SROS 2-compatible keystores, DDS-Security signed documents and access decisions.",
        subcommands = {
                CreateKeystoreCommand.class,
                CreateEnclaveCommand.class,
                CreatePermissionCommand.class,
                GenerateArtifactsCommand.class,
                ListEnclavesCommand.class,
                ExportEnclaveCommand.class,
                VerifyDocumentCommand.class,
                VerifyCertCommand.class,
                DecideCommand.class,
                CommandLine.HelpCommand.class
        })
public final class KeystoreCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(out, err, args));
    }

    /** Runs a command line; returns the exit code (0 done, 1 refused with a reason, 2 usage). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new KeystoreCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof KeystoreException || e instanceof IllegalArgumentException) {
                commandLine.getErr().println("error: " + e.getMessage());
                commandLine.getErr().flush();
                return 1;
            }
            throw e;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
