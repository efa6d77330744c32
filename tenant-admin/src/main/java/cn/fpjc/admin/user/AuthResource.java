package cn.fpjc.admin.user;

import cn.fpjc.core.platform.clock.AppClock;
import cn.fpjc.core.platform.security.CurrentUser;
import cn.fpjc.core.platform.security.Roles;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;

@Path("/api/auth")
public class AuthResource {
    @Inject
    AuthService auth;

    @Inject
    CurrentUser user;

    @Inject
    AppClock clock;

    @Inject
    SessionRevocations revocations;

    @Inject
    org.eclipse.microprofile.jwt.JsonWebToken token;

    public record LoginRequest(@NotBlank String username, @NotBlank String password) {
    }

    public record LoginResponse(String token, Instant expiresAt, UserView user) {
    }

    public record Me(String username, String displayName, List<String> roles, List<String> roleLabels, String province,
            String tenant, String org) {
    }

    /** Exchanges username and password for a bearer token. 5 failures in a row lock the account for 15 minutes. */
    @POST
    @Path("/login")
    @SecurityRequirements // public: the contract says `security: []`
    public LoginResponse login(LoginRequest request) {
        AuthService.LoggedIn result = auth.login(request == null ? null : request.username(), request == null ? null : request.password());
        return new LoginResponse(result.token().token(), result.token().expiresAt(), UserView.of(result.user(), clock.machineNow()));
    }

    /** Ends the caller's token (it is refused from now on, on every replica within fpjc.tenancy.registry-refresh). */
    @POST
    @Path("/logout")
    @Authenticated
    public jakarta.ws.rs.core.Response logout() {
        revocations.end(token);
        return jakarta.ws.rs.core.Response.noContent().build();
    }

    /** The caller as the token says. */
    @GET
    @Path("/me")
    @Authenticated
    public Me me() {
        List<String> roles = List.copyOf(new TreeSet<>(user.roles()));
        return new Me(user.username(), user.displayName(), roles, roles.stream().map(Roles::label).toList(), user.province(),
                user.tenant(), user.orgCode());
    }
}
