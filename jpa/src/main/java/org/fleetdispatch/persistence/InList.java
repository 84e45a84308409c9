package org.fleetdispatch.persistence;

import jakarta.persistence.Query;
import java.util.Collection;
import java.util.StringJoiner;

/** A native query's {@code in (…)} list: positional parameters, every value bound, none written into the SQL. */
public final class InList {

    private InList() {
    }

    /** {@code ?1, ?2, …, ?count}. */
    public static String placeholders(int count) {
        StringJoiner placeholders = new StringJoiner(", ");
        for (int i = 1; i <= count; i++) {
            placeholders.add("?" + i);
        }
        return placeholders.toString();
    }

    /** Binds {@code values} to {@code ?1, ?2, …} in their iteration order. */
    public static Query bind(Query query, Collection<?> values) {
        int i = 1;
        for (Object value : values) {
            query.setParameter(i++, value);
        }
        return query;
    }
}
