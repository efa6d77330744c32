package cn.fpjc.admin.cluster;

import cn.fpjc.core.platform.security.CurrentUser;
import cn.fpjc.core.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/**
 * Database clusters, for the platform admin only: list them with their counties and sizes, register one, change its status
 * (OPEN / FULL / DRAINING) or capacity. New counties go to the least-loaded open cluster unless onboarding names one.
 */
@Path("/api/admin/clusters")
@RolesAllowed(Roles.PLATFORM_ADMIN)
public class ClusterResource {
    @Inject
    ClusterService service;

    @Inject
    CurrentUser user;

    @GET
    public List<ClusterView> list() {
        return service.list();
    }

    @GET
    @Path("/{name}")
    public ClusterView get(@PathParam("name") String name) {
        return service.view(name);
    }

    @POST
    public Response register(@Valid @NotNull(message = "请求内容不能为空") ClusterRequests.Register request) {
        ClusterView view = service.register(user.username(), request);
        return Response.created(URI.create("/api/admin/clusters/" + view.name())).entity(view).build();
    }

    @PUT
    @Path("/{name}")
    public ClusterView update(@PathParam("name") String name, @Valid @NotNull(message = "请求内容不能为空") ClusterRequests.Update request) {
        return service.update(user.username(), name, request);
    }
}
