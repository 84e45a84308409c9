/**
 * JMH benchmarks that print the figures the issues set as targets. They compile in
 * {@code mvn verify} and run only by hand:
 * {@code mvn -B -pl keystore,bench -am package -DskipTests && java -jar bench/target/benchmarks.jar Keystore}.
 */
package org.fleetdispatch.bench;
