/** Mapping helpers shared by every entity, and nothing domain-specific. */
package org.fleetdispatch.persistence;
