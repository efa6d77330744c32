package cn.fpjc.core.assistance.programme;

import cn.fpjc.core.assistance.programme.ProgrammeViews.HouseholdEntitlements;
import cn.fpjc.core.assistance.programme.ProgrammeViews.ProgrammeView;
import cn.fpjc.core.assistance.programme.ProgrammeViews.Unclaimed;
import cn.fpjc.core.platform.tenancy.TenantAccess;
import cn.fpjc.core.platform.tenancy.TenantScoped;
import cn.fpjc.core.platform.web.Downloads;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * Assistance programmes of a county: each with the parameters it reads and their sources, a household's 可享受政策 with
 * every rule explained, and a programme's 应享未享 list (entitled, nothing paid) by village, as JSON or xlsx.
 * Readers: county, township and village staff and responsible officials, each within their org scope.
 */
@Path("/api/counties/{county}")
@TenantScoped
@Authenticated
public class ProgrammeEntitlementResource {
    @Inject
    EntitlementService service;

    @Inject
    UnclaimedExport export;

    @Inject
    TenantAccess access;

    /** The programmes with their rules' parameters as they apply in {@code year} (default: this year). */
    @GET
    @Path("/assistance-programmes")
    public List<ProgrammeView> programmes(@PathParam("county") String county, @QueryParam("year") Integer year) {
        return service.list(year);
    }

    /** 可享受政策: every member against every programme, each rule passed or failed with its parameter and source. */
    @GET
    @Path("/households/{id}/entitlements")
    public HouseholdEntitlements entitlements(@PathParam("county") String county, @PathParam("id") long id,
            @QueryParam("year") Integer year) {
        return service.household(id, year);
    }

    /** 应享未享 of one programme: entitled members with nothing paid in the year, paged from 0, with counts by village. */
    @GET
    @Path("/assistance-programmes/{programme}/unclaimed")
    public Unclaimed unclaimed(@PathParam("county") String county, @PathParam("programme") String programme,
            @QueryParam("year") Integer year, @QueryParam("village") String village,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        return service.unclaimed(programme, year, village, page, size);
    }

    /** The same list as an xlsx workbook (ID numbers masked). */
    @GET
    @Path("/assistance-programmes/{programme}/unclaimed.xlsx")
    @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    public Response unclaimedWorkbook(@PathParam("county") String county, @PathParam("programme") String programme,
            @QueryParam("year") Integer year, @QueryParam("village") String village) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        String name = export.write(programme, year, village, access.current().name(), buffer);
        return Downloads.attachment(Response.ok(buffer.toByteArray()), name + ".xlsx");
    }
}
