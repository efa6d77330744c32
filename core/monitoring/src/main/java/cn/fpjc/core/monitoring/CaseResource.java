package cn.fpjc.core.monitoring;

import cn.fpjc.core.monitoring.CaseRequests.Batch;
import cn.fpjc.core.monitoring.CaseRequests.CompleteStep;
import cn.fpjc.core.monitoring.CaseRequests.Decision;
import cn.fpjc.core.monitoring.CaseRequests.OpenCase;
import cn.fpjc.core.monitoring.CaseViews.BatchResult;
import cn.fpjc.core.monitoring.CaseViews.CaseView;
import cn.fpjc.core.monitoring.CaseViews.InboxItem;
import cn.fpjc.core.platform.tenancy.TenantScoped;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/**
 * 识别纳入 cases: open one (from a confirmed clue or for a household), complete the current step with its evidence,
 * return it to the step before, reject it at the county's approval, decide many at once; the inbox lists the current
 * steps the caller performs in the caller's scope, earliest due first.
 */
@Path("/api/counties/{county}")
@TenantScoped
@Authenticated
public class CaseResource {
    @Inject
    CaseService service;

    @POST
    @Path("/cases")
    public Response open(@PathParam("county") String county, OpenCase request) {
        CaseView c = service.open(request == null ? new OpenCase(null, null, null, null, null, null) : request);
        return Response.created(URI.create("/api/counties/" + county + "/cases/" + c.id())).entity(c).build();
    }

    @GET
    @Path("/cases/{id}")
    public CaseView get(@PathParam("county") String county, @PathParam("id") long id) {
        return service.get(id);
    }

    @POST
    @Path("/cases/{id}/complete")
    public CaseView complete(@PathParam("county") String county, @PathParam("id") long id, CompleteStep request) {
        return service.complete(id, request == null ? new CompleteStep(null, null, null, null, null) : request);
    }

    /** A scanned document for a step's evidence: {name, contentBase64}; JPEG, PNG or PDF by its bytes, at most 5 MB. */
    @POST
    @Path("/cases/{id}/steps/{step}/scans")
    public Response addScan(@PathParam("county") String county, @PathParam("id") long id, @PathParam("step") String step,
            CaseRequests.ScanUpload request) {
        return Response.status(Response.Status.CREATED).entity(service.addScan(id, step, request)).build();
    }

    /** The scan itself, shown inline as the type its bytes say, never sniffed by the browser. */
    @GET
    @Path("/cases/{id}/scans/{scan}")
    public Response scan(@PathParam("county") String county, @PathParam("id") long id, @PathParam("scan") long scan) {
        var s = service.scan(id, scan);
        return Response.ok(s.bytes(), s.type()).header("Content-Disposition", "inline; filename*=UTF-8''"
                + java.net.URLEncoder.encode(s.name(), java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"))
                .header("X-Content-Type-Options", "nosniff").build();
    }

    /** The 公示 of the current step goes up: {from, to, version}; the step after it waits for the day after {@code to}. */
    @POST
    @Path("/cases/{id}/notice-period")
    public CaseView noticePeriod(@PathParam("county") String county, @PathParam("id") long id, CaseRequests.NoticePeriod request) {
        return service.setNoticePeriod(id, request == null ? new CaseRequests.NoticePeriod(null, null, null) : request);
    }

    @POST
    @Path("/cases/{id}/return")
    public CaseView returnToPrevious(@PathParam("county") String county, @PathParam("id") long id, Decision request) {
        return service.returnToPrevious(id, request == null ? new Decision(null, null) : request);
    }

    @POST
    @Path("/cases/{id}/reject")
    public CaseView reject(@PathParam("county") String county, @PathParam("id") long id, Decision request) {
        return service.reject(id, request == null ? new Decision(null, null) : request);
    }

    @POST
    @Path("/case-batches")
    public List<BatchResult> batch(@PathParam("county") String county, Batch request) {
        return service.batch(request);
    }

    /** The county's overdue ledger: current steps past their due date in the caller's scope, whoever's turn it is. */
    @GET
    @Path("/overdue-steps")
    public List<CaseViews.OverdueItem> overdue(@PathParam("county") String county, @QueryParam("limit") @DefaultValue("500") int limit) {
        return service.overdue(limit);
    }

    @GET
    @Path("/inbox")
    public List<InboxItem> inbox(@PathParam("county") String county, @QueryParam("limit") @DefaultValue("200") int limit) {
        return service.inbox(limit);
    }
}
