package org.fleetdispatch.bench.mission;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Read-only queries on the server's mission table: how far a phase has got, and when each mission
 * started and ended. Polling the database once in a while costs the server far less than polling
 * thousands of missions over HTTP would, and its timestamps are the server's own (ADR 0091).
 */
final class MissionLedger implements AutoCloseable {

    enum State { PENDING, RUNNING, COMPLETED, FAILED, CANCELED }

    /** One mission as the server recorded it; start and end are null until reached. */
    record Row(String name, String robot, State state, Instant start, Instant end) {
    }

    private final Connection connection;

    MissionLedger(String jdbcUrl) throws SQLException {
        this.connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
        connection.setReadOnly(true);
        connection.setAutoCommit(true);
    }

    /** Missions of robots whose names start with {@code robotPrefix}, by state. */
    Map<State, Integer> countByState(String robotPrefix) throws SQLException {
        Map<State, Integer> counts = new EnumMap<>(State.class);
        for (State s : State.values()) {
            counts.put(s, 0);
        }
        try (PreparedStatement query = connection.prepareStatement(
                "select state, count(*) from mission where robot like ? group by state")) {
            query.setString(1, robotPrefix + "%");
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    counts.put(State.valueOf(rows.getString(1)), rows.getInt(2));
                }
            }
        }
        return counts;
    }

    /** How many of the counted missions ended, whichever way. */
    static int ended(Map<State, Integer> counts) {
        return counts.get(State.COMPLETED) + counts.get(State.FAILED) + counts.get(State.CANCELED);
    }

    /**
     * How many robots whose names start with {@code robotPrefix} are ready for missions: online, knowing where they are
     * and with their factsheet stored (so that the start-up messages of each have been handled).
     */
    int countReady(String robotPrefix) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "select count(*) from robot where name like ? and online and position_initialized and factsheet is not null")) {
            query.setString(1, robotPrefix + "%");
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    List<Row> missions(String robotPrefix) throws SQLException {
        List<Row> missions = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "select name, robot, state, start_timestamp, end_timestamp from mission where robot like ?")) {
            query.setString(1, robotPrefix + "%");
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    missions.add(new Row(rows.getString(1), rows.getString(2), State.valueOf(rows.getString(3)),
                            instant(rows.getTimestamp(4)), instant(rows.getTimestamp(5))));
                }
            }
        }
        return missions;
    }

    /** PostgreSQL's own counters: commits and rollbacks of the application's database, WAL flushes of the cluster. */
    record DatabaseStats(long commits, long rollbacks, long walSyncs, long walBytes) {
        DatabaseStats minus(DatabaseStats earlier) {
            return new DatabaseStats(commits - earlier.commits, rollbacks - earlier.rollbacks, walSyncs - earlier.walSyncs,
                    walBytes - earlier.walBytes);
        }
    }

    /**
     * The counters now. PostgreSQL's statistics are per backend and published when a transaction ends, so a
     * reading lags by at most a fraction of a second; {@code pg_stat_clear_snapshot()} makes this connection
     * see the newest ones.
     */
    DatabaseStats databaseStats() throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute("select pg_stat_clear_snapshot()");
            try (ResultSet rows = statement.executeQuery("""
                    select d.xact_commit, d.xact_rollback, w.wal_sync, w.wal_bytes
                    from pg_stat_database d, pg_stat_wal w where d.datname = current_database()""")) {
                rows.next();
                return new DatabaseStats(rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getLong(4));
            }
        }
    }

    /** Creates a database beside the application's, e.g. for pgbench's tables. */
    void createDatabase(String name) throws SQLException {
        connection.setReadOnly(false);
        try (var statement = connection.createStatement()) {
            statement.execute("drop database if exists " + name);
            statement.execute("create database " + name);
        } finally {
            connection.setReadOnly(true);
        }
    }

    void dropDatabase(String name) throws SQLException {
        connection.setReadOnly(false);
        try (var statement = connection.createStatement()) {
            statement.execute("drop database if exists " + name);
        } finally {
            connection.setReadOnly(true);
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
