package org.fleetdispatch.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The API sits at the context root, as Isaac Mission Dispatch's does: {@code /robot}, {@code /mission}. */
@ApplicationPath("/")
public class FleetDispatchApplication extends Application {
}
