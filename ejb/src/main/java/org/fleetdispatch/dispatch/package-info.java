/**
 * The dispatcher's use cases: registering robots, taking in what robots report, and (later)
 * assigning missions and turning them into VDA 5050 orders.
 *
 * <p>Services are stateless session beans: each public method is one transaction, in which entities
 * change through their domain verbs and the messages to robots go to the outbox.
 */
package org.fleetdispatch.dispatch;
