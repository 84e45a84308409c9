package org.fleetdispatch.api.json;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * ISO-8601 timestamps as clients send them. Python clients of Isaac Mission Dispatch often send naive
 * date-times ({@code datetime.isoformat()} without an offset); those are read as UTC, which is what the
 * server writes.
 */
public final class Timestamps {

    private Timestamps() {
    }

    /** The instant, or empty when the text is no ISO-8601 date-time (or date); {@code null} stays empty. */
    public static Optional<Instant> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim();
        try {
            return Optional.of(OffsetDateTime.parse(t).toInstant());
        } catch (DateTimeParseException notOffset) {
            try {
                return Optional.of(LocalDateTime.parse(t).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException notLocal) {
                try {
                    return Optional.of(LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC));
                } catch (DateTimeParseException notDate) {
                    return Optional.empty();
                }
            }
        }
    }
}
