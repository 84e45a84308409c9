package org.fleetdispatch.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * {@link Instant} columns as {@code timestamptz}. Jakarta Persistence 3.1 (EclipseLink 4.0, which
 * Payara 6 bundles) does not know {@code Instant} and would serialise it to {@code bytea}; it knows
 * {@link OffsetDateTime}, which the PostgreSQL driver binds as a timestamp with time zone.
 */
@Converter(autoApply = true)
public class InstantConverter implements AttributeConverter<Instant, OffsetDateTime> {

    @Override
    public OffsetDateTime convertToDatabaseColumn(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    @Override
    public Instant convertToEntityAttribute(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
