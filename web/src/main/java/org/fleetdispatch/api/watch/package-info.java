/**
 * Watch streams: {@code GET /robot/watch} and {@code GET /mission/watch}, as newline-delimited JSON or
 * server-sent events, fed by the ejb module's {@link org.fleetdispatch.watch.ChangeFeed}.
 *
 * <p>{@link org.fleetdispatch.api.watch.WatchHub} is the feed's one subscriber in this server: it
 * renders each changed object to JSON once and offers it to every {@link org.fleetdispatch.api.watch.Watcher}.
 * A watcher owns a bounded queue and writes it to its client on a pool thread, so that a slow client
 * blocks only its own writes; one that falls too far behind is closed, never allowed to hold up the feed
 * or grow without bound. Transports ({@link org.fleetdispatch.api.watch.Watcher.Sink}) only frame what
 * they are given.
 */
package org.fleetdispatch.api.watch;
