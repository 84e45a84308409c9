package org.fleetdispatch.api;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.fleetdispatch.api.json.MissionCreate;
import org.fleetdispatch.api.json.MissionJson;
import org.fleetdispatch.api.watch.WatchHub;
import org.fleetdispatch.dispatch.InvalidSpecException;
import org.fleetdispatch.dispatch.MissionService;
import org.fleetdispatch.mission.MissionFilter;
import org.fleetdispatch.mission.tree.MissionState;
import org.fleetdispatch.mission.tree.NodeSpecs;
import org.fleetdispatch.watch.ChangeAttribution;
import org.fleetdispatch.watch.Kind;

/** {@code /mission}: missions for robots (Isaac Mission Dispatch's mission API). */
@Path("mission")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "mission", description = "Missions: submit, list, read, cancel, update routes, delete, watch")
@APIResponse(responseCode = "400", description = "Invalid request: bad JSON, an unknown field or query parameter, a tree that breaks a rule",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
public class MissionResource {

    private static final String WATCH_DESCRIPTION = "Every mission now, then each mission whenever it changes, one JSON object"
            + " per line, until the client disconnects. A deleted mission appears once more with lifecycle DELETED. Changes"
            + " made by any server instance are included. Ask for text/event-stream to get server-sent events instead.";

    private static final String PUBLISHER_DESCRIPTION = "The caller's id (Isaac Mission Dispatch sends a UUID). Recorded as the"
            + " writer of this change, so that the caller's own watch with the same publisher_id skips it.";

    @EJB
    private MissionService missions;

    @EJB
    private ChangeAttribution attribution;

    @Inject
    private WatchHub hub;

    @Context
    private UriInfo uri;

    @POST
    @Operation(operationId = "createMission", summary = "Submit a mission", description = "Queued behind its robot's earlier missions (first in, first out);"
            + " the robot need not exist yet. Without a robot, the dispatcher assigns an idle, online one.")
    @RequestBody(required = true, content = @Content(schema = @Schema(ref = "MissionCreate")))
    @Parameters(@Parameter(name = "publisher_id", in = ParameterIn.QUERY, description = PUBLISHER_DESCRIPTION))
    @APIResponse(responseCode = "201", description = "Queued", content = @Content(schema = @Schema(ref = "Mission")))
    @APIResponse(responseCode = "409", description = "A mission of that name exists",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response create(MissionCreate body) {
        String publisher = QueryParameters.of(uri).publisherId();
        if (body == null) {
            throw new InvalidSpecException("The request body must be a mission, e.g. {\"robot\": \"agv-001\", \"mission_tree\": [...]}");
        }
        var submission = body.toSubmission();
        MissionJson mission = attribution.as(publisher, () -> MissionJson.of(missions.submit(submission, publisher)));
        return Response.created(uri.getAbsolutePathBuilder().path(mission.name()).build()).entity(mission).build();
    }

    @GET
    @Operation(operationId = "listMissions", summary = "List missions", description = "Missions matching every filter given, oldest first; with most_recent,"
            + " only the newest N (still oldest first).")
    @Parameter(name = "state", in = ParameterIn.QUERY, schema = @Schema(ref = "MissionState"))
    @Parameter(name = "robot", in = ParameterIn.QUERY, description = "Only this robot's missions")
    @Parameter(name = "started_after", in = ParameterIn.QUERY, description = "ISO-8601; started strictly after",
            schema = @Schema(type = SchemaType.STRING, format = "date-time"))
    @Parameter(name = "started_before", in = ParameterIn.QUERY, description = "ISO-8601; started strictly before",
            schema = @Schema(type = SchemaType.STRING, format = "date-time"))
    @Parameter(name = "most_recent", in = ParameterIn.QUERY, description = "At most this many, the newest",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1"))
    @APIResponse(responseCode = "200", description = "The missions",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = MissionJson.class)))
    public List<MissionJson> list() {
        QueryParameters q = QueryParameters.of(uri, "state", "started_after", "started_before", "robot", "most_recent");
        MissionFilter filter = new MissionFilter(q.oneOf("state", MissionState.class), q.text("robot"),
                q.timestamp("started_after"), q.timestamp("started_before"), q.positiveInteger("most_recent"));
        return missions.list(filter).stream().map(MissionJson::of).toList();
    }

    @GET
    @Path("watch")
    @Produces({Watches.NDJSON, MediaType.APPLICATION_JSON + ";qs=0.9"})
    @Operation(operationId = "watchMissions", summary = "Watch missions", description = WATCH_DESCRIPTION)
    @Parameters(@Parameter(name = "publisher_id", in = ParameterIn.QUERY, description = "Leave out changes made only by this publisher"))
    @APIResponse(responseCode = "200", description = "A stream of missions",
            content = {@Content(mediaType = Watches.NDJSON, schema = @Schema(ref = "Mission")),
                    @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(ref = "Mission"))})
    @APIResponse(responseCode = "503", description = "The server is not receiving changes from the database right now",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response watch() {
        String publisher = QueryParameters.of(uri).publisherId();
        return Watches.ndjson(hub, Kind.MISSION, publisher, this::snapshot);
    }

    @GET
    @Path("watch")
    @Produces(MediaType.SERVER_SENT_EVENTS + ";qs=0.5")
    // The same operation as watch(), for clients that ask for text/event-stream: documented alike, so that
    // the OpenAPI document is right whichever of the two methods it describes.
    @Operation(operationId = "watchMissions", summary = "Watch missions", description = WATCH_DESCRIPTION)
    @Parameters(@Parameter(name = "publisher_id", in = ParameterIn.QUERY, description = "Leave out changes made only by this publisher"))
    @APIResponse(responseCode = "200", description = "A stream of missions",
            content = {@Content(mediaType = Watches.NDJSON, schema = @Schema(ref = "Mission")),
                    @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(ref = "Mission"))})
    @APIResponse(responseCode = "503", description = "The server is not receiving changes from the database right now",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public void watchEvents(@Context SseEventSink sink, @Context Sse sse) {
        String publisher = QueryParameters.of(uri).publisherId();
        Watches.sse(hub, Kind.MISSION, publisher, sink, sse, this::snapshot);
    }

    private List<String> snapshot() {
        return missions.list(MissionFilter.ALL).stream().map(WatchHub::frame).toList();
    }

    @GET
    @Path("{name}")
    @Operation(operationId = "getMission", summary = "Read a mission")
    @APIResponse(responseCode = "200", description = "The mission", content = @Content(schema = @Schema(ref = "Mission")))
    @APIResponse(responseCode = "404", description = "No mission of that name",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public MissionJson get(@PathParam("name") String name) {
        QueryParameters.of(uri);
        return MissionJson.of(missions.get(name));
    }

    @DELETE
    @Path("{name}")
    @Operation(operationId = "deleteMission", summary = "Delete a mission", description = "A PENDING or RUNNING mission is canceled first; a running one's robot"
            + " gets cancelOrder (Isaac Mission Dispatch leaves it driving).")
    @Parameters(@Parameter(name = "publisher_id", in = ParameterIn.QUERY, description = PUBLISHER_DESCRIPTION))
    @APIResponse(responseCode = "200", description = "Deleted", content = @Content(schema = @Schema(ref = "Detail")))
    @APIResponse(responseCode = "404", description = "No mission of that name",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Detail delete(@PathParam("name") String name) {
        String publisher = QueryParameters.of(uri).publisherId();
        attribution.as(publisher, () -> missions.delete(name, publisher));
        return new Detail(name + " is DELETED");
    }

    @POST
    @Path("{name}/cancel")
    @Operation(operationId = "cancelMission", summary = "Cancel a mission", description = "A PENDING mission leaves its queue; a RUNNING one stops and its robot"
            + " gets cancelOrder. Either ends CANCELED.")
    @Parameters(@Parameter(name = "publisher_id", in = ParameterIn.QUERY, description = PUBLISHER_DESCRIPTION))
    @APIResponse(responseCode = "200", description = "Canceled", content = @Content(schema = @Schema(ref = "Detail")))
    @APIResponse(responseCode = "404", description = "No mission of that name",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "409", description = "The mission is over already",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Detail cancel(@PathParam("name") String name) {
        String publisher = QueryParameters.of(uri).publisherId();
        MissionState state = attribution.as(publisher, () -> missions.cancel(name, publisher).state());
        return new Detail("Mission " + name + " is " + state);
    }

    @POST
    @Path("{name}/update")
    @Operation(operationId = "updateMission", summary = "Replace the waypoints of route nodes", description = "The body maps route node names to"
            + " {\"waypoints\": [...]}. Nodes must not have finished; a running one becomes a VDA 5050 order update."
            + " Answers with the updates applied, as Isaac Mission Dispatch does.")
    @RequestBody(required = true, content = @Content(schema = @Schema(type = SchemaType.OBJECT)))
    @Parameters(@Parameter(name = "publisher_id", in = ParameterIn.QUERY, description = PUBLISHER_DESCRIPTION))
    @APIResponse(responseCode = "200", description = "The updates applied",
            content = @Content(schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "404", description = "No mission of that name",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "409", description = "The mission or a node is over already",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Map<String, NodeSpecs.Route> update(@PathParam("name") String name, Map<String, NodeSpecs.Route> routes) {
        String publisher = QueryParameters.of(uri).publisherId();
        if (routes != null && routes.containsValue(null)) {
            throw new InvalidSpecException("every node in the update needs {\"waypoints\": [...]}");
        }
        Map<String, NodeSpecs.Route> updates = routes == null ? Map.of() : new LinkedHashMap<>(routes);
        attribution.as(publisher, () -> missions.update(name, updates, publisher));
        return updates;
    }
}
