/**
 * The mission benchmark of issue 5: the whole product on one machine, as {@code ./fleetdispatch run}
 * starts it, driven by simulated VDA 5050 robots in this JVM, with figures printed for each fleet size.
 *
 * <p>Run by hand only (never by {@code mvn verify}):
 * {@code ./fleetdispatch build && java -cp "bench/target/fleetdispatch-bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*"
 * org.fleetdispatch.bench.mission.MissionBenchmark --robots 10,50,200,1000}.
 *
 * <p>This package only observes the server from outside: its REST API, {@code /metrics}, the broker, and
 * read-only queries on the database for mission timestamps (decisions in ADRs 0090–0093). Nothing here
 * may be used by the product.
 */
package org.fleetdispatch.bench.mission;
