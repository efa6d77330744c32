package cn.fpjc.ui.admin;

import cn.fpjc.admin.operations.OperationsService;
import cn.fpjc.admin.operations.TenantOperationsView;
import cn.fpjc.admin.tenant.TenantResource;
import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.platform.plugin.ProvincePluginResource;
import cn.fpjc.core.platform.security.CurrentUser;
import cn.fpjc.core.platform.security.Roles;
import cn.fpjc.core.platform.tenancy.TenantStatus;
import cn.fpjc.core.platform.web.Page;
import cn.fpjc.ui.common.FormSubmit;
import cn.fpjc.ui.common.ListLinks;
import cn.fpjc.ui.common.PageUser;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 平台运行状况: every county's status, database server and version, last migration, size and nightly jobs, for the
 * platform's operators (README "Platform operations view"). The same service as {@code GET /api/admin/operations}.
 */
@Path("/admin/operations")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.PLATFORM_ADMIN)
public class OperationsPage {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance operations();
    }

    static final int PAGE_SIZE = 20;

    @Inject
    OperationsService service;

    @Inject
    ProvincePluginResource provinces;

    @Inject
    CurrentUser user;

    /** Filtered by 状态 and 省份, paged; an unknown status, province or page number is refused: 400, the page with the reason. */
    @GET
    public Response list(@QueryParam("status") String status, @QueryParam("province") String province,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("jump") String jump) {
        try {
            TenantStatus statusFilter = TenantResource.parseStatus(status);
            Page<TenantOperationsView> result = service.search(statusFilter, province, ListLinks.requested(page, jump), PAGE_SIZE);
            return Response.ok(page(status, province, result)).build();
        } catch (RuntimeException failure) {
            ApiException e = FormSubmit.refusal(failure);
            return Response.status(e.code().status()).entity(page(status, province, Page.empty(PAGE_SIZE)).data("error", e.humanMessage()))
                    .build();
        }
    }

    private TemplateInstance page(String status, String province, Page<TenantOperationsView> result) {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("status", status);
        filters.put("province", province);
        long flagged = result.items().stream().filter(TenantOperationsView::jobsFailing).count();
        return Templates.operations().data("user", PageUser.of(user)).data("rows", result.items()).data("result", result)
                .data("links", ListLinks.of("/admin/operations", filters, result))
                .data("status", status == null ? "" : status.strip()).data("province", province == null ? "" : province.strip())
                .data("statuses", List.of(TenantStatus.values())).data("provinces", provinces.list()).data("flagged", flagged)
                .data("failureDays", OperationsService.FAILURE_WINDOW.toDays());
    }
}
