package org.fleetdispatch.watch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NotificationTest {

    @Test
    void readsWhatTheTriggerWrites() {
        // json_build_object(...)::text, as PostgreSQL prints it
        assertThat(Notification.parse("{\"kind\" : \"robot\", \"name\" : \"agv-1\", \"operation\" : \"UPDATE\", \"publisher_id\" : \"ui\"}"))
                .contains(new Notification(Kind.ROBOT, "agv-1", "UPDATE", "ui"));
        assertThat(Notification.parse("{\"kind\" : \"mission\", \"name\" : \"m 1\", \"operation\" : \"DELETE\", \"publisher_id\" : null}"))
                .contains(new Notification(Kind.MISSION, "m 1", "DELETE", null));
        assertThat(Notification.parse("{\"kind\" : \"mission\", \"name\" : null, \"operation\" : \"UPDATE\", \"publisher_id\" : null}"))
                .contains(new Notification(Kind.MISSION, null, "UPDATE", null));
    }

    @Test
    void refusesWhatItDoesNotUnderstand() {
        assertThat(Notification.parse(null)).isEmpty();
        assertThat(Notification.parse("robot agv-1 ALIVE")).isEmpty();
        assertThat(Notification.parse("[1, 2]")).isEmpty();
        assertThat(Notification.parse("{\"kind\": \"outbox\", \"name\": \"x\", \"operation\": \"INSERT\"}")).isEmpty();
        assertThat(Notification.parse("{\"kind\": \"robot\", \"name\": \"x\"}")).isEmpty();
    }
}
