package org.fleetdispatch.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.fleetdispatch.launcher.EmbeddedDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** V7 moves the headerId counts of existing robots into their rows and keeps those of deleted robots. */
class HeaderIdMigrationTest extends PostgresTest {

    private static final String SCHEMA = "before_v7";

    @Test
    void countsMoveIntoTheRobotsRowsAndDeletedRobotsKeepTheirs() throws Exception {
        Flyway.configure().dataSource(jdbcUrl(), EmbeddedDatabase.USER, "").schemas(SCHEMA).target("6").load().migrate();
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), EmbeddedDatabase.USER, "");
             Statement sql = connection.createStatement()) {
            sql.execute("set search_path to " + SCHEMA);
            sql.execute("""
                    insert into robot (name, manufacturer, interface_name, created_at)
                    values ('kept', 'acme', 'uagv', now()), ('never-sent', 'acme', 'uagv', now())""");
            sql.execute("""
                    insert into vda5050_header_counter (robot_name, topic, last_header_id)
                    values ('kept', 'order', 41), ('kept', 'instantActions', 7), ('deleted', 'order', 12)""");

            Flyway.configure().dataSource(jdbcUrl(), EmbeddedDatabase.USER, "").schemas(SCHEMA).load().migrate();

            assertThat(rows(sql, """
                    select name, last_order_header_id, last_instant_actions_header_id from robot order by name"""))
                    .containsExactly("kept 41 7", "never-sent null null");
            assertThat(rows(sql, "select robot_name, topic, last_header_id from vda5050_header_counter"))
                    .containsExactly("deleted order 12");
        }
    }

    private static List<String> rows(Statement sql, String query) throws Exception {
        List<String> rows = new ArrayList<>();
        try (ResultSet result = sql.executeQuery(query)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    values.add(String.valueOf(result.getObject(i)));
                }
                rows.add(String.join(" ", values));
            }
        }
        return rows;
    }
}
