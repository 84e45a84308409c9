/**
 * What the application needs from the platform before anything else runs: the PostgreSQL data
 * source, the schema (Flyway), and the readiness checks behind {@code GET /health}.
 *
 * <p>Settings are MicroProfile Config names ({@code fleetdispatch.db.url} …), which Payara resolves
 * from environment variables ({@code FLEETDISPATCH_DB_URL} …) or system properties. The resources are
 * defined with Payara's {@code ${MPCONFIG=…}} references because they are created before the
 * application's own configuration is readable.
 *
 * <p>Also small tools the other packages share: {@link org.fleetdispatch.platform.Worker}, a thread of the
 * application woken after commits, {@link org.fleetdispatch.platform.AfterCommit}, work for once a
 * transaction has committed, and {@link org.fleetdispatch.platform.Timers}, where MicroProfile timers are
 * created one at a time (ADR 0012).
 */
package org.fleetdispatch.platform;
