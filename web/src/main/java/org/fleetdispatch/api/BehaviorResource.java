package org.fleetdispatch.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fleetdispatch.api.json.Behavior;

/** {@code /behaviors}: the kinds of mission node, with their fields (IMD's get_supported_behaviors). */
@Path("behaviors")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "behaviors", description = "What a mission tree can be made of")
public class BehaviorResource {

    static final List<Behavior> BEHAVIORS = List.of(
            new Behavior("route", List.of("waypoints"), "Drive through the waypoints in order: each a pose (x, y, theta on"
                    + " map_id) with VDA 5050's allowedDeviationXY and allowedDeviationTheta. A waypoint with allowedDeviationXY 0"
                    + " is a task, counted in task_status when reached."),
            new Behavior("move", List.of("distance", "rotation"), "Drive straight ahead by distance metres, or turn on the"
                    + " spot by rotation radians: exactly one of the two."),
            new Behavior("action", List.of("action_type", "action_parameters"), "Have the robot perform a VDA 5050 action"
                    + " (action_type, with action_parameters as key-value pairs); the node ends when the robot reports the action"
                    + " finished or failed."),
            new Behavior("notify", List.of("url", "json_data", "timeout"), "POST json_data to url from the server; succeeds on"
                    + " a 2xx answer within timeout seconds (30 by default), retrying 408, 425, 429 and 5xx answers."),
            new Behavior("constant", List.of("success"), "Succeed (success true, the default) or fail at once; for tests"
                    + " and for branches of a selector."),
            new Behavior("sequence", List.of(), "Run the children in order; fail as soon as one fails, succeed when all have"
                    + " succeeded. Remembers the children that succeeded."),
            new Behavior("selector", List.of(), "Run the children in order until one succeeds (a fallback); fail when all"
                    + " have failed."));

    @Context
    private UriInfo uri;

    @GET
    @Operation(operationId = "listBehaviors", summary = "List the behaviours of mission nodes")
    @APIResponse(responseCode = "200", description = "route, move, action, notify, constant, sequence, selector",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = Behavior.class)))
    public List<Behavior> list() {
        QueryParameters.of(uri);
        return BEHAVIORS;
    }
}
