package cn.fpjc.core.policy.param;

import cn.fpjc.core.platform.clock.AppClock;
import cn.fpjc.core.platform.tenancy.TenantAccess;
import cn.fpjc.core.platform.tenancy.TenantInfo;
import cn.fpjc.core.platform.tenancy.TenantScoped;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;

/** 本县执行参数: every parameter in force for the caller's county in a year, with value, source and origin. */
@Path("/api/counties/{county}/parameters")
@TenantScoped
@Authenticated
public class ParameterResource {
    @Inject
    AppClock clock;

    @Inject
    EffectiveParameters parameters;

    @Inject
    TenantAccess access;

    @GET
    public List<EffectiveParameter> list(@PathParam("county") String county, @QueryParam("year") Integer year) {
        TenantInfo tenant = access.current();
        return parameters.resolveAll(tenant.provinceId(), tenant.code(), year == null ? clock.year() : year);
    }
}
