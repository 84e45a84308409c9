package org.fleetdispatch.api;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.fleetdispatch.dispatch.InvalidSpecException;
import org.fleetdispatch.dispatch.MissionService;
import org.fleetdispatch.dispatch.MissionSubmission;
import org.fleetdispatch.mission.MissionFilter;
import org.fleetdispatch.mission.tree.MissionState;
import org.fleetdispatch.mission.tree.NodeSpecs;

/** {@code /mission}: missions for robots. */
@Path("mission")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MissionResource {

    @EJB
    private MissionService missions;

    @POST
    public Response create(MissionJson.Request request, @QueryParam("publisher_id") String publisher, @Context UriInfo uri) {
        if (request == null) {
            throw new InvalidSpecException("The request body must be a mission, e.g. {\"robot\": \"agv-001\", \"mission_tree\": [...]}");
        }
        Duration timeout = request.timeout() == null ? null : Duration.ofNanos(Math.round(request.timeout() * 1e9));
        var mission = MissionJson.of(missions.submit(new MissionSubmission(request.name(), request.prefix(), request.robot(),
                request.missionTree(), timeout, request.deadline()), publisher));
        return Response.created(uri.getAbsolutePathBuilder().path(mission.name()).build()).entity(mission).build();
    }

    @GET
    public List<MissionJson> list(@QueryParam("state") MissionState state, @QueryParam("robot") String robot) {
        return missions.list(new MissionFilter(state, robot, null, null, null)).stream().map(MissionJson::of).toList();
    }

    @GET
    @Path("{name}")
    public MissionJson get(@PathParam("name") String name) {
        return MissionJson.of(missions.get(name));
    }

    @POST
    @Path("{name}/cancel")
    public MissionJson cancel(@PathParam("name") String name, @QueryParam("publisher_id") String publisher) {
        return MissionJson.of(missions.cancel(name, publisher));
    }

    @POST
    @Path("{name}/update")
    public MissionJson update(@PathParam("name") String name, Map<String, NodeSpecs.Route> routes,
                              @QueryParam("publisher_id") String publisher) {
        return MissionJson.of(missions.update(name, routes, publisher));
    }

    @DELETE
    @Path("{name}")
    public MissionJson delete(@PathParam("name") String name, @QueryParam("publisher_id") String publisher) {
        return MissionJson.of(missions.delete(name, publisher));
    }
}
