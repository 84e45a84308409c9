package org.fleetdispatch.vda5050;

import java.util.Locale;

/**
 * A rough, JMH-free measurement of decode+validate and encode of a typical state message, printed, never asserted.
 * Run: {@code java -cp ejb/target/classes:ejb/target/test-classes:<yasson, parsson, jakarta APIs>
 * org.fleetdispatch.vda5050.CodecMeasurement}.
 */
public final class CodecMeasurement {

    private CodecMeasurement() {
    }

    public static void main(String[] args) {
        byte[] state = Resources.bytes("examples/state-driving.json");
        State typical = Samples.state();
        try (Vda5050Codec codec = new Vda5050Codec()) {
            byte[] encoded = codec.encode(typical);
            for (int round = 0; round < 5; round++) {
                int n = 200_000;
                long sink = 0;
                long t0 = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    sink += codec.decode(state, State.class).headerId();
                }
                long t1 = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    sink += codec.decode(encoded, State.class).headerId();
                }
                long t2 = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    codec.validate(Topic.STATE, codec.parse(state));
                }
                long t3 = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    sink += codec.encode(typical).length;
                }
                long t4 = System.nanoTime();
                System.out.printf(Locale.ROOT,
                        "round %d: decode+validate %d-byte state %.1f µs, %d-byte state %.1f µs; "
                                + "parse+validate only %.1f µs; encode+validate %.1f µs (%d)%n",
                        round, state.length, (t1 - t0) / 1e3 / n, encoded.length, (t2 - t1) / 1e3 / n,
                        (t3 - t2) / 1e3 / n, (t4 - t3) / 1e3 / n, sink % 10);
            }
        }
    }
}
