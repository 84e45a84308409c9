package org.fleetdispatch.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the database schema to the version this build expects, before the application serves
 * anything. Flyway owns the schema; JPA only maps it.
 */
@DataSourceDefinition(
        name = SchemaMigration.DATA_SOURCE,
        className = "org.postgresql.ds.PGSimpleDataSource",
        url = "${MPCONFIG=fleetdispatch.db.url}",
        user = "${MPCONFIG=fleetdispatch.db.user}",
        password = "${MPCONFIG=fleetdispatch.db.password}",
        minPoolSize = 2,
        maxPoolSize = 32,
        properties = {
                // Fail a request in seconds when PostgreSQL is unreachable, instead of hanging a thread.
                "connectTimeout=5",
                "ApplicationName=fleetdispatch"
        })
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // Flyway manages its own transactions
public class SchemaMigration {

    public static final String DATA_SOURCE = "java:app/jdbc/fleetdispatch";

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = DATA_SOURCE)
    private DataSource dataSource;

    private volatile String schemaVersion = "none";

    @PostConstruct
    void migrate() {
        MigrateResult result = Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        schemaVersion = result.targetSchemaVersion != null ? result.targetSchemaVersion
                : result.initialSchemaVersion;
        LOG.info(() -> "Database schema at version " + schemaVersion + " (" + result.migrationsExecuted
                + " migrations applied now)");
    }

    /** The schema version reached at startup, for the readiness check. */
    public String schemaVersion() {
        return schemaVersion;
    }
}
