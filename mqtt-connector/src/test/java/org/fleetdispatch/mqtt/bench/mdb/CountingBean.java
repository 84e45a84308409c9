package org.fleetdispatch.mqtt.bench.mdb;

import org.fleetdispatch.mqtt.MqttInboundMessage;
import org.fleetdispatch.mqtt.MqttMessageListener;

/**
 * The benchmark's message-driven bean: counts and returns (no database, nothing published). Not annotated: the benchmark declares it
 * once per setting in a generated {@code ejb-jar.xml} (one activation per {@code maxConcurrency} /
 * {@code receiveMaximum} pair, each on its own topics {@code bench/<key>/+}).
 */
public class CountingBean implements MqttMessageListener {

    @Override
    public void onMessage(MqttInboundMessage message) {
        String topic = message.topic();
        int first = topic.indexOf('/');
        int last = topic.lastIndexOf('/');
        String key = topic.substring(first + 1, last);
        if (topic.endsWith("/probe")) {
            key += "/probe";
        }
        Counters.Counter counter = Counters.of(key);
        counter.enter();
        counter.exit();
    }
}
