package cn.fpjc.core.assistance.programme;

import cn.fpjc.core.assistance.programme.ApplicationRequests.Decide;
import cn.fpjc.core.assistance.programme.ApplicationRequests.Submit;
import cn.fpjc.core.assistance.programme.ApplicationViews.ApplicationView;
import cn.fpjc.core.assistance.programme.ApplicationViews.Notice;
import cn.fpjc.core.assistance.programme.ApplicationViews.StepResult;
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
import java.util.List;

/**
 * Programme applications: 申请 → 村级核实 → 乡镇审核 → 村内公示 → 县级审批, in the caller's org scope. Writes are staff
 * (village clerk, township reviewer, county approver, county admin), each step by its own role; reads also responsible
 * officials.
 */
@Path("/api/counties/{county}/programme-applications")
@TenantScoped
@Authenticated
public class ApplicationResource {
    @Inject
    ApplicationService service;

    @Inject
    ProgrammePayments payments;

    /** Records a member's application; refused with every unmet rule when the engine does not find the member entitled. */
    @POST
    public Response submit(@PathParam("county") String county, Submit request) {
        return Response.status(201).entity(service.submit(request)).build();
    }

    /** The queue of a programme and year (default this year), by status and village; paged from 0, total in X-Total-Count. */
    @GET
    public Response list(@PathParam("county") String county, @QueryParam("programme") String programme, @QueryParam("year") Integer year,
            @QueryParam("status") String status, @QueryParam("village") String village,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        return service.list(programme, year, status, village, page, size).toResponse();
    }

    @GET
    @Path("/{id}")
    public ApplicationView get(@PathParam("county") String county, @PathParam("id") long id) {
        return service.get(id);
    }

    /** One step for many applications (each with the version read), each decided on its own and reported. */
    @POST
    @Path("/decisions")
    public List<StepResult> decide(@PathParam("county") String county, Decide request) {
        return service.decide(request);
    }

    /**
     * A payment batch of one period (e.g. 2026-H1) from the year's approved applications not yet instructed for it; then
     * approved and released under /payment-batches. County admin or approver.
     */
    @POST
    @Path("/payment-batch")
    public Response paymentBatch(@PathParam("county") String county, PaymentBatchRequest request) {
        var o = payments.batch(request == null ? null : request.programmeId(), request == null ? null : request.year(),
                request == null ? null : request.period());
        return Response.status(201).entity(o.view()).build();
    }

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ApplicationPaymentBatchRequest")
    public record PaymentBatchRequest(String programmeId, Integer year, String period) {
    }

    /** The village 公示 of a programme and year: the applications in notice, masked, with the period and objection phone. */
    @GET
    @Path("/notice")
    public Notice notice(@PathParam("county") String county, @QueryParam("programme") String programme, @QueryParam("year") Integer year,
            @QueryParam("village") String village) {
        return service.notice(programme, year, village);
    }
}
