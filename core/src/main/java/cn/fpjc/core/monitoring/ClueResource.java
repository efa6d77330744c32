package cn.fpjc.core.monitoring;

import cn.fpjc.core.monitoring.ClueRequests.AlertBatch;
import cn.fpjc.core.monitoring.ClueRequests.RecordClue;
import cn.fpjc.core.monitoring.ClueRequests.Verification;
import cn.fpjc.core.monitoring.ClueViews.AlertIntake;
import cn.fpjc.core.monitoring.ClueViews.ClueView;
import cn.fpjc.core.tenancy.TenantScoped;
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

/**
 * 风险线索: recorded by staff in their scope, verified at home and closed with the finding; department alerts come in
 * batches ({@code POST …/clue-alerts}) and every unmatched row is answered with why. Lists are ordered by due date
 * and say for each clue whether it is due soon or overdue.
 */
@Path("/api/counties/{county}")
@TenantScoped
@Authenticated
public class ClueResource {
    @Inject
    ClueService service;

    /** Clues in the caller's scope; {@code status}, {@code channel}, {@code village}, {@code overdue=true}; X-Total-Count. */
    @GET
    @Path("/clues")
    public Response list(@PathParam("county") String county, @QueryParam("status") String status, @QueryParam("channel") String channel,
            @QueryParam("village") String village, @QueryParam("overdue") @DefaultValue("false") boolean overdue,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        ClueService.Page result = service.list(status, channel, village, overdue, page, size);
        return Response.ok(result.items()).header("X-Total-Count", result.total()).build();
    }

    @POST
    @Path("/clues")
    public Response record(@PathParam("county") String county, RecordClue request) {
        ClueView created = service.record(request);
        return Response.created(URI.create("/api/counties/" + county + "/clues/" + created.id())).entity(created).build();
    }

    @GET
    @Path("/clues/{id}")
    public ClueView get(@PathParam("county") String county, @PathParam("id") long id) {
        return service.get(id);
    }

    @POST
    @Path("/clues/{id}/verification")
    public ClueView verify(@PathParam("county") String county, @PathParam("id") long id, Verification request) {
        return service.verify(id, request == null ? new Verification(null, null, null, null) : request);
    }

    @POST
    @Path("/clue-alerts")
    public AlertIntake alerts(@PathParam("county") String county, AlertBatch batch) {
        return service.intakeAlerts(batch);
    }
}
