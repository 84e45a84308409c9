/**
 * The change feed behind the API's watch streams: PostgreSQL LISTEN/NOTIFY, so that every server
 * instance sees every instance's changes to robots and missions.
 *
 * <p>Triggers (migration V4) announce each insert, update and delete of a robot or mission on the
 * channel {@code fleetdispatch_change}, naming the object and the API caller that made the change
 * ({@code publisher_id}). {@link org.fleetdispatch.watch.ChangeFeed} holds one dedicated connection
 * per server that LISTENs, coalesces what arrives, loads each changed object once, and hands the
 * objects to its subscribers — the web layer, which depends on this package and not the other way
 * round. {@link org.fleetdispatch.watch.ChangeAttribution} is how an API write says who made it.
 *
 * <p>What stays out: JSON, HTTP, and anything a slow client could block. Subscribers are called on the
 * feed's own thread and must return at once.
 */
package org.fleetdispatch.watch;
