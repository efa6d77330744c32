package cn.fpjc.core.monitoring;

import cn.fpjc.core.monitoring.ClueRequests.SelfReport;
import cn.fpjc.core.monitoring.ClueViews.PublicStatus;
import cn.fpjc.core.platform.tenancy.TenantAccess;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

/**
 * 一键申报: anyone may report a risk for a household of the county, without an account; the answer is a tracking number
 * to ask about it later. Rate-limited per client address ({@link SelfReportLimiter}); the answers never contain personal
 * data and are the same whatever the registry holds for the ID number (tracking number, dates, a generic status).
 */
@Path("/api/public/counties/{county}/self-reports")
@PermitAll
@SecurityRequirements // public: the contract says `security: []`
public class PublicSelfReportResource {
    @Inject
    ClueService service;

    @Inject
    TenantAccess access;

    @Inject
    SelfReportLimiter limiter;

    @POST
    public Response report(@PathParam("county") String county, SelfReport request, @Context HttpServerRequest http) {
        access.bindPublic(county);
        limiter.acquire(county, http);
        PublicStatus received = service.selfReport(request == null ? new SelfReport(null, null, null, null, null) : request);
        return Response.status(201).entity(received).build();
    }

    @GET
    @Path("/{trackingNo}")
    @APIResponseSchema(value = PublicStatus.class, responseCode = "200", responseDescription = "申报的状态和日期")
    @APIResponse(responseCode = "404", description = "没有这个县（区）、它暂不受理，或没有这个查询编号")
    public PublicStatus status(@PathParam("county") String county, @PathParam("trackingNo") String trackingNo) {
        access.bindPublic(county);
        return service.publicStatus(trackingNo);
    }
}
