package org.fleetdispatch.api;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.fleetdispatch.dispatch.InvalidSpecException;
import org.fleetdispatch.dispatch.RobotService;

/** {@code /robot}: the robots the dispatcher drives. */
@Path("robot")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RobotResource {

    // @EJB, not @Inject: in the EAR the web module's CDI does not see the EJB module's beans, while EJB
    // references resolve across the application's modules.
    @EJB
    private RobotService robots;

    @POST
    public Response create(RobotJson.Spec spec, @Context UriInfo uri) {
        if (spec == null) {
            throw new InvalidSpecException("The request body must be a robot spec, e.g. {\"name\": \"agv-001\"}");
        }
        var robot = RobotJson.of(robots.register(spec.name(), spec.manufacturer(), spec.interfaceName()));
        return Response.created(uri.getAbsolutePathBuilder().path(robot.name()).build()).entity(robot).build();
    }

    @GET
    public List<RobotJson> list() {
        return robots.all().stream().map(RobotJson::of).toList();
    }

    @GET
    @Path("{name}")
    public RobotJson get(@PathParam("name") String name) {
        return RobotJson.of(robots.get(name));
    }
}
