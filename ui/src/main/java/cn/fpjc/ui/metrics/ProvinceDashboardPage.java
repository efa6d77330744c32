package cn.fpjc.ui.metrics;

import cn.fpjc.admin.rollup.ProvinceDashboard;
import cn.fpjc.admin.rollup.ProvinceDashboard.CountyRow;
import cn.fpjc.admin.rollup.SnapshotRuns;
import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.platform.error.PlatformError;
import cn.fpjc.core.platform.metrics.MetricReport.Shown;
import cn.fpjc.core.platform.plugin.ProvincePluginResource;
import cn.fpjc.core.platform.security.CurrentUser;
import cn.fpjc.core.platform.security.Roles;
import cn.fpjc.ui.common.Flash;
import cn.fpjc.ui.common.PageUser;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/**
 * 全省指标 for a province admin (README "Roll-ups"): the counties side by side on every metric with the province total,
 * sortable by any column; a chart of the chosen metric across counties and by month; 支出进度 against the checkpoints;
 * one county opened up by township; the whole report as Excel; a snapshot started now.
 */
@Path("/province/dashboard")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.PROVINCE_ADMIN})
public class ProvinceDashboardPage {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard();

        static native TemplateInstance county();
    }

    @Inject
    ProvinceDashboard dashboards;

    @Inject
    SnapshotRuns runs;

    @Inject
    ProvincePluginResource provinces;

    @Inject
    CurrentUser user;

    @GET
    public TemplateInstance show(@QueryParam("province") String province, @QueryParam("sort") String sort, @QueryParam("dir") String dir,
            @QueryParam("metric") String metric, @CookieParam(Flash.INFO) String flash) {
        String p = province(province);
        ProvinceDashboard.Dashboard d = dashboards.dashboard(p);
        String chosen = metric != null && d.metrics().stream().anyMatch(m -> m.key().equals(metric)) ? metric
                : d.metrics().isEmpty() ? null : d.metrics().get(0).key();
        boolean descending = "desc".equals(dir);
        if (dir != null && !dir.isBlank() && !"asc".equals(dir) && !descending) {
            throw new ApiException(PlatformError.VALIDATION_FAILED, "排序方向只能是 asc 或 desc");
        }
        String by = sort == null || sort.isBlank() ? "code" : sort;
        if (!by.equals("code") && !by.equals("name") && d.metrics().stream().noneMatch(m -> m.key().equals(by))) {
            throw new ApiException(PlatformError.VALIDATION_FAILED, "不能按“" + by + "”排序：可按县（区）代码、名称或任一指标排序");
        }
        List<CountyRow> rows = new ArrayList<>(d.counties());
        Comparator<CountyRow> order = switch (by) {
            case "code" -> Comparator.comparing(CountyRow::code);
            case "name" -> Comparator.comparing(CountyRow::name);
            default -> Comparator.comparing((CountyRow r) -> value(r, by), Comparator.nullsFirst(Comparator.naturalOrder()));
        };
        rows.sort(descending ? order.reversed() : order);
        if (!by.equals("code") && !by.equals("name")) {
            // Counties without a figure stay last whichever way the column is sorted.
            rows.sort(Comparator.comparing((CountyRow r) -> value(r, by) == null));
        }
        return Templates.dashboard().data("user", PageUser.of(user)).data("d", d).data("rows", rows).data("sort", by)
                .data("dir", descending ? "desc" : "asc").data("metric", chosen)
                .data("chosen", d.metrics().stream().filter(m -> m.key().equals(chosen)).findFirst().orElse(null))
                .data("trend", d.trends().stream().filter(t -> t.key().equals(chosen)).findFirst().orElse(null))
                .data("provinces", visible()).data("flash", Flash.text(flash));
    }

    @GET
    @Path("/counties/{county}")
    public TemplateInstance county(@PathParam("county") String county, @QueryParam("province") String province) {
        String p = province(province);
        return Templates.county().data("user", PageUser.of(user)).data("c", dashboards.county(p, county))
                .data("provinceName", visible().stream().filter(v -> v.id().equals(p)).findFirst().map(ProvincePluginResource.ProvinceView::name).orElse(p));
    }

    /** Starts every active county's snapshot now and comes back to the dashboard with how many were started. */
    @POST
    @Path("/snapshots")
    public Response snapshot(@RestForm String province) {
        String p = province(province);
        int started = runs.start(p).size();
        return Response.seeOther(URI.create("/province/dashboard?province=" + p))
                .cookie(Flash.info("已发起 " + started + " 个县（区）的指标快照，完成后刷新本页即可看到新数字")).build();
    }

    private static BigDecimal value(CountyRow r, String key) {
        Shown s = r.figures().get(key);
        return s == null ? null : s.value();
    }

    private List<ProvincePluginResource.ProvinceView> visible() {
        return provinces.list().stream().filter(p -> user.hasRole(Roles.PLATFORM_ADMIN) || p.id().equals(user.province())).toList();
    }

    /** The province asked for if the caller may see it; the caller's own (or the first, for a platform admin) by default. */
    private String province(String requested) {
        if (requested != null && !requested.isBlank()) {
            return dashboards.checkScope(requested.strip());
        }
        List<ProvincePluginResource.ProvinceView> v = visible();
        if (v.isEmpty()) {
            throw new ApiException(PlatformError.NOT_FOUND, "省份");
        }
        return v.get(0).id();
    }
}
