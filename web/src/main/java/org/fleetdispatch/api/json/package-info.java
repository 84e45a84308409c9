/**
 * The API's JSON: what Isaac Mission Dispatch clients send and read, as records that JSON-B maps with
 * snake_case names ({@link org.fleetdispatch.api.json.ApiJson}).
 *
 * <p>These records exist so that the wire format is written down in one place and cannot drift with
 * the entities: the entities change through domain verbs, the records only carry data. Request records
 * ({@code *Create}, {@code *Update}) hold exactly the fields a client may send — anything else is
 * refused, naming the field; view records ({@code RobotJson}, {@code MissionJson}) are built from
 * entities by their {@code of} methods. Durations are seconds, timestamps ISO-8601.
 */
package org.fleetdispatch.api.json;
