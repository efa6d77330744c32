package cn.fpjc.core.platform.jobs;

import cn.fpjc.core.platform.security.Roles;
import cn.fpjc.core.platform.tenancy.TenantAccess;
import cn.fpjc.core.platform.tenancy.TenantScoped;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;

/** The county's recent background runs (nightly jobs, imports, on-demand checks) for its admins. */
@Path("/api/counties/{county}/background-jobs")
@TenantScoped
@RolesAllowed(Roles.COUNTY_ADMIN)
public class BackgroundJobsResource {
    @Inject
    BackgroundJobs jobs;

    @Inject
    TenantAccess access;

    /** Newest first, at most {@code limit} (200). */
    @GET
    public List<BackgroundRunView> recent(@PathParam("county") String county, @QueryParam("limit") @DefaultValue("50") int limit) {
        return jobs.recent(access.current().code(), limit);
    }
}
