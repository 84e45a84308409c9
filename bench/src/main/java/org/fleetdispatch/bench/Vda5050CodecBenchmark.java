package org.fleetdispatch.bench;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.fleetdispatch.vda5050.State;
import org.fleetdispatch.vda5050.Topic;
import org.fleetdispatch.vda5050.Vda5050Codec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What decoding one robot {@code state} costs the server, step by step: every state message of every robot
 * goes through it (2,000 a second at 200 robots x 10 Hz), so its cost is a share of the machine. The message is
 * one the simulator sends in the middle of a two-waypoint order.
 */
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@org.openjdk.jmh.annotations.State(Scope.Benchmark)
public class Vda5050CodecBenchmark {

    static final byte[] STATE = """
            {"headerId":1234,"timestamp":"2026-11-22T22:30:01.123Z","version":"2.0.0","manufacturer":"RobotCompany",
             "serialNumber":"bench-0042","orderId":"mission-17-0-1a2b3c4d","orderUpdateId":0,"lastNodeId":"start",
             "lastNodeSequenceId":0,
             "nodeStates":[{"nodeId":"wp-1","sequenceId":2,"nodePosition":{"x":1.5,"y":2.0,"theta":0.0,"mapId":"map",
               "allowedDeviationXY":0.0},"released":true},
              {"nodeId":"wp-2","sequenceId":4,"nodePosition":{"x":2.0,"y":2.0,"theta":0.0,"mapId":"map",
               "allowedDeviationXY":0.1},"released":true}],
             "edgeStates":[{"edgeId":"e-1","sequenceId":1,"released":true},{"edgeId":"e-2","sequenceId":3,"released":true}],
             "agvPosition":{"x":1.2345,"y":2.0,"theta":0.01,"mapId":"map","positionInitialized":true,"localizationScore":1.0},
             "velocity":{"vx":1.0,"vy":0.0,"omega":0.0},"driving":true,"paused":false,"newBaseRequest":false,
             "distanceSinceLastNode":0.2345,"actionStates":[],
             "batteryState":{"batteryCharge":87.5,"charging":false,"reach":8750.0},"operatingMode":"AUTOMATIC",
             "errors":[],"safetyState":{"eStop":"NONE","fieldViolation":false}}
            """.getBytes(StandardCharsets.UTF_8);

    private Vda5050Codec codec;

    @Setup
    public void setUp() {
        codec = new Vda5050Codec();
        codec.decode(STATE, State.class); // fails the run if the sample is not a valid state
    }

    @TearDown
    public void tearDown() {
        codec.close();
    }

    /** What the state MDB does: UTF-8, parse, schema validation, binding. */
    @Benchmark
    public Object decode() {
        return codec.decode(STATE, State.class);
    }

    /** Strict UTF-8 and the JSON tree only. */
    @Benchmark
    public Object parse() {
        return codec.parse(STATE);
    }

    /** Parse and validate against the official schema and our supplement, without binding. */
    @Benchmark
    public Object parseAndValidate() {
        var tree = codec.parse(STATE);
        codec.validate(Topic.STATE, tree);
        return tree;
    }
}
