package cn.fpjc.core.registry.quality;

import cn.fpjc.core.platform.tenancy.TenantAccess;
import cn.fpjc.core.platform.web.Downloads;
import cn.fpjc.core.platform.tenancy.TenantScoped;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * 数据质量检查（疑点）: the rule catalogue with each rule's number of findings in the caller's scope, the
 * findings themselves (paged, exportable), and a run on demand. Every county is also checked nightly.
 */
@Path("/api/counties/{county}/data-quality")
@TenantScoped
@Authenticated
public class DataQualityResource {
    @Inject
    DataQualityService service;

    @Inject
    TenantAccess access;

    @GET
    public DataQualityService.Summary summary(@PathParam("county") String county) {
        return service.summary();
    }

    /** Checks the whole county again, in the background; 202 with the run. */
    @POST
    @Path("/runs")
    public Response run(@PathParam("county") String county) {
        return Response.accepted(service.start()).build();
    }

    @GET
    @Path("/findings")
    public Response findings(@PathParam("county") String county, @QueryParam("rule") String rule, @QueryParam("village") String village,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("20") int size) {
        return service.findings(rule, village, page, Math.min(size, 500)).toResponse();
    }

    @GET
    @Path("/findings.xlsx")
    @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    public Response export(@PathParam("county") String county, @QueryParam("rule") String rule, @QueryParam("village") String village) {
        service.findings(rule, village, 0, 1); // refuses a bad rule or a missing role before streaming starts
        String title = access.current().name() + "数据质量疑点";
        StreamingOutput body = out -> {
            Workbook wb = new Workbook(out, "fpjc", "1.0");
            Worksheet ws = wb.newWorksheet("疑点");
            ws.value(0, 0, title);
            ws.style(0, 0).bold().fontSize(14).set();
            String[] headers = { "村", "村代码", "户编号", "检查规则", "疑点说明" };
            for (int i = 0; i < headers.length; i++) {
                ws.value(1, i, headers[i]);
                ws.style(1, i).bold().fillColor("DDEBF7").set();
            }
            ws.freezePane(0, 2);
            int row = 2;
            for (int page = 0;; page++) {
                List<DataQualityService.Finding> items = service.findings(rule, village, page, DataQualityService.EXPORT_PAGE).items();
                for (DataQualityService.Finding f : items) {
                    ws.value(row, 0, f.villageName());
                    ws.value(row, 1, f.villageCode());
                    ws.value(row, 2, f.householdNo());
                    ws.value(row, 3, f.ruleLabel());
                    ws.value(row, 4, f.detail());
                    row++;
                }
                ws.flush();
                if (items.size() < DataQualityService.EXPORT_PAGE) {
                    break;
                }
            }
            wb.finish();
        };
        return Downloads.attachment(Response.ok(body), title + ".xlsx");
    }
}
