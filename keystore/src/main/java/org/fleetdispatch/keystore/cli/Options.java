package org.fleetdispatch.keystore.cli;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine;

/** Shared option types. */
final class Options {

    private Options() {
    }

    /** {@code --at}: an ISO-8601 instant ({@code 2026-11-22T12:00:00Z}); without a zone, UTC. */
    static final class InstantConverter implements CommandLine.ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException e) {
                try {
                    return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException e2) {
                    throw new CommandLine.TypeConversionException("'" + value + "' is not an ISO-8601 instant such as 2026-11-22T12:00:00Z");
                }
            }
        }
    }

    /** Reads a key password from the environment variable named by the option, never from argv. */
    static char[] password(String environmentVariable) {
        if (environmentVariable == null) {
            return null;
        }
        String value = System.getenv(environmentVariable);
        if (value == null) {
            throw new IllegalArgumentException("environment variable " + environmentVariable + " (key password) is not set");
        }
        return value.toCharArray();
    }
}
