package org.fleetdispatch.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A PostgreSQL server from the zonky binaries, listening on 127.0.0.1 only, with its data in a
 * directory that outlives it: starting again on the same directory finds everything as it was.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    /** The database the application uses; created on first start. */
    public static final String DATABASE = "fleetdispatch";
    public static final String USER = "postgres";

    private final EmbeddedPostgres postgres;
    private final int port;

    private EmbeddedDatabase(EmbeddedPostgres postgres, int port) {
        this.postgres = postgres;
        this.port = port;
    }

    /** Whether a commit must survive a crash of the machine, or only a test run. */
    public enum Durability {
        /** fsync and synchronous commit on: what {@code ./fleetdispatch run} keeps, it keeps. */
        DURABLE,
        /** zonky's defaults, fsync and synchronous commit off: fast, for throw-away test clusters. */
        THROWAWAY
    }

    /**
     * Starts PostgreSQL on {@code port} with its cluster in {@code dataDirectory} (created and
     * initialised when empty) and makes sure the application's database exists.
     */
    public static EmbeddedDatabase start(Path dataDirectory, int port, Durability durability) throws IOException {
        Files.createDirectories(dataDirectory);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "200");
        if (durability == Durability.DURABLE) {
            // zonky starts postgres with -F (fsync off) and synchronous_commit=off; these come after and win.
            builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
        }
        EmbeddedPostgres postgres = builder.start();
        EmbeddedDatabase database = new EmbeddedDatabase(postgres, port);
        try {
            database.createDatabaseIfMissing();
        } catch (SQLException e) {
            database.close();
            throw new IOException("PostgreSQL started in " + dataDirectory + " but the database '" + DATABASE
                    + "' could not be created: " + e.getMessage(), e);
        }
        return database;
    }

    private void createDatabaseIfMissing() throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
             var exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, DATABASE);
            try (var rows = exists.executeQuery()) {
                if (!rows.next()) {
                    try (var create = c.createStatement()) {
                        create.execute("create database " + DATABASE);
                    }
                }
            }
        }
    }

    public int port() {
        return port;
    }

    /** The JDBC URL of the application's database. */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL on port " + port + " did not stop cleanly", e);
        }
    }
}
