package cn.fpjc.ui.registry;

import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.ui.common.FormSubmit;
import cn.fpjc.core.registry.RegistryService;
import cn.fpjc.core.registry.quality.DataQualityService;
import cn.fpjc.core.platform.security.CurrentUser;
import cn.fpjc.core.platform.tenancy.TenantAccess;
import cn.fpjc.core.platform.tenancy.TenantInfo;
import cn.fpjc.core.platform.web.Page;
import cn.fpjc.ui.common.ListLinks;
import cn.fpjc.ui.common.Names;
import cn.fpjc.core.platform.web.SortBy;
import java.util.LinkedHashMap;
import java.util.Map;
import cn.fpjc.ui.common.PageUser;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * 疑点筛查 page: the rule catalogue with each rule's findings in the user's scope, the findings of a chosen rule
 * (paged, each linking to its household), the export, and a button to check again now.
 */
@Path("/data-quality")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class DataQualityPage {
    static final int PAGE_SIZE = 50;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance findings();
    }

    @Inject
    Names names;

    @Inject
    TenantAccess access;

    @Inject
    DataQualityService dataQuality;

    @Inject
    CurrentUser user;

    /**
     * The rules and the findings of one rule (or all), sorted by a column the URL names ({@link DataQualityService#SORTS}) and
     * paged with the shared pager; an unknown rule, column or page number is refused: 400, the page with the reason.
     */
    @GET
    public Response page(@QueryParam("rule") String rule, @QueryParam("sort") String sort, @QueryParam("dir") String dir,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("jump") String jump) {
        TenantInfo tenant = access.bind(null);
        DataQualityService.Summary summary = dataQuality.summary();
        String error = null;
        int status = 200;
        Page<DataQualityService.Finding> findings = Page.empty(PAGE_SIZE);
        SortBy order = DataQualityService.BY_VILLAGE;
        try {
            order = SortBy.parse(sort, dir, DataQualityService.SORTS, DataQualityService.BY_VILLAGE);
            findings = dataQuality.findings(rule, null, order, ListLinks.requested(page, jump), PAGE_SIZE);
        } catch (RuntimeException failure) {
            ApiException e = FormSubmit.refusal(failure);
            error = e.humanMessage();
            status = e.code().status();
        }
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("rule", rule);
        ListLinks links = ListLinks.of("/data-quality", filters, order, DataQualityService.BY_VILLAGE, findings);
        Response.ResponseBuilder r = Response.status(status).entity(Templates.findings().data("user", PageUser.of(user)).data("tenantName", tenant.name())
                .data("summary", summary)
                .data("users", names.users(java.util.stream.Stream.of(summary.running(), summary.latest()).filter(java.util.Objects::nonNull)
                        .map(DataQualityService.RunView::actor))).data("rule", rule == null ? "" : rule).data("findings", findings.items())
                .data("pager", findings).data("links", links).data("error", error)
                .data("canRun", user.hasAnyRole(RegistryService.WRITERS)));
        if (summary.running() != null) {
            r.header("Refresh", "3");
        }
        return r.build();
    }

    @POST
    @Path("/run")
    public Response run() {
        access.bind(null);
        dataQuality.start();
        return Response.seeOther(URI.create("/data-quality")).build();
    }
}
