package cn.fpjc.admin.cluster;

import cn.fpjc.core.platform.security.CurrentUser;
import cn.fpjc.core.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/**
 * Moving a county's database to another cluster, for the platform admin: start (202; the county is read-only until the
 * switch), follow, and after the switch drop the source database explicitly.
 */
@Path("/api/admin/tenants/{code}/moves")
@RolesAllowed(Roles.PLATFORM_ADMIN)
public class CountyMoveResource {
    @Inject
    CountyMover mover;

    @Inject
    CurrentUser user;

    @POST
    public Response start(@PathParam("code") String code, @Valid @NotNull(message = "请求内容不能为空") MoveView.Request request) {
        MoveView move = mover.start(user.username(), code, request.targetCluster());
        return Response.accepted(move).location(URI.create("/api/admin/tenants/" + code + "/moves/" + move.id())).build();
    }

    @GET
    public List<MoveView> list(@PathParam("code") String code) {
        return mover.moves(code);
    }

    @GET
    @Path("/{id}")
    public MoveView get(@PathParam("code") String code, @PathParam("id") long id) {
        return mover.view(code, id);
    }

    /** Drops the source database of a switched move. */
    @POST
    @Path("/{id}/cleanup")
    public MoveView cleanUp(@PathParam("code") String code, @PathParam("id") long id) {
        return mover.cleanUp(user.username(), code, id);
    }
}
