package cn.fpjc.ui.admin;

import cn.fpjc.admin.error.AdminError;
import cn.fpjc.admin.tenant.TenantService;
import cn.fpjc.admin.tenant.TenantView;
import cn.fpjc.admin.user.CreateUserRequest;
import cn.fpjc.admin.user.UserResource;
import cn.fpjc.admin.user.UserView;
import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.platform.error.PlatformError;
import cn.fpjc.core.platform.org.OrgLevel;
import cn.fpjc.core.platform.org.OrgUnitService;
import cn.fpjc.core.platform.org.OrgUnitView;
import cn.fpjc.core.platform.plugin.ProvincePluginResource;
import cn.fpjc.core.platform.security.CurrentUser;
import cn.fpjc.core.platform.security.Roles;
import cn.fpjc.core.platform.tenancy.TenantScope;
import cn.fpjc.core.platform.web.Page;
import cn.fpjc.ui.common.Flash;
import cn.fpjc.ui.common.FormSubmit;
import cn.fpjc.ui.common.PageNumbers;
import cn.fpjc.ui.common.PageUser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Users within the admin's reach: search and page through them, add staff (county and org unit chosen from lists),
 * unlock, disable and enable, and set a new password. Same rules as /api/admin/users (a county admin manages its own
 * county's staff; roles must fit the org unit).
 */
@Path("/admin/users")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.PROVINCE_ADMIN, Roles.COUNTY_ADMIN})
public class UserAdminPage {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance users();

