package cn.fpjc.core.platform.metrics;

import cn.fpjc.core.platform.clock.AppClock;
import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.platform.error.PlatformError;
import cn.fpjc.core.platform.org.OrgUnit;
import cn.fpjc.core.platform.security.CurrentUser;
import cn.fpjc.core.platform.security.OrgScope;
import cn.fpjc.core.platform.security.Roles;
import cn.fpjc.core.platform.tenancy.TenantAccess;
import cn.fpjc.core.platform.tenancy.TenantInfo;
import cn.fpjc.core.platform.tenancy.TenantScoped;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The county's own figures (README "Roll-ups"): every module's metrics for the reader's org unit today, or for an area
 * below it ({@code org}), broken down one level further (a county by township, a township by village). The province's
 * snapshot runs the same definitions over the whole county, so the two agree.
 */
@Path("/api/counties/{county}/metrics")
@TenantScoped
@Authenticated
public class CountyMetricsResource {
    @Inject
    CountyMetrics metrics;

    @Inject
    CurrentUser user;

    @Inject
    TenantAccess access;

    @Inject
    AppClock clock;

    /** @param org the area shown (the reader's own org unit by default) */
    public record CountyFigures(String county, String org, String orgName, String orgLevel, LocalDate asOf, String childLevel,
            List<Crumb> path, List<MetricReport> metrics) {
    }

    public record Crumb(String code, String name) {
    }

    @GET
    public CountyFigures figures(@PathParam("county") String county, @QueryParam("org") String org) {
        return report(org);
    }

    /** The same for pages. */
    public CountyFigures report(String org) {
        user.requireAnyRole(Roles.COUNTY_ROLES.toArray(String[]::new));
        TenantInfo tenant = access.current();
        String area = org == null || org.isBlank() ? user.orgCode() : org.strip();
        if (!OrgScope.covers(user.orgCode(), area) || !(area.equals(tenant.code()) || OrgScope.isTownship(area) || OrgScope.isVillage(area))) {
            throw new ApiException(PlatformError.NOT_FOUND, "区划 " + area);
        }
        LocalDate asOf = clock.today();
        Map<String, String> names = QuarkusTransaction.requiringNew().call(() -> {
            Map<String, String> n = new HashMap<>();
            for (Object[] r : OrgUnit.getEntityManager().createQuery("select o.code, o.name from OrgUnit o where o.code like :p", Object[].class)
                    .setParameter("p", tenant.code() + "%").getResultList()) {
                n.put((String) r[0], (String) r[1]);
            }
            return n;
        });
        if (!area.equals(tenant.code()) && !names.containsKey(area)) {
            throw new ApiException(PlatformError.NOT_FOUND, "区划 " + area);
        }
        names.putIfAbsent(tenant.code(), tenant.name());
        Function<MetricValue, String> child;
        String childLevel;
        if (OrgScope.isCounty(area)) {
            child = v -> MetricRows.township(v.village());
            childLevel = "乡镇";
        } else if (OrgScope.isTownship(area)) {
            child = MetricValue::village;
            childLevel = "村";
        } else {
            child = null;
            childLevel = null;
        }
        List<MetricReport> out = new ArrayList<>();
        for (MetricRows rows : metrics.compute(tenant, asOf, area).values()) {
            out.add(MetricReport.of(rows, asOf, child, names));
        }
        List<Crumb> path = new ArrayList<>();
        path.add(new Crumb(tenant.code(), tenant.name()));
        if (area.length() == 12) {
            String township = MetricRows.township(area);
            path.add(new Crumb(township, names.getOrDefault(township, township)));
            if (!township.equals(area)) {
                path.add(new Crumb(area, names.getOrDefault(area, area)));
            }
        }
        return new CountyFigures(tenant.code(), area, names.getOrDefault(area, area), OrgScope.isCounty(area) ? "县" : OrgScope.isTownship(area)
                ? "乡镇" : "村", asOf, childLevel, path, out);
    }
}
