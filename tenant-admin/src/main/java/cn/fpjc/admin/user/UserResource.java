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
import cn.fpjc.core.platform.web.Page;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Users within the caller's reach (platform: all; province: its counties; county admin: its county). */
@Path("/api/admin/users")
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.PROVINCE_ADMIN, Roles.COUNTY_ADMIN})
public class UserResource {
    @Inject
    UserService service;

    @Inject
    CurrentUser user;

    /**
     * Users in the caller's reach whose username or display name contains {@code q}, in username order, paged
     * ({@code page} from 0, {@code size} up to 500). The total is in X-Total-Count.
     */
    @GET
    @Transactional
    public Response list(@QueryParam("q") String q, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("500") int size) {
        return search(q, page, size).toResponse();
    }

    /** The same search, for pages. */
    @Transactional
    public Page<UserView> search(String q, int page, int size) {
        return service.search(user, q, page, Math.min(Math.max(size, 1), 500));
    }

    /** Disables an account: its tokens stop working (on other replicas within fpjc.tenancy.registry-refresh), it cannot log in. */
    @POST
    @Path("/{username}/disable")
    public UserView disable(@PathParam("username") String username) {
        return service.setEnabled(user, username, false);
    }

    /** Enables a disabled account again; tokens issued before it was disabled stay refused. */
    @POST
    @Path("/{username}/enable")
    public UserView enable(@PathParam("username") String username) {
        return service.setEnabled(user, username, true);
    }

    /** An admin sets a new password for a user who forgot theirs; the user's current sessions end, a lockout is lifted. */
    @POST
    @Path("/{username}/password")
    public UserView resetPassword(@PathParam("username") String username, @Valid PasswordReset request) {
        return service.resetPassword(user, username, request.password());
    }

    @Schema(name = "PasswordReset")
    public record PasswordReset(@NotBlank(message = "请设置密码") @Size(min = 8, max = 72, message = "密码长度应为8—72位") String password) {
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
