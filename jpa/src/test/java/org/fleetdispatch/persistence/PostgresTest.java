package org.fleetdispatch.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.fleetdispatch.launcher.EmbeddedDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Base of tests that run the persistence unit against a real PostgreSQL migrated by Flyway, with
 * EclipseLink (the provider Payara bundles) outside the container: resource-local transactions
 * instead of JTA, the same mappings and queries.
 */
public abstract class PostgresTest {

    private static EmbeddedDatabase database;
    protected static EntityManagerFactory factory;

    @BeforeAll
    static void startDatabase() throws Exception {
        if (database != null) {
            return;
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        database = EmbeddedDatabase.start(Files.createTempDirectory("fd-jpa-test"), port, EmbeddedDatabase.Durability.THROWAWAY);
        Flyway.configure().dataSource(database.jdbcUrl(), EmbeddedDatabase.USER, "").load().migrate();
        factory = Persistence.createEntityManagerFactory("fleetdispatch", Map.of(
                "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
                "jakarta.persistence.jtaDataSource", "",
                "jakarta.persistence.jdbc.driver", "org.postgresql.Driver",
                "jakarta.persistence.jdbc.url", database.jdbcUrl(),
                "jakarta.persistence.jdbc.user", EmbeddedDatabase.USER,
                "jakarta.persistence.jdbc.password", ""));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            factory.close();
            database.close();
        }));
    }

    /** The database's JDBC URL, for tests that work beside the persistence unit (a schema of their own). */
    protected static String jdbcUrl() {
        return database.jdbcUrl();
    }

    @AfterAll
    static void keepRunning() {
        // one database for every test class in the JVM; the shutdown hook stops it
    }

    /** Runs {@code work} in a transaction of its own, commits, and returns what it returned. */
    protected static <T> T fetch(Function<EntityManager, T> work) {
        EntityManager em = factory.createEntityManager();
        try {
            em.getTransaction().begin();
            T result = work.apply(em);
            em.getTransaction().commit();
            return result;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    /** Runs {@code work} in a transaction of its own and commits. */
    protected static void inTransaction(Consumer<EntityManager> work) {
        fetch(em -> {
            work.accept(em);
            return null;
        });
    }
}
