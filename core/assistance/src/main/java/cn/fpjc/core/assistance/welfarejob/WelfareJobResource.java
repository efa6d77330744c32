package cn.fpjc.core.assistance.welfarejob;

import cn.fpjc.core.assistance.welfarejob.WelfareJobViews.Leave;
import cn.fpjc.core.assistance.welfarejob.WelfareJobViews.Payroll;
import cn.fpjc.core.assistance.welfarejob.WelfareJobViews.PlacementInput;
import cn.fpjc.core.assistance.welfarejob.WelfareJobViews.PlacementView;
import cn.fpjc.core.assistance.welfarejob.WelfareJobViews.PositionInput;
import cn.fpjc.core.assistance.welfarejob.WelfareJobViews.PositionView;
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
 * 乡村公益性岗位: positions, placements (一人一岗, 一岗一人, checked against the province's rules with each check explained),
 * 离岗, and the monthly payroll. Township and county staff manage within their scope; village staff and responsible
 * officials read; the payroll is the county's.
 */
@Path("/api/counties/{county}/welfare-jobs")
@TenantScoped
@Authenticated
public class WelfareJobResource {
    @Inject
    WelfareJobService service;

    @Inject
    WelfareJobPayments payments;

    @GET
    @Path("/positions")
    public List<PositionView> positions(@PathParam("county") String county, @QueryParam("village") String village) {
        return service.positions(village);
    }

    @POST
    @Path("/positions")
    public Response createPosition(@PathParam("county") String county, PositionInput request) {
        return Response.status(201).entity(service.createPosition(request)).build();
    }

    @GET
    @Path("/placements")
    public List<PlacementView> placements(@PathParam("county") String county, @QueryParam("village") String village,
            @QueryParam("activeOnly") @DefaultValue("false") boolean activeOnly) {
        return service.placements(village, activeOnly);
    }

    /** Places a member on a position; the answer lists every check made, and a refusal names the ones that failed. */
    @POST
    @Path("/placements")
    public Response place(@PathParam("county") String county, PlacementInput request) {
        return Response.status(201).entity(service.place(request)).build();
    }

    @POST
    @Path("/placements/{id}/leave")
    public PlacementView leave(@PathParam("county") String county, @PathParam("id") long id, Leave request) {
        return service.leave(id, request);
    }

    @GET
    @Path("/payroll/{month}")
    public Payroll payroll(@PathParam("county") String county, @PathParam("month") String month) {
        return service.payroll(month);
    }

    /** A payment batch (programme welfare-job, period yyyy-MM) of the month's payroll, to approve and release under /payment-batches. */
    @POST
    @Path("/payroll/{month}/payment-batch")
    public Response paymentBatch(@PathParam("county") String county, @PathParam("month") String month) {
        return Response.status(201).entity(payments.batch(month).view()).build();
    }

    /** Generates the month's payroll for the county (once per month). */
    @POST
    @Path("/payroll/{month}")
    public Payroll generatePayroll(@PathParam("county") String county, @PathParam("month") String month) {
        return service.generatePayroll(month);
    }
}
