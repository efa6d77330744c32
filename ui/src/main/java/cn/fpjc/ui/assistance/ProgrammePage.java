package cn.fpjc.ui.assistance;

import cn.fpjc.core.assistance.programme.EntitlementService;
import cn.fpjc.core.assistance.programme.ProgrammeViews.ProgrammeView;
import cn.fpjc.core.assistance.programme.ProgrammeViews.Unclaimed;
import cn.fpjc.core.platform.clock.AppClock;
import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.platform.error.PlatformError;
import cn.fpjc.core.platform.org.OrgUnitService;
import cn.fpjc.core.platform.org.OrgUnitView;
import cn.fpjc.core.platform.security.CurrentUser;
import cn.fpjc.core.platform.security.OrgScope;
import cn.fpjc.core.platform.tenancy.TenantAccess;
import cn.fpjc.core.platform.tenancy.TenantInfo;
import cn.fpjc.core.registry.RegistryService;
import cn.fpjc.ui.common.FormSubmit;
import cn.fpjc.core.platform.web.Page;
import cn.fpjc.ui.common.ListLinks;
import cn.fpjc.ui.common.PageUser;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 帮扶政策 pages over the programme engine: the programmes with the parameters they read in a year (value or 未设定, with
 * the source), and a programme's 应享未享 list by village with its counts, page numbers and the xlsx export (a household's
 * 可享受政策 is {@link EntitlementPage}). Readers only (the API's roles), each in their org scope; a refusal (a year out of
 * range, an unknown programme, a village outside the scope) is shown in Chinese inside the layout with the refusal's status.
 */
@Path("/programmes")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class ProgrammePage {
    static final int PAGE_SIZE = 50;
    /** The service's own cap on a page of 应享未享. */
    static final int MAX_SIZE = 500;
    static final List<Integer> SIZES = List.of(20, 50, 100);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance programmes(PageUser user, String tenantName, int year, List<Integer> years,
                List<ProgrammeView> programmes, String error);

        static native TemplateInstance unclaimed(PageUser user, String tenantName, String programmeId, String programmeName, int year,
                List<Integer> years, String village, List<OrgUnitView> villages, int size, List<Integer> sizes, Unclaimed u,
                ListLinks pages, String query, String error);
    }

    @Inject
    TenantAccess access;

    @Inject
    CurrentUser user;

    @Inject
    EntitlementService entitlements;

    @Inject
    OrgUnitService orgUnits;

    @Inject
    AppClock clock;

    /** 帮扶政策: every programme with its summary and the parameters it reads, as they apply to the county in the year. */
    @GET
    public Response programmes(@QueryParam("year") String year) {
        TenantInfo tenant = access.bind(null);
        user.requireAnyRole(RegistryService.READERS);
        int shown = clock.year();
        try {
            Integer y = ProgrammeYears.number(year, "年度");
            shown = y == null ? shown : y;
            List<ProgrammeView> list = entitlements.list(y);
            return Response.ok(Templates.programmes(PageUser.of(user), tenant.name(), shown, ProgrammeYears.years(clock), list, null))
                    .build();
        } catch (RuntimeException failure) {
            ApiException e = FormSubmit.refusal(failure);
            return Response.status(e.code().status()).entity(Templates.programmes(PageUser.of(user), tenant.name(), shown,
                    ProgrammeYears.years(clock), List.of(), e.humanMessage())).build();
        }
    }

    /** 应享未享 of one programme: the entitled members with nothing paid in the year, by village, paged, with the xlsx link. */
    @GET
    @Path("/{programme}/unclaimed")
    @Transactional
    public Response unclaimed(@PathParam("programme") String programme, @QueryParam("year") String year,
            @QueryParam("village") String village, @QueryParam("page") String page, @QueryParam("size") String size,
            @QueryParam("jump") String jump) {
        TenantInfo tenant = access.bind(null);
        user.requireAnyRole(RegistryService.READERS);
        // Read before the list: a refused list leaves the transaction rollback-only.
        List<OrgUnitView> villages = orgUnits.listVisible(user.orgCode()).stream().filter(u -> OrgScope.isVillage(u.code())).toList();
        String v = village == null ? "" : village.strip();
        int shown = clock.year();
        String name = null;
        int perPage = PAGE_SIZE;
        try {
            name = entitlements.programme(programme).name();
            Integer y = ProgrammeYears.number(year, "年度");
            shown = y == null ? shown : y;
            if (!v.isEmpty() && villages.stream().noneMatch(u -> u.code().equals(v))) {
                throw new ApiException(PlatformError.VALIDATION_FAILED, "所选的村不在您的管辖范围内");
            }
            Integer asked = ProgrammeYears.number(page, "页码");
            int p = ListLinks.requested(asked == null ? 0 : asked, jump);
            Integer rows = ProgrammeYears.number(size, "每页人数");
            perPage = rows == null ? PAGE_SIZE : Math.min(Math.max(rows, 1), MAX_SIZE);
            Unclaimed u = entitlements.unclaimed(programme, shown, v.isEmpty() ? null : v, p, perPage);
            return Response.ok(Templates.unclaimed(PageUser.of(user), tenant.name(), programme, name, shown, ProgrammeYears.years(clock), v,
                    villages, perPage, SIZES, u, pages(programme, shown, v, perPage, u), query(shown, v, perPage), null)).build();
        } catch (RuntimeException failure) {
            ApiException e = FormSubmit.refusal(failure);
            return Response.status(e.code().status()).entity(Templates.unclaimed(PageUser.of(user), tenant.name(), programme, name, shown,
                    ProgrammeYears.years(clock), v, villages, perPage, SIZES, null, null, query(shown, v, perPage), e.humanMessage()))
                    .build();
        }
    }

    /** The filters as a query string, for the page links and the export (which ignores the size). */
    private static String query(int year, String village, int size) {
        return "year=" + year + (village.isEmpty() ? "" : "&village=" + URLEncoder.encode(village, StandardCharsets.UTF_8))
                + (size == PAGE_SIZE ? "" : "&size=" + size);
    }

    /** The page links and the jump-to form of the list (the shared pager), keeping the year, village and size. */
    static ListLinks pages(String programme, int year, String village, int size, Unclaimed u) {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("year", String.valueOf(year));
        filters.put("village", village);
        filters.put("size", size == PAGE_SIZE ? "" : String.valueOf(size));
        return ListLinks.of("/programmes/" + programme + "/unclaimed", filters, new Page<>(List.of(), u.total(), u.page(), u.size()));
    }
}
