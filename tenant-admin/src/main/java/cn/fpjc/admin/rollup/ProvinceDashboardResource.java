package cn.fpjc.admin.rollup;

import cn.fpjc.core.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.List;
import java.util.Map;

/**
 * A province's roll-up (README "Roll-ups"): its counties' latest snapshots side by side, one county opened up, the whole
 * report as Excel, and snapshots started by hand. A province admin sees its own province only; numbers only.
 */
@Path("/api/admin/provinces/{province}")
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.PROVINCE_ADMIN})
public class ProvinceDashboardResource {
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    ProvinceDashboard dashboard;

    @Inject
    SnapshotRuns runs;

    @GET
    @Path("/dashboard")
    public ProvinceDashboard.Dashboard get(@PathParam("province") String province) {
        return dashboard.dashboard(province);
    }

    @GET
    @Path("/dashboard/counties/{county}")
    public ProvinceDashboard.CountyDetail county(@PathParam("province") String province, @PathParam("county") String county) {
        return dashboard.county(province, county);
    }

    @GET
    @Path("/dashboard.xlsx")
    @Produces(XLSX)
    public Response workbook(@PathParam("province") String province) {
        ProvinceDashboard.Dashboard d = dashboard.dashboard(province);
        List<ProvinceDashboard.CountyDetail> details = dashboard.counties(province);
        StreamingOutput body = out -> DashboardWorkbook.write(d, details, out);
        return Response.ok(body, XLSX).header("Content-Disposition", "attachment; filename=\"dashboard-" + province + ".xlsx\"").build();
    }

    /** Starts a snapshot of every active county of the province now; 202 with the background runs (one per county). */
    @POST
    @Path("/metric-snapshots")
    public Response snapshot(@PathParam("province") String province) {
        dashboard.checkScope(province);
        List<SnapshotRuns.Started> started = runs.start(province);
        return Response.accepted(Map.of("runs", started)).build();
    }
}
