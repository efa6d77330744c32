package cn.fpjc.core.monitoring;

import cn.fpjc.core.monitoring.EliminationAssessor.Assessment;
import cn.fpjc.core.monitoring.PlanRequests.EliminationInput;
import cn.fpjc.core.monitoring.PlanRequests.PlanInput;
import cn.fpjc.core.monitoring.PlanRequests.Reopen;
import cn.fpjc.core.monitoring.PlanRequests.VisitInput;
import cn.fpjc.core.monitoring.PlanViews.CadenceItem;
import cn.fpjc.core.monitoring.PlanViews.EliminationView;
import cn.fpjc.core.monitoring.PlanViews.LongCase;
import cn.fpjc.core.monitoring.PlanViews.PlanCheck;
import cn.fpjc.core.monitoring.PlanViews.PlanTask;
import cn.fpjc.core.monitoring.PlanViews.PlanView;
import cn.fpjc.core.monitoring.PlanViews.VisitView;
import cn.fpjc.core.platform.tenancy.TenantScoped;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * After identification: the household's 一户一策 plan, its follow-up visits, and the road out — the elimination
 * assessment and procedure, 回退 and 再标注. Every path takes any case of the household (a child case resolves to its
 * identification case).
 */
@Path("/api/counties/{county}")
@TenantScoped
@Authenticated
public class AssistanceResource {
    @Inject
    PlanService plans;

    @Inject
    EliminationService elimination;

    @Inject
    VisitService visits;

    @Inject
    NoticeService notices;

    @Inject
    DeadlineScanService scans;

    /** The latest nightly deadline scan: its counts for the county and the overdue items in the caller's scope. */
    @GET
    @Path("/deadline-scan")
    public DeadlineScanService.Latest deadlineScan(@PathParam("county") String county, @QueryParam("limit") @DefaultValue("500") int limit) {
        return scans.latest(limit);
    }

    /** Scans now (county admin or approver), e.g. after a holiday schedule was loaded. */
    @POST
    @Path("/deadline-scan/runs")
    public DeadlineScanService.ScanView scanNow(@PathParam("county") String county) {
        return scans.scanNow();
    }

    /** 村内公示: the households of a village now at a public-notice step (masked, no health details). */
    @GET
    @Path("/documents/village-notice")
    public NoticeService.VillageNotice villageNotice(@PathParam("county") String county, @QueryParam("village") String village) {
        return notices.villageNotice(village);
    }

    /** 县级公告: what the county approved in a period — inclusions, eliminations, 兜底保障户. */
    @GET
    @Path("/documents/county-announcement")
    public NoticeService.CountyAnnouncement countyAnnouncement(@PathParam("county") String county, @QueryParam("from") java.time.LocalDate from,
            @QueryParam("to") java.time.LocalDate to) {
        return notices.countyAnnouncement(from, to);
    }

    @GET
    @Path("/cases/{id}/plan")
    public PlanView plan(@PathParam("county") String county, @PathParam("id") long id) {
        return plans.get(id);
    }

    /** Saves the whole plan (first time: 制定; later: 调整, which is also the annual re-adjustment). */
    @PUT
    @Path("/cases/{id}/plan")
    public PlanView savePlan(@PathParam("county") String county, @PathParam("id") long id, PlanInput request) {
        return plans.save(id, request);
    }

    @POST
    @Path("/cases/{id}/plan/check")
    public PlanCheck checkPlan(@PathParam("county") String county, @PathParam("id") long id, PlanInput request) {
        return plans.check(id, request);
    }

    @GET
    @Path("/plan-tasks")
    public List<PlanTask> planTasks(@PathParam("county") String county, @QueryParam("limit") @DefaultValue("500") int limit) {
        return plans.tasks(limit);
    }

    @POST
    @Path("/cases/{id}/elimination-assessment")
    public Assessment assess(@PathParam("county") String county, @PathParam("id") long id, EliminationInput request) {
        return elimination.assess(id, request);
    }

    @POST
    @Path("/cases/{id}/elimination")
    public Response startElimination(@PathParam("county") String county, @PathParam("id") long id, EliminationInput request) {
        EliminationView v = elimination.start(id, request);
        return Response.created(URI.create("/api/counties/" + county + "/cases/" + v.openedCase().id())).entity(v).build();
    }

    @POST
    @Path("/cases/{id}/rollback")
    public CaseViews.CaseView rollback(@PathParam("county") String county, @PathParam("id") long id, Reopen request) {
        return elimination.rollback(id, request);
    }

    @POST
    @Path("/cases/{id}/remark")
    public CaseViews.CaseView remark(@PathParam("county") String county, @PathParam("id") long id, Reopen request) {
        return elimination.remark(id, request);
    }

    @GET
    @Path("/cases/{id}/visits")
    public List<VisitView> visits(@PathParam("county") String county, @PathParam("id") long id) {
        return visits.list(id);
    }

    @POST
    @Path("/cases/{id}/visits")
    public Response recordVisit(@PathParam("county") String county, @PathParam("id") long id, VisitInput request) {
        VisitView v = visits.record(id, request);
        return Response.status(Response.Status.CREATED).entity(v).build();
    }

    @GET
    @Path("/cases/{id}/visits/{visit}/attachment")
    public Response attachment(@PathParam("county") String county, @PathParam("id") long id, @PathParam("visit") long visit) {
        VisitService.Attachment a = visits.attachment(id, visit);
        return Response.ok(a.bytes(), a.type()).header("Content-Disposition", "inline; filename*=UTF-8''"
                + URLEncoder.encode(a.name(), StandardCharsets.UTF_8).replace("+", "%20")).header("X-Content-Type-Options", "nosniff").build();
    }

    @GET
    @Path("/visit-cadence")
    public List<CadenceItem> cadence(@PathParam("county") String county, @QueryParam("limit") @DefaultValue("500") int limit) {
        return visits.cadence(limit);
    }

    @GET
    @Path("/long-cases")
    public List<LongCase> longCases(@PathParam("county") String county, @QueryParam("limit") @DefaultValue("200") int limit) {
        return visits.longCases(limit);
    }
}
