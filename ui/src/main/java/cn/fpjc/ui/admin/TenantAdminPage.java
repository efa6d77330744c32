package cn.fpjc.ui.admin;

import cn.fpjc.ui.common.Flash;
import cn.fpjc.core.platform.web.Page;
import cn.fpjc.ui.common.FormSubmit;
import cn.fpjc.admin.tenant.OnboardRequest;
import cn.fpjc.admin.tenant.TenantResource;
import cn.fpjc.admin.tenant.TenantService;
import cn.fpjc.core.platform.web.SortBy;
import cn.fpjc.ui.common.ListLinks;
import java.util.LinkedHashMap;
import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.platform.plugin.ProvincePluginResource;
import cn.fpjc.core.platform.security.CurrentUser;
import cn.fpjc.core.platform.security.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import cn.fpjc.admin.tenant.TenantView;
import cn.fpjc.core.platform.tenancy.TenantStatus;
import cn.fpjc.ui.common.PageUser;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.CookieParam;
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
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import cn.fpjc.admin.error.AdminError;
import jakarta.validation.Validator;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The tenant registry for platform and province admins. It calls the same resource the REST API
 * exposes, so scope rules (a province admin sees and onboards only its province) are the API's.
 */
@Path("/admin/tenants")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.PROVINCE_ADMIN})
public class TenantAdminPage {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance tenants();
    }

    @Inject
    TenantResource api;

    @Inject
    ProvincePluginResource provinces;

    @Inject
    CurrentUser user;

    @Inject
    Validator validator;

    static final int PAGE_SIZE = 20;

    /**
     * The registry by 代码或名称 and 状态, sorted by a column the URL names ({@link TenantService#SORTS}; by code by default) and
     * paged with the shared pager; an unknown column or page number is refused: 400, the page with the reason.
     */
    @GET
    public Response list(@CookieParam(Flash.INFO) String flash, @QueryParam("q") String q, @QueryParam("status") String status,
            @QueryParam("sort") String sort, @QueryParam("dir") String dir, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("jump") String jump) {
        try {
            SortBy order = SortBy.parse(sort, dir, TenantService.SORTS, TenantService.BY_CODE);
            return Response.ok(page(q, status, order, ListLinks.requested(page, jump)).data("flash", Flash.text(flash))).build();
        } catch (RuntimeException failure) {
            ApiException e = FormSubmit.refusal(failure);
            return Response.status(e.code().status()).entity(page(q, status, null, 0).data("error", e.humanMessage())).build();
        }
    }

    /** The onboarding form as typed, shown again with each refusal beside its input. */
    public record OnboardForm(String code, String name, String province) {
    }

    @POST
    public Response onboard(@RestForm String code, @RestForm String name, @RestForm String province) {
        OnboardRequest request = new OnboardRequest(trim(code), trim(name), trim(province));
        OnboardForm typed = new OnboardForm(code, name, province);
        Map<String, String> errors = new HashMap<>();
        validator.validate(request).forEach(v -> errors.merge(v.getPropertyPath().toString(), v.getMessage(), (a, b) -> a + "；" + b));
        if (!errors.isEmpty()) {
            return Response.status(400).entity(page().data("onboard", typed).data("errors", errors)).build();
        }
        try {
            api.onboard(request);
            // Show the county just onboarded, wherever it falls in the paged list.
            return redirect("已开通：" + trim(name) + "（" + trim(code) + "）", trim(code));
        } catch (RuntimeException failure) {
            ApiException e = FormSubmit.refusal(failure);
            String input = onboardInput(e);
            TemplateInstance again = page().data("onboard", typed);
            if (input == null) {
                again.data("error", e.humanMessage());
            } else {
                again.data("errors", Map.of(input, e.humanMessage()));
            }
            return Response.status(e.code().status()).entity(again).build();
        }
    }

    /** The onboarding input a refusal is about; null for one shown above the form (e.g. the database failed). */
    private static String onboardInput(ApiException e) {
        if (e.code() == AdminError.COUNTY_CODE_INVALID || e.code() == AdminError.COUNTY_CODE_TAKEN
                || e.code() == AdminError.COUNTY_CODE_PROVINCE_MISMATCH) {
            return "code";
        }
        return e.code() == AdminError.PROVINCE_PLUGIN_MISSING || e.code() == AdminError.PROVINCE_SCOPE ? "province" : null;
    }

    @POST
    @Path("/{code}/suspend")
    public Response suspend(@PathParam("code") String code) {
        return act(() -> api.suspend(code), "已暂停：" + code, code);
    }

    @POST
    @Path("/{code}/resume")
    public Response resume(@PathParam("code") String code) {
        return act(() -> api.resume(code), "已恢复：" + code, code);
    }

    private Response act(Runnable action, String flash, String code) {
        try {
            action.run();
            return redirect(flash, code);
        } catch (RuntimeException failure) {
            ApiException e = FormSubmit.refusal(failure);
            return Response.status(e.code().status()).entity(page().data("error", e.humanMessage())).build();
        }
    }

    private TemplateInstance page() {
        return page(null, null, TenantService.BY_CODE, 0);
    }

    /** The page; {@code order} null: the list was refused (shown empty). */
    private TemplateInstance page(String q, String status, SortBy order, int page) {
        var visible = provinces.list().stream()
                .filter(p -> user.hasRole(Roles.PLATFORM_ADMIN) || p.id().equals(user.province())).toList();
        TenantStatus statusFilter = Arrays.stream(TenantStatus.values()).filter(s -> s.name().equals(status)).findFirst().orElse(null);
        Page<TenantView> result = order == null ? Page.empty(PAGE_SIZE) : api.search(q, statusFilter, order, page, PAGE_SIZE);
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("q", q);
        filters.put("status", statusFilter == null ? "" : statusFilter.name());
        ListLinks links = ListLinks.of("/admin/tenants", filters, order == null ? TenantService.BY_CODE : order, TenantService.BY_CODE, result);
        return Templates.tenants().data("user", PageUser.of(user)).data("tenants", result.items()).data("result", result).data("links", links)
                .data("q", q == null ? "" : q).data("status", statusFilter == null ? "" : statusFilter.name())
                .data("statuses", List.of(TenantStatus.values())).data("provinces", visible)
                // the database version (a changelog id) and a failure's technical text are for the platform's operators only
                .data("technical", user.hasRole(cn.fpjc.core.platform.security.Roles.PLATFORM_ADMIN))
                .data("onboard", new OnboardForm("", "", "")).data("errors", Map.of());
    }

    private static Response redirect(String flash, String code) {
        return Response.seeOther(URI.create("/admin/tenants?q=" + URLEncoder.encode(code, StandardCharsets.UTF_8)))
                .cookie(Flash.info(flash)).build();
    }

    private static String trim(String s) {
        return s == null ? "" : s.strip();
    }
}
