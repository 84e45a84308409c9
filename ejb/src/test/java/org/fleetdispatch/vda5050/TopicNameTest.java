package org.fleetdispatch.vda5050;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TopicNameTest {

    @Test
    void formatsAsTheSpecSuggests() {
        assertThat(TopicName.of("uagv", "RobotCompany", "agv-001", Topic.STATE))
                .hasToString("uagv/v2/RobotCompany/agv-001/state");
        assertThat(new TopicName("uagv", "v2", "KIT", "0001", Topic.ORDER)).hasToString("uagv/v2/KIT/0001/order");
        assertThat(TopicName.of("uagv", "m", "s", Topic.INSTANT_ACTIONS).toString()).endsWith("/instantActions");
    }

    @Test
    void parsesBack() {
        TopicName t = TopicName.parse("uagv/v2/RobotCompany/agv-001/instantActions");
        assertThat(t.interfaceName()).isEqualTo("uagv");
        assertThat(t.majorVersion()).isEqualTo("v2");
        assertThat(t.manufacturer()).isEqualTo("RobotCompany");
        assertThat(t.serialNumber()).isEqualTo("agv-001");
        assertThat(t.topic()).isEqualTo(Topic.INSTANT_ACTIONS);
        assertThat(TopicName.parse(t.toString())).isEqualTo(t);
        assertThat(t.withTopic(Topic.STATE)).hasToString("uagv/v2/RobotCompany/agv-001/state");
    }

    @Test
    void everyTopicRoundTrips() {
        for (Topic topic : Topic.values()) {
            TopicName name = TopicName.of("if", "m", "s.1:x_y", topic);
            assertThat(TopicName.parse(name.toString())).isEqualTo(name);
        }
    }

    @Test
    void clearErrors() {
        assertThatThrownBy(() -> TopicName.parse("uagv/v2/RobotCompany/state"))
                .hasMessageContaining("has 4 levels; expected 5");
        assertThatThrownBy(() -> TopicName.parse("uagv/v2/RobotCompany/agv-001/status"))
                .hasMessageContaining("unknown VDA 5050 topic 'status'").hasMessageContaining("instantActions");
        assertThatThrownBy(() -> TopicName.parse("uagv/v2/RobotCompany/agv-001/State"))
                .hasMessageContaining("'State'");
        assertThatThrownBy(() -> TopicName.parse("uagv/2/RobotCompany/agv-001/state"))
                .hasMessageContaining("majorVersion '2'");
        assertThatThrownBy(() -> TopicName.parse("uagv/v2//agv-001/state"))
                .hasMessageContaining("manufacturer must not be empty");
        assertThatThrownBy(() -> TopicName.parse("uagv/v2/m/agv-001/state/extra"))
                .hasMessageContaining("6 levels");
        assertThatThrownBy(() -> TopicName.of("uagv", "m", "a+b", Topic.STATE))
                .hasMessageContaining("serialNumber 'a+b' must not contain '+'");
        assertThatThrownBy(() -> TopicName.of("$SYS", "m", "s", Topic.STATE)).hasMessageContaining("'$'");
    }

    @Test
    void subscriptionFilters() {
        assertThat(TopicName.filter("uagv", null, null, Topic.STATE)).isEqualTo("uagv/v2/+/+/state");
        assertThat(TopicName.filter("uagv", "RobotCompany", null, Topic.CONNECTION))
                .isEqualTo("uagv/v2/RobotCompany/+/connection");
    }

    @Test
    void qosAndRetainPerTopicAsTheSpecSays() {
        // 6.2: QoS 0 for order, state, factsheet, visualization; QoS 1 for connection (also 6.14)
        assertThat(Topic.ORDER.qos()).isZero();
        assertThat(Topic.STATE.qos()).isZero();
        assertThat(Topic.FACTSHEET.qos()).isZero();
        assertThat(Topic.VISUALIZATION.qos()).isZero();
        assertThat(Topic.CONNECTION.qos()).isEqualTo(1);
        // not named in 6.2; our reading (ADR 0061)
        assertThat(Topic.INSTANT_ACTIONS.qos()).isZero();
        // 6.14 and 6.16: "All messages on this topic shall be sent with a retained flag."
        assertThat(Topic.CONNECTION.retained()).isTrue();
        assertThat(Topic.FACTSHEET.retained()).isTrue();
        assertThat(Topic.ORDER.retained()).isFalse();
        assertThat(Topic.INSTANT_ACTIONS.retained()).isFalse();
        assertThat(Topic.STATE.retained()).isFalse();
        assertThat(Topic.VISUALIZATION.retained()).isFalse();
    }

    @Test
    void directionsAndTypes() {
        assertThat(Topic.ORDER.direction()).isEqualTo(Topic.Direction.MASTER_TO_AGV);
        assertThat(Topic.INSTANT_ACTIONS.direction()).isEqualTo(Topic.Direction.MASTER_TO_AGV);
        assertThat(Topic.STATE.direction()).isEqualTo(Topic.Direction.AGV_TO_MASTER);
        assertThat(Topic.STATE.messageType()).isEqualTo(State.class);
        assertThat(Vda5050Codec.topicOf(Factsheet.class)).isEqualTo(Topic.FACTSHEET);
        assertThat(Samples.order().topic()).isEqualTo(Topic.ORDER);
    }
}
