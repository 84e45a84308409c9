package org.fleetdispatch.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.fleetdispatch.api.Api.sql;
import static org.fleetdispatch.api.Api.unique;
import static org.fleetdispatch.api.RobotApiIT.assertProblem;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.File;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code /robot/watch} and {@code /mission/watch} on Payara Micro with the built WAR: a snapshot then
 * every change, as newline-delimited JSON and as server-sent events; publisher_id suppression; deleted
 * objects as DELETED; changes written by another instance (straight into PostgreSQL) arrive through
 * LISTEN/NOTIFY; a vanished client is freed; a lost LISTEN connection ends the streams and comes back.
 */
@ExtendWith(ArquillianExtension.class)
class WatchIT {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @Deployment(testable = false)
    static WebArchive application() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("fleetdispatch.war")));
    }

    @ArquillianResource
    private URL base;

    private Api api;

    @BeforeEach
    void client() {
        api = new Api(base);
    }

    private WatchStream watch(String path, String accept) throws Exception {
        HttpRequest.Builder request = api.request(path);
        if (accept != null) {
            request.header("Accept", accept);
        }
        WatchStream stream = WatchStream.open(api.http(), request.build());
        assertThat(stream.status()).isEqualTo(200);
        return stream;
    }

    @Test
    void robotsAsNewlineDelimitedJsonSnapshotThenEveryChangeThenDeleted() throws Exception {
        String existing = unique("snap");
        api.createRobot("{\"name\": \"" + existing + "\"}");

        try (WatchStream stream = watch("robot/watch", null)) {
            assertThat(stream.contentType()).startsWith("application/x-ndjson");
            JsonObject first = stream.until(r -> r.getString("name").equals(existing), DEADLINE);
            assertThat(first.getString("lifecycle")).isEqualTo("ALIVE");
            assertThat(first.getJsonObject("status").getString("state")).isEqualTo("IDLE");

            String created = unique("new");
            api.createRobot("{\"name\": \"" + created + "\"}");
            stream.until(r -> r.getString("name").equals(created), DEADLINE);

            assertThat(api.put("robot/" + existing, "{\"labels\": [\"changed\"]}").statusCode()).isEqualTo(200);
            stream.until(r -> r.getString("name").equals(existing) && labels(r).contains("changed"), DEADLINE);

            assertThat(api.delete("robot/" + existing).statusCode()).isEqualTo(200);
            JsonObject deleted = stream.until(r -> r.getString("name").equals(existing) && r.getString("lifecycle").equals("DELETED"), DEADLINE);
            assertThat(deleted.keySet()).as("still a whole robot object").contains("status", "labels", "heartbeat_timeout");
        }
    }

    @Test
    void missionsAsServerSentEvents() throws Exception {
        String robot = unique("absent-robot");
        try (WatchStream stream = watch("mission/watch", "text/event-stream")) {
            assertThat(stream.contentType()).startsWith("text/event-stream");
            String name = unique("sse");
            api.createMission("{\"name\": \"" + name + "\", \"robot\": \"" + robot + "\", \"mission_tree\": [{\"constant\": {}}]}");
            JsonObject pending = stream.until(m -> m.getString("name").equals(name), DEADLINE);
            assertThat(pending.getJsonObject("status").getString("state")).isEqualTo("PENDING");

            assertThat(api.post("mission/" + name + "/cancel", "").statusCode()).isEqualTo(200);
            stream.until(m -> m.getString("name").equals(name) && m.getJsonObject("status").getString("state").equals("CANCELED"), DEADLINE);

            assertThat(api.delete("mission/" + name).statusCode()).isEqualTo(200);
            stream.until(m -> m.getString("name").equals(name) && m.getString("lifecycle").equals("DELETED"), DEADLINE);
        }
    }

    @Test
    void theSnapshotHasEveryCurrentObjectAndAcceptDecidesTheFormat() throws Exception {
        String mission = unique("listed");
        api.createMission("{\"name\": \"" + mission + "\", \"robot\": \"" + unique("absent-robot") + "\", \"mission_tree\": [{\"constant\": {}}]}");
        try (WatchStream json = watch("mission/watch", "application/json")) {
            assertThat(json.contentType()).startsWith("application/json");
            json.until(m -> m.getString("name").equals(mission), DEADLINE);
        }
        try (WatchStream sse = watch("mission/watch?publisher_id=someone", "text/event-stream")) {
            sse.until(m -> m.getString("name").equals(mission), DEADLINE);
        }
        assertProblem(api.get("robot/watch?since=yesterday"), 400, "INVALID_PARAMETER", "since");
    }

    @Test
    void aWatcherDoesNotSeeChangesMadeOnlyByItsOwnPublisherId() throws Exception {
        String name = unique("pub");
        api.createRobot("{\"name\": \"" + name + "\", \"labels\": [\"initial\"]}");

        String marker = unique("marker");
        api.createRobot("{\"name\": \"" + marker + "\"}");

        try (WatchStream stream = watch("robot/watch?publisher_id=ui-7", null);
             Connection listener = Api.database()) {
            try (Statement listen = listener.createStatement()) {
                listen.execute("LISTEN fleetdispatch_change");
            }
            stream.until(r -> r.getString("name").equals(name) && labels(r).contains("initial"), DEADLINE);

            assertThat(api.put("robot/" + name + "?publisher_id=ui-7", "{\"labels\": [\"mine\"]}").statusCode()).isEqualTo(200);
            // the change went out attributed to ui-7 …
            assertThat(notification(listener, name)).contains("\"publisher_id\" : \"ui-7\"");
            // … and a later change of another robot arrives while ui-7's own one does not
            sql("update robot set labels = '[\"marked\"]' where name = ?", marker);
            stream.until(r -> r.getString("name").equals(marker) && labels(r).contains("marked"), DEADLINE);
            assertThat(stream.seen()).noneMatch(line -> line.contains("\"mine\""));

            assertThat(api.put("robot/" + name + "?publisher_id=planner", "{\"labels\": [\"theirs\"]}").statusCode()).isEqualTo(200);
            stream.until(r -> r.getString("name").equals(name) && labels(r).contains("theirs"), DEADLINE);

            // The dispatcher's own writes have no publisher: they reach everyone, the writer's watch included.
            sql("update robot set battery_level = 42 where name = ?", name);
            stream.until(r -> r.getString("name").equals(name)
                    && r.getJsonObject("status").getJsonNumber("battery_level").doubleValue() == 42.0, DEADLINE);

            assertThat(stream.seen()).as("ui-7's own change is not streamed back to ui-7")
                    .noneMatch(line -> line.contains("\"mine\""));
        }
    }

    @Test
    void changesWrittenByAnotherInstanceArriveThroughPostgres() throws Exception {
        String name = unique("other");
        api.createRobot("{\"name\": \"" + name + "\"}");
        try (WatchStream stream = watch("robot/watch", null)) {
            stream.until(r -> r.getString("name").equals(name), DEADLINE);

            // what another server instance's dispatcher writes when this robot reports
            sql("update robot set battery_level = 66.5, online = true, last_seen = now() where name = ?", name);
            JsonObject changed = stream.until(r -> r.getString("name").equals(name)
                    && r.getJsonObject("status").getBoolean("online"), DEADLINE);
            assertThat(changed.getJsonObject("status").getJsonNumber("battery_level").doubleValue()).isEqualTo(66.5);

            sql("delete from robot where name = ?", name);
            stream.until(r -> r.getString("name").equals(name) && r.getString("lifecycle").equals("DELETED"), DEADLINE);
        }
    }

    @Test
    void aClientThatDisconnectsIsFreed() throws Exception {
        double before = streams("robot");
        // a raw connection, so that closing it is exactly a client going away
        URI uri = api.uri("robot/watch");
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + uri.getPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort() + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] head = new byte[12];
            assertThat(in.readNBytes(head, 0, head.length)).isEqualTo(head.length);
            assertThat(new String(head, StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 200");
            await().atMost(DEADLINE).until(() -> streams("robot") >= before + 1);
        }
        // nothing changes; only the heartbeat finds out that nobody is there any more
        await().atMost(DEADLINE).until(() -> streams("robot") <= before);
    }

    @Test
    void aLostListenConnectionEndsTheStreamsAndComesBack() throws Exception {
        try (WatchStream robots = watch("robot/watch", null);
             WatchStream missions = watch("mission/watch", "text/event-stream")) {
            String marker = unique("marker");
            api.createRobot("{\"name\": \"" + marker + "\"}");
            robots.until(r -> r.getString("name").equals(marker), DEADLINE);

            // as when PostgreSQL restarts: the server's LISTEN connection is cut
            assertThat(Api.sqlText("select count(pg_terminate_backend(pid)) from pg_stat_activity where application_name = 'fleetdispatch-watch'"))
                    .isEqualTo("1");

            await().atMost(DEADLINE).until(robots::hasEnded);
            await().atMost(DEADLINE).until(missions::hasEnded);
            await().atMost(DEADLINE).until(() -> {
                while (missions.next(Duration.ZERO) != null) {
                    // drain
                }
                return missions.seen().stream().anyMatch(e -> e.startsWith("close: FEED_LOST"));
            });
        }

        // back with backoff: a new stream gets what happens from now on
        await().atMost(DEADLINE).until(() -> "1".equals(Api.sqlText(
                "select count(*) from pg_stat_activity where application_name = 'fleetdispatch-watch'")));
        WatchStream again = await().atMost(DEADLINE).until(() -> {
            WatchStream s = WatchStream.open(api.http(), api.request("robot/watch").build());
            if (s.status() == 200) {
                return s;
            }
            s.close();
            return null;
        }, s -> s != null);
        try (again) {
            String after = unique("after");
            api.createRobot("{\"name\": \"" + after + "\"}");
            again.until(r -> r.getString("name").equals(after), DEADLINE);
        }
    }

    /** The payload of the next change notification about {@code name} that PostgreSQL delivers. */
    private static String notification(Connection listener, String name) throws Exception {
        long end = System.nanoTime() + DEADLINE.toNanos();
        PGConnection pg = listener.unwrap(PGConnection.class);
        while (System.nanoTime() < end) {
            PGNotification[] heard = pg.getNotifications(500);
            if (heard != null) {
                for (PGNotification n : heard) {
                    if (n.getParameter().contains("\"" + name + "\"")) {
                        return n.getParameter();
                    }
                }
            }
        }
        throw new AssertionError("no notification about " + name);
    }

    private double streams(String kind) throws Exception {
        return api.metric("fleetdispatch_watch_streams", "kind=\"" + kind + "\"");
    }

    private static List<String> labels(JsonObject robot) {
        return robot.getJsonArray("labels").getValuesAs(JsonString::getString);
    }
}
