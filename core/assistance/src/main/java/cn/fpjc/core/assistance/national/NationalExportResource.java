package cn.fpjc.core.assistance.national;

import cn.fpjc.core.platform.tenancy.TenantAccess;
import cn.fpjc.core.platform.tenancy.TenantScoped;
import cn.fpjc.core.platform.web.Downloads;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.io.IOException;

/**
 * 监测对象信息 for the national system as xlsx (sheets 监测户, 家庭成员, 说明): county staff in their org scope,
 * optionally one village (or township) and one risk state; ID numbers masked.
 */
@Path("/api/counties/{county}")
@TenantScoped
@Authenticated
public class NationalExportResource {
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    NationalExport export;

    @Inject
    TenantAccess access;

    @GET
    @Path("/monitoring/national-export.xlsx")
    @Produces(XLSX)
    public Response export(@PathParam("county") String county, @QueryParam("village") String village, @QueryParam("state") String state)
            throws IOException {
        NationalExport.Filter filter = export.check(village, state);
        // Refusals above are answered before the first byte; the workbook then goes to the client as it is written.
        jakarta.ws.rs.core.StreamingOutput body = out -> export.write(filter, out);
        return Downloads.attachment(Response.ok(body), access.current().name() + "监测对象信息（全国系统上传用）.xlsx");
    }
}
