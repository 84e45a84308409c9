package org.fleetdispatch.api;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.io.StringReader;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameters;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fleetdispatch.api.json.Detail;
import org.fleetdispatch.api.json.RobotCreate;
import org.fleetdispatch.api.json.RobotJson;
import org.fleetdispatch.api.json.RobotUpdate;
import org.fleetdispatch.api.watch.WatchHub;
import org.fleetdispatch.dispatch.ConflictException;
import org.fleetdispatch.dispatch.InvalidSpecException;
import org.fleetdispatch.dispatch.RobotService;
import org.fleetdispatch.robot.Lifecycle;
import org.fleetdispatch.robot.Robot;
import org.fleetdispatch.robot.RobotFilter;
import org.fleetdispatch.robot.RobotSpec;
import org.fleetdispatch.robot.RobotState;
import org.fleetdispatch.watch.ChangeAttribution;
import org.fleetdispatch.watch.Kind;

/** {@code /robot}: the robots the dispatcher drives (Isaac Mission Dispatch's robot API). */
@Path("robot")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "robot", description = "Robots: register, list, read, change the spec, delete, teleoperate, watch")
@APIResponse(responseCode = "400", description = "Invalid request: bad JSON, an unknown field or query parameter, a bad value",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
public class RobotResource {

    private static final String WATCH_DESCRIPTION = "Every robot now, then each robot whenever it changes, one JSON object per"
            + " line, until the client disconnects. A deleted robot appears once more with lifecycle DELETED. Changes made by"
            + " any server instance are included. Ask for text/event-stream to get server-sent events instead.";

    private static final String PUBLISHER_DESCRIPTION = "The caller's id (Isaac Mission Dispatch sends a UUID). Recorded as the"
            + " writer of this change, so that the caller's own watch with the same publisher_id skips it.";

    // @EJB, not @Inject: in the EAR the web module's CDI does not see the EJB module's beans, while EJB
    // references resolve across the application's modules.
    @EJB
    private RobotService robots;

    @EJB
    private ChangeAttribution attribution;

    @Inject
    private WatchHub hub;

    @Context
    private UriInfo uri;

    @POST
    @Operation(operationId = "createRobot", summary = "Register a robot", description = "The server asks the robot for its VDA 5050 factsheet. Missions"
            + " already queued for this name may start once it is online.")
    @RequestBody(required = true, content = @Content(schema = @Schema(ref = "RobotCreate")))
    @Parameters(@Parameter(name = "publisher_id", in = ParameterIn.QUERY, description = PUBLISHER_DESCRIPTION))
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(schema = @Schema(ref = "Robot")))
    @APIResponse(responseCode = "409", description = "A robot of that name exists",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response create(RobotCreate body) {
        String publisher = QueryParameters.of(uri).publisherId();
        if (body == null) {
            throw new InvalidSpecException("The request body must be a robot, e.g. {\"name\": \"agv-001\"}");
        }
        var registration = body.toRegistration();
        RobotJson robot = attribution.as(publisher, () -> RobotJson.of(robots.register(registration, publisher)));
        return Response.created(uri.getAbsolutePathBuilder().path(robot.name()).build()).entity(robot).build();
    }

    @GET
    @Operation(operationId = "listRobots", summary = "List robots", description = "Robots matching every filter given, by name. Deleted robots are not listed.")
    @Parameter(name = "min_battery", in = ParameterIn.QUERY, description = "Battery level at least (percent)",
            schema = @Schema(type = SchemaType.NUMBER))
    @Parameter(name = "max_battery", in = ParameterIn.QUERY, description = "Battery level at most (percent)",
            schema = @Schema(type = SchemaType.NUMBER))
    @Parameter(name = "state", in = ParameterIn.QUERY, schema = @Schema(ref = "RobotState"))
    @Parameter(name = "online", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.BOOLEAN))
    @Parameter(name = "position_initialized", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.BOOLEAN))
    @Parameter(name = "names", in = ParameterIn.QUERY, description = "Only these robots; repeat the parameter or separate names by commas",
            schema = @Schema(type = SchemaType.ARRAY, implementation = String.class))
    @Parameter(name = "robot_type", in = ParameterIn.QUERY, description = "The factsheet's series name")
    @APIResponse(responseCode = "200", description = "The robots",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = RobotJson.class)))
    public List<RobotJson> list() {
        QueryParameters q = QueryParameters.of(uri, "min_battery", "max_battery", "state", "online", "position_initialized",
                "names", "robot_type");
        RobotFilter filter = new RobotFilter(q.number("min_battery"), q.number("max_battery"), q.oneOf("state", RobotState.class),
                q.bool("online"), q.bool("position_initialized"), q.list("names"), q.text("robot_type"));
        return robots.list(filter).stream().map(RobotJson::of).toList();
    }

    @GET
    @Path("watch")
    @Produces({Watches.NDJSON, MediaType.APPLICATION_JSON + ";qs=0.9"})
    @Operation(operationId = "watchRobots", summary = "Watch robots", description = WATCH_DESCRIPTION)
    @Parameters(@Parameter(name = "publisher_id", in = ParameterIn.QUERY, description = "Leave out changes made only by this publisher"))
    @APIResponse(responseCode = "200", description = "A stream of robots",
            content = {@Content(mediaType = Watches.NDJSON, schema = @Schema(ref = "Robot")),
                    @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(ref = "Robot"))})
    @APIResponse(responseCode = "503", description = "The server is not receiving changes from the database right now",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response watch() {
        String publisher = QueryParameters.of(uri).publisherId();
        return Watches.ndjson(hub, Kind.ROBOT, publisher, this::snapshot);
    }

    @GET
    @Path("watch")
    @Produces(MediaType.SERVER_SENT_EVENTS + ";qs=0.5")
    // The same operation as watch(), for clients that ask for text/event-stream: documented alike, so that
    // the OpenAPI document is right whichever of the two methods it describes.
    @Operation(operationId = "watchRobots", summary = "Watch robots", description = WATCH_DESCRIPTION)
    @Parameters(@Parameter(name = "publisher_id", in = ParameterIn.QUERY, description = "Leave out changes made only by this publisher"))
    @APIResponse(responseCode = "200", description = "A stream of robots",
            content = {@Content(mediaType = Watches.NDJSON, schema = @Schema(ref = "Robot")),
                    @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(ref = "Robot"))})
    @APIResponse(responseCode = "503", description = "The server is not receiving changes from the database right now",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public void watchEvents(@Context SseEventSink sink, @Context Sse sse) {
        String publisher = QueryParameters.of(uri).publisherId();
        Watches.sse(hub, Kind.ROBOT, publisher, sink, sse, this::snapshot);
    }

    private List<String> snapshot() {
        return robots.list(RobotFilter.ALL).stream().map(WatchHub::frame).toList();
    }

    @GET
    @Path("{name}")
    @Operation(operationId = "getRobot", summary = "Read a robot")
    @APIResponse(responseCode = "200", description = "The robot", content = @Content(schema = @Schema(ref = "Robot")))
    @APIResponse(responseCode = "404", description = "No robot of that name",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public RobotJson get(@PathParam("name") String name) {
        QueryParameters.of(uri);
        return RobotJson.of(robots.get(name));
    }

    @PUT
    @Path("{name}")
    @Operation(operationId = "updateRobot", summary = "Replace a robot's spec", description = "labels, battery, heartbeat_timeout and switch_teleop; a field"
            + " left out takes its default (as in Isaac Mission Dispatch). Switching switch_teleop sends startTeleop or stopTeleop.")
    @RequestBody(required = true, content = @Content(schema = @Schema(ref = "RobotUpdate")))
    @Parameters(@Parameter(name = "publisher_id", in = ParameterIn.QUERY, description = PUBLISHER_DESCRIPTION))
    @APIResponse(responseCode = "200", description = "The robot with its new spec",
            content = @Content(schema = @Schema(ref = "Robot")))
    @APIResponse(responseCode = "404", description = "No robot of that name",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public RobotJson update(@PathParam("name") String name, RobotUpdate body) {
        String publisher = QueryParameters.of(uri).publisherId();
        if (body == null) {
            throw new InvalidSpecException("The request body must be a robot spec, e.g. {\"labels\": [\"hall-1\"]}");
        }
        RobotSpec spec = body.toSpec();
        return attribution.as(publisher, () -> RobotJson.of(robots.updateSpec(name, spec, publisher)));
    }

    @DELETE
    @Path("{name}")
    @Operation(operationId = "deleteRobot", summary = "Delete a robot", description = "At once, or, while a mission runs on it, marked PENDING_DELETE and"
            + " deleted when the mission ends. Missions queued for it stay queued for a robot of that name.")
    @Parameters(@Parameter(name = "publisher_id", in = ParameterIn.QUERY, description = PUBLISHER_DESCRIPTION))
    @APIResponse(responseCode = "200", description = "Deleted or marked", content = @Content(schema = @Schema(ref = "Detail")))
    @APIResponse(responseCode = "404", description = "No robot of that name",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Detail delete(@PathParam("name") String name) {
        String publisher = QueryParameters.of(uri).publisherId();
        Lifecycle after = attribution.as(publisher, () -> {
            robots.delete(name, publisher);
            // still listed only when a running mission keeps it (PENDING_DELETE)
            boolean kept = !robots.list(new RobotFilter(null, null, null, null, null, List.of(name), null)).isEmpty();
            return kept ? Lifecycle.PENDING_DELETE : Lifecycle.DELETED;
        });
        return new Detail(name + " is " + after);
    }

    @POST
    @Path("{name}/teleop")
    @Operation(operationId = "teleopRobot", summary = "Start or stop teleoperation", description = "The body is the JSON string \"START\" or \"STOP\" (Isaac"
            + " Mission Dispatch's teleop method): sets switch_teleop, and the robot gets startTeleop or stopTeleop."
            + " Refused while the robot is CHARGING.")
    @RequestBody(required = true, content = @Content(schema = @Schema(type = SchemaType.STRING, enumeration = {"START", "STOP"})))
    @Parameters(@Parameter(name = "publisher_id", in = ParameterIn.QUERY, description = PUBLISHER_DESCRIPTION))
    @APIResponse(responseCode = "200", description = "Accepted", content = @Content(schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "409", description = "The robot is CHARGING",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public String teleop(@PathParam("name") String name, String body) {
        String publisher = QueryParameters.of(uri).publisherId();
        boolean start = parseTeleop(body);
        attribution.as(publisher, () -> {
            Robot robot = robots.get(name);
            if (robot.status().state() == RobotState.CHARGING) {
                throw new ConflictException("Robot " + name + " is CHARGING; teleoperation can be switched when it is not");
            }
            RobotSpec current = new RobotSpec(robot.labels(), robot.battery(), robot.heartbeatTimeout(), start);
            return robots.updateSpec(name, current, publisher);
        });
        return Json.createValue((start ? "START" : "STOP") + " teleop action received.").toString();
    }

    private static boolean parseTeleop(String body) {
        String action = null;
        if (body != null && !body.isBlank()) {
            try (var reader = Json.createReader(new StringReader(body))) {
                JsonValue value = reader.readValue();
                if (value instanceof JsonString s) {
                    action = s.getString();
                }
            } catch (JsonParsingException e) {
                action = null;
            }
        }
        if ("START".equals(action) || "STOP".equals(action)) {
            return "START".equals(action);
        }
        throw new InvalidSpecException("The body must be the JSON string \"START\" or \"STOP\", was " + body);
    }
}