        static native TemplateInstance password(PageUser user, UserView target, Map<String, String> errors);
    }

    static final int PAGE_SIZE = 20;

    @Inject
    UserResource api;

    @Inject
    TenantService tenants;

    @Inject
    OrgUnitService orgUnits;

    @Inject
    ProvincePluginResource provinces;

    @Inject
    CurrentUser user;

    @Inject
    Validator validator;

    /** The add-user form as typed. */
    public record Form(String username, String displayName, String role, String tenant, String org, String province) {
    }

    /** A township and its villages, for the org unit list. */
    public record Township(OrgUnitView unit, List<OrgUnitView> villages) {
    }

    @GET
    public TemplateInstance list(@CookieParam(Flash.INFO) String flash, @QueryParam("q") String q,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("tenant") String tenant) {
        Form form = new Form(null, null, Roles.VILLAGE_CLERK, tenant, null, null);
        return page(form, q, page).data("flash", Flash.text(flash));
    }

    @POST
    public Response create(@RestForm String username, @RestForm String displayName, @RestForm String password, @RestForm String role,
            @RestForm String tenant, @RestForm String org, @RestForm String province) {
        String county = user.hasRole(Roles.COUNTY_ADMIN) ? user.tenant() : blankToNull(tenant);
        Form form = new Form(username, displayName, role, county, org, province);
        CreateUserRequest request = new CreateUserRequest(trim(username), trim(displayName), password, List.of(trim(role)),
                user.hasRole(Roles.PROVINCE_ADMIN) ? user.province() : blankToNull(province), county, blankToNull(org));
        Set<ConstraintViolation<CreateUserRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            Map<String, String> errors = new HashMap<>();
            violations.forEach(v -> errors.merge(inputOf(v.getPropertyPath().toString()), v.getMessage(), (a, b) -> a + "；" + b));
            return Response.status(400).entity(page(form, null, 0).data("errors", errors)).build();
        }
        try {
            api.create(request);
            return redirect("已添加用户 " + request.username(), request.username());
        } catch (RuntimeException failure) {
            ApiException e = FormSubmit.refusal(failure);
            String input = inputOf(e);
            TemplateInstance again = QuarkusTransaction.requiringNew().call(() -> page(form, null, 0));
            if (input == null) {
                again.data("error", e.humanMessage());
            } else {
                again.data("errors", Map.of(input, e.humanMessage()));
            }
            return Response.status(e.code().status()).entity(again).build();
        }
    }

    @POST
    @Path("/{username}/unlock")
    public Response unlock(@PathParam("username") String username) {
        return act(() -> api.unlock(username), "已解锁 ", username);
    }

    @POST
    @Path("/{username}/disable")
    public Response disable(@PathParam("username") String username) {
        return act(() -> api.disable(username), "已停用（原有登录已失效）：", username);
    }

    @POST
    @Path("/{username}/enable")
    public Response enable(@PathParam("username") String username) {
        return act(() -> api.enable(username), "已启用 ", username);
    }

    /** The admin types the new password twice; the old one and every current session of the user stop working. */
    @GET
    @Path("/{username}/password")
    public TemplateInstance passwordForm(@PathParam("username") String username) {
        return Templates.password(PageUser.of(user), target(username), Map.of());
    }

    @POST
    @Path("/{username}/password")
    public Response resetPassword(@PathParam("username") String username, @RestForm String password, @RestForm String confirm) {
        UserView target = target(username);
        Map<String, String> errors = new HashMap<>();
        UserResource.PasswordReset request = new UserResource.PasswordReset(password);
        validator.validate(request).forEach(v -> errors.merge("password", v.getMessage(), (a, b) -> a + "；" + b));
        if (errors.isEmpty() && !password.equals(confirm)) {
            errors.put("confirm", "两次输入的密码不一致");
        }
        if (!errors.isEmpty()) {
            return Response.status(400).entity(Templates.password(PageUser.of(user), target, errors)).build();
        }
        return act(() -> api.resetPassword(username, request), "已重置密码，原有登录已失效：", username);
    }

    /** A user in the admin's reach, or 404 (users outside it are not disclosed). */
    private UserView target(String username) {
        return api.search(username, 0, 500).items().stream().filter(u -> u.username().equals(username)).findFirst()
                .orElseThrow(() -> new ApiException(PlatformError.NOT_FOUND, "用户 " + username));
    }

    private Response act(Runnable action, String flash, String username) {
        try {
            action.run();
            return redirect(flash + username, username);
        } catch (RuntimeException failure) {
            ApiException e = FormSubmit.refusal(failure);
            return Response.status(e.code().status())
                    .entity(page(new Form(null, null, Roles.VILLAGE_CLERK, null, null, null), null, 0).data("error", e.humanMessage())).build();
        }
    }

    /** The input a refusal of the service is about, or null for one the page shows above the form. */
    private static String inputOf(ApiException e) {
        if (e.code() == AdminError.USERNAME_TAKEN) {
            return "username";
        }
        if (e.code() == AdminError.ROLE_INVALID) {
            return e.humanMessage().contains("所属单位") ? "org" : "role";
        }
        if (e.code() == AdminError.PROVINCE_PLUGIN_MISSING) {
            return "province";
        }
        return e.code() == PlatformError.TENANT_UNKNOWN ? "tenant" : null;
    }

    private static String inputOf(String property) {
        return property.startsWith("roles") ? "role" : property;
    }

    private TemplateInstance page(Form form, String q, int page) {
        Map<String, String> roles = new LinkedHashMap<>();
        Roles.labels().forEach((key, label) -> {
            if (Roles.COUNTY_ROLES.contains(key) || user.hasRole(Roles.PLATFORM_ADMIN)) {
                roles.put(key, label);
            }
        });
        Page<UserView> result = api.search(q, page, PAGE_SIZE);
        Map<String, String> counties = new LinkedHashMap<>();
        visibleCounties().forEach(t -> counties.put(t.code(), t.name()));
        String chosen = user.hasRole(Roles.COUNTY_ADMIN) ? user.tenant() : form.tenant();
        if (chosen != null && !counties.containsKey(chosen)) {
            chosen = null;
        }
        // Org unit names of the counties on this page (one query per county shown) and the chosen county's tree.
        Set<String> shownCounties = new TreeSet<>();
        result.items().stream().map(UserView::tenantCode).filter(c -> c != null && counties.containsKey(c)).forEach(shownCounties::add);
        if (chosen != null) {
            shownCounties.add(chosen);
        }
        Map<String, List<OrgUnitView>> units = new HashMap<>();
        Map<String, String> orgNames = new HashMap<>();
        for (String county : shownCounties) {
            List<OrgUnitView> list = unitsOf(county);
            units.put(county, list);
            orgNames.put(county, "县本级");
            list.forEach(u -> orgNames.put(u.code(), u.name()));
        }
        List<Township> tree = chosen == null ? List.of() : tree(units.get(chosen));
        TemplateInstance template = Templates.users().data("user", PageUser.of(user)).data("users", result.items()).data("result", result)
                .data("pages", PageNumbers.of(result)).data("q", q == null ? "" : q).data("roles", roles).data("form", form)
                .data("platform", user.hasRole(Roles.PLATFORM_ADMIN)).data("counties", counties).data("orgNames", orgNames)
                .data("chosen", chosen == null ? "" : chosen).data("chosenName", chosen == null ? "" : counties.get(chosen))
                .data("townships", tree).data("errors", Map.of());
        if (user.hasRole(Roles.PLATFORM_ADMIN)) {
            template.data("provinces", provinces.list());
        }
        return template;
    }

    private List<TenantView> visibleCounties() {
        if (user.hasRole(Roles.PLATFORM_ADMIN)) {
            return QuarkusTransaction.joiningExisting().call(() -> tenants.list(null));
        }
        if (user.hasRole(Roles.PROVINCE_ADMIN)) {
            return QuarkusTransaction.joiningExisting().call(() -> tenants.list(user.province()));
        }
        return List.of(QuarkusTransaction.joiningExisting().call(() -> tenants.get(user.tenant())));
    }

    /** A county's townships and villages, in code order; none when its database cannot be read (e.g. not yet provisioned). */
    private List<OrgUnitView> unitsOf(String county) {
        try {
            return TenantScope.call(county, () -> QuarkusTransaction.requiringNew().call(() -> orgUnits.listVisible(county)));
        } catch (RuntimeException unreadable) {
            return List.of();
        }
    }

    private static List<Township> tree(List<OrgUnitView> units) {
        return units.stream().filter(u -> u.level() == OrgLevel.TOWNSHIP)
                .map(t -> new Township(t, units.stream().filter(v -> t.code().equals(v.parentCode())).toList())).toList();
    }

    private static Response redirect(String flash, String username) {
        return Response.seeOther(URI.create("/admin/users?q=" + URLEncoder.encode(username, StandardCharsets.UTF_8)))
                .cookie(Flash.info(flash)).build();
    }

    private static String trim(String s) {
        return s == null ? "" : s.strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
