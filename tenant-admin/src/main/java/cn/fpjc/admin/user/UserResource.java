package cn.fpjc.admin.user;

import cn.fpjc.core.platform.security.CurrentUser;
import cn.fpjc.core.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/** Users within the caller's reach (platform: all; province: its counties; county admin: its county). */
@Path("/api/admin/users")
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.PROVINCE_ADMIN, Roles.COUNTY_ADMIN})
public class UserResource {
    @Inject
    UserService service;

    @Inject
    CurrentUser user;

    @GET
    @Transactional
    public List<UserView> list() {
        return service.list(user);
    }

    /** Lifts a lockout before it expires (e.g. a clerk who mistyped five times and called the county). */
    @POST
    @Path("/{username}/unlock")
    public UserView unlock(@PathParam("username") String username) {
        return service.unlock(user, username);
    }

    @POST
    public Response create(@Valid CreateUserRequest request) {
        UserView created = service.create(user, request);
        return Response.created(URI.create("/api/admin/users/" + created.username())).entity(created).build();
    }
}
