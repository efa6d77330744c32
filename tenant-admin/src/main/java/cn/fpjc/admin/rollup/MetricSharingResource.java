package cn.fpjc.admin.rollup;

import cn.fpjc.admin.audit.PlatformAudit;
import cn.fpjc.admin.tenant.Tenant;
import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.platform.error.ErrorBody.FieldError;
import cn.fpjc.core.platform.error.PlatformError;
import cn.fpjc.core.platform.security.CurrentUser;
import cn.fpjc.core.platform.security.Roles;
import cn.fpjc.core.platform.tenancy.TenantAccess;
import cn.fpjc.core.platform.tenancy.TenantScoped;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import java.util.Map;

/**
 * What the county shares with its province: its figures township by township, or only its county totals. The county
 * admin decides; the next snapshot follows (README "Roll-ups").
 */
@Path("/api/counties/{county}/metric-sharing")
@TenantScoped
@Authenticated
public class MetricSharingResource {
    @Inject
    CurrentUser user;

    @Inject
    TenantAccess access;

    @Inject
    PlatformAudit audit;

    public record Sharing(boolean townships) {
    }

    public record SharingRequest(Boolean townships) {
    }

    @GET
    @Transactional
    public Sharing get(@PathParam("county") String county) {
        user.requireAnyRole(Roles.COUNTY_ROLES.toArray(String[]::new));
        return new Sharing(tenant().sharesTownships);
    }

    @PUT
    @Transactional
    public Sharing set(@PathParam("county") String county, SharingRequest request) {
        user.requireAnyRole(Roles.COUNTY_ADMIN);
        if (request == null || request.townships() == null) {
            throw new ApiException(PlatformError.VALIDATION_FAILED, null, List.of(new FieldError("townships", "请选择是否向省级共享乡镇一级的指标（true 或 false）")));
        }
        Tenant t = tenant();
        boolean before = t.sharesTownships;
        t.sharesTownships = request.townships();
        audit.record(user.username(), "METRIC_SHARING", "tenant", t.code, Map.of("sharesTownships", before), Map.of("sharesTownships", t.sharesTownships));
        return new Sharing(t.sharesTownships);
    }

    private Tenant tenant() {
        return Tenant.findById(access.current().code());
    }
}
