package cn.fpjc.core.policy.procedure;

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

/** The procedures the caller's county follows in a year, with each step's role, evidence and resolved deadlines. */
@Path("/api/counties/{county}/procedures")
@TenantScoped
@Authenticated
public class ProcedureResource {
    @Inject
    AppClock clock;

    @Inject
    EffectiveProcedures procedures;

    @Inject
    TenantAccess access;

    @GET
    public List<EffectiveProcedures.ResolvedProcedure> list(@PathParam("county") String county, @QueryParam("year") Integer year) {
        TenantInfo tenant = access.current();
        return procedures.resolveAll(tenant.provinceId(), tenant.code(), year == null ? clock.year() : year);
    }
}
