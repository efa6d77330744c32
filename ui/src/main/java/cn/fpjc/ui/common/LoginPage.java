package cn.fpjc.ui.common;

import cn.fpjc.admin.user.AuthService;
import cn.fpjc.admin.user.SessionRevocations;
import cn.fpjc.core.platform.security.CurrentUser;
import org.eclipse.microprofile.jwt.JsonWebToken;
import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.platform.error.ErrorMappers;
import cn.fpjc.core.platform.clock.AppClock;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import org.jboss.resteasy.reactive.RestForm;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;

/** Login and logout. The token lives in an HttpOnly, SameSite=Strict cookie that the JWT layer reads. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@SecurityRequirements // public (login form, logout): the contract says `security: []`
public class LoginPage {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login();
    }

    @Inject
    AppClock clock;

    @Inject
    AuthService auth;

    @Inject
    UiConfig config;

    @Inject
    CurrentUser user;

    @Inject
    JsonWebToken token;

    @Inject
    SessionRevocations revocations;

    @GET
    @Path("login")
    public TemplateInstance form() {
        return Templates.login();
    }

    @POST
    @Path("login")
    public Response login(@RestForm String username, @RestForm String password) {
        try {
            AuthService.LoggedIn result = auth.login(username, password);
            long maxAge = Duration.between(clock.machineNow(), result.token().expiresAt()).toSeconds();
            return Response.seeOther(URI.create("/")).cookie(cookie(result.token().token(), (int) maxAge)).build();
        } catch (RuntimeException failure) {
            ApiException e = FormSubmit.refusal(failure);
            return Response.status(e.code().status())
                    .entity(Templates.login().data("error", e.humanMessage()).data("username", username)).build();
        }
    }

    @POST
    @Path("logout")
    public Response logout() {
        // A stale or already revoked cookie fails authentication here and the mapper sends the person to /login anyway.
        if (user.isAuthenticated()) {
            revocations.end(token);
        }
        return Response.seeOther(URI.create("/login")).cookie(cookie("", 0)).build();
    }

    private NewCookie cookie(String value, int maxAge) {
        return new NewCookie.Builder(ErrorMappers.SESSION_COOKIE).value(value).path("/").maxAge(maxAge).httpOnly(true)
                .secure(config.secureCookie()).sameSite(NewCookie.SameSite.STRICT).build();
    }
}
