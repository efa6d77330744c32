package cn.fpjc.ui.admin;

import cn.fpjc.ui.common.Flash;
import cn.fpjc.admin.user.CreateUserRequest;
import cn.fpjc.admin.user.UserResource;
import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.ui.common.FormSubmit;
import cn.fpjc.core.platform.security.CurrentUser;
import cn.fpjc.core.platform.security.Roles;
import cn.fpjc.ui.common.PageUser;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Users within the admin's reach: list, add staff, unlock. Same rules as /api/admin/users (a county
 * admin adds staff of its own county; roles must fit the org unit).
 */
@Path("/admin/users")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.PROVINCE_ADMIN, Roles.COUNTY_ADMIN})
public class UserAdminPage {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance users();
    }

    @Inject
    UserResource api;

    @Inject
    CurrentUser user;

    @Inject
    Validator validator;

    public record Form(String username, String displayName, String role, String tenant, String org) {
    }

    @GET
    public TemplateInstance list(@CookieParam(Flash.INFO) String flash) {
        return page(new Form(null, null, Roles.VILLAGE_CLERK, null, null)).data("flash", Flash.text(flash));
    }

    @POST
    public Response create(@RestForm String username, @RestForm String displayName, @RestForm String password, @RestForm String role,
            @RestForm String tenant, @RestForm String org, @RestForm String province) {
        String county = user.hasRole(Roles.COUNTY_ADMIN) ? user.tenant() : blankToNull(tenant);
        Form form = new Form(username, displayName, role, county, org);
        CreateUserRequest request = new CreateUserRequest(trim(username), trim(displayName), password, List.of(trim(role)),
                blankToNull(province), county, blankToNull(org));
        try {
            var violations = validator.validate(request);
            if (!violations.isEmpty()) {
                throw new ConstraintViolationException(violations);
            }
            api.create(request);
            return redirect("已添加用户 " + request.username());
        } catch (ConstraintViolationException e) {
            String message = e.getConstraintViolations().stream().map(v -> v.getMessage()).sorted().reduce((a, b) -> a + "；" + b).orElse("");
            return Response.status(400).entity(page(form).data("error", message)).build();
        } catch (RuntimeException failure) {
            ApiException e = FormSubmit.refusal(failure);
            return Response.status(e.code().status()).entity(page(form).data("error", e.humanMessage())).build();
        }
    }

    @POST
    @Path("/{username}/unlock")
    public Response unlock(@PathParam("username") String username) {
        try {
            api.unlock(username);
            return redirect("已解锁 " + username);
        } catch (RuntimeException failure) {
            ApiException e = FormSubmit.refusal(failure);
            return Response.status(e.code().status()).entity(page(new Form(null, null, Roles.VILLAGE_CLERK, null, null))
                    .data("error", e.humanMessage())).build();
        }
    }

    private TemplateInstance page(Form form) {
        Map<String, String> roles = new LinkedHashMap<>();
        Roles.labels().forEach((key, label) -> {
            boolean countyRole = Roles.COUNTY_ROLES.contains(key);
            if (countyRole || user.hasRole(Roles.PLATFORM_ADMIN)) {
                roles.put(key, label);
            }
        });
        TemplateInstance page = Templates.users().data("user", PageUser.of(user)).data("users", api.list()).data("roles", roles)
                .data("form", form).data("platform", user.hasRole(Roles.PLATFORM_ADMIN));
        if (user.hasRole(Roles.COUNTY_ADMIN)) {
            page.data("fixedTenant", user.tenant());
        }
        if (user.hasRole(Roles.PROVINCE_ADMIN)) {
            page.data("province", user.province());
        }
        return page;
    }

    private static Response redirect(String flash) {
        return Response.seeOther(URI.create("/admin/users")).cookie(Flash.info(flash)).build();
    }

    private static String trim(String s) {
        return s == null ? "" : s.strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
