package cn.fpjc.core.funds.project;

import cn.fpjc.core.funds.project.ProjectViews.ApprovalInput;
import cn.fpjc.core.funds.project.ProjectViews.ChangeDecision;
import cn.fpjc.core.funds.project.ProjectViews.ChangeInput;
import cn.fpjc.core.funds.project.ProjectViews.DateStep;
import cn.fpjc.core.funds.project.ProjectViews.Decision;
import cn.fpjc.core.funds.project.ProjectViews.LibraryView;
import cn.fpjc.core.funds.project.ProjectViews.NoticeInput;
import cn.fpjc.core.funds.project.ProjectViews.PlanInput;
import cn.fpjc.core.funds.project.ProjectViews.ProjectInput;
import cn.fpjc.core.funds.project.ProjectViews.ProjectRow;
import cn.fpjc.core.funds.project.ProjectViews.ProjectView;
import cn.fpjc.core.platform.tenancy.TenantScoped;
import cn.fpjc.core.platform.web.Page;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

/**
 * 项目库: 村申报 → 乡审核 → 部门论证 → 县审定 with 三公示一公告, then 立项批复, 竣工验收, 决算审计; changes of a decided project
 * approved again. Every refusal names the rule, the parameter and its source.
 */
@Path("/api/counties/{county}/funds")
@TenantScoped
@Authenticated
public class ProjectResource {
    @Inject
    ProjectService service;

    @Inject
    LibraryService library;

    @Inject
    ProjectLedger ledger;

    @Inject
    cn.fpjc.core.platform.tenancy.TenantAccess access;

    @GET
    @Path("/projects")
    public Page<ProjectRow> list(@PathParam("county") String county, @QueryParam("year") Integer year, @QueryParam("status") String status,
            @QueryParam("township") String township, @QueryParam("village") String village, @QueryParam("q") String q,
            @QueryParam("sort") String sort, @QueryParam("dir") String dir,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        return service.list(year, status, township, village, q,
                cn.fpjc.core.platform.web.SortBy.parse(sort, dir, ProjectService.SORTS, ProjectService.NEWEST), page, size);
    }

    /** 村申报 (or a county department's cross-region project): refused when a rule fails (PROJECT_REFUSED, with each rule). */
    @POST
    @Path("/projects")
    public Response declare(@PathParam("county") String county, ProjectInput request) {
        return Response.status(201).entity(service.declare(request)).build();
    }

    /** One step on many projects ({step, items[{id, version}], approve, opinion}); each result listed, the others go on. */
    @POST
    @Path("/projects/decisions")
    public java.util.List<ProjectViews.BatchResult> decideMany(@PathParam("county") String county, ProjectViews.BatchDecision request) {
        return service.decideMany(request);
    }

    @GET
    @Path("/projects/{id}")
    public ProjectView get(@PathParam("county") String county, @PathParam("id") long id) {
        return service.get(id);
    }

    /** Publishes one of the 三公示一公告; the county's announcement (COUNTY_ANNOUNCEMENT) lists the project (入库). */
    @POST
    @Path("/projects/{id}/notices")
    public ProjectView publish(@PathParam("county") String county, @PathParam("id") long id, NoticeInput request) {
        return service.publish(id, request);
    }

    @POST
    @Path("/projects/{id}/township-review")
    public ProjectView townshipReview(@PathParam("county") String county, @PathParam("id") long id, Decision request) {
        return service.townshipReview(id, request);
    }

    @POST
    @Path("/projects/{id}/assessment")
    public ProjectView assess(@PathParam("county") String county, @PathParam("id") long id, Decision request) {
        return service.assess(id, request);
    }

    @POST
    @Path("/projects/{id}/county-decision")
    public ProjectView countyDecision(@PathParam("county") String county, @PathParam("id") long id, Decision request) {
        return service.countyDecision(id, request);
    }

    /** Records due diligence: {dueDiligenceOn, dueDiligenceNote, version}. */
    @POST
    @Path("/projects/{id}/due-diligence")
    public ProjectView dueDiligence(@PathParam("county") String county, @PathParam("id") long id, ApprovalInput request) {
        return service.dueDiligence(id, request);
    }

    /** 立项批复: {approvalDoc, approvedOn, allocations[{fundingId, allocationId}], version}. */
    @POST
    @Path("/projects/{id}/approval")
    public ProjectView approve(@PathParam("county") String county, @PathParam("id") long id, ApprovalInput request) {
        return service.approve(id, request);
    }

    @POST
    @Path("/projects/{id}/completion")
    public ProjectView complete(@PathParam("county") String county, @PathParam("id") long id, DateStep request) {
        return service.complete(id, request);
    }

    @POST
    @Path("/projects/{id}/audit")
    public ProjectView audit(@PathParam("county") String county, @PathParam("id") long id, DateStep request) {
        return service.audit(id, request);
    }

    @POST
    @Path("/projects/{id}/changes")
    public Response requestChange(@PathParam("county") String county, @PathParam("id") long id, ChangeInput request) {
        return Response.status(201).entity(service.requestChange(id, request)).build();
    }

    @POST
    @Path("/projects/{id}/changes/{change}/decision")
    public ProjectView decideChange(@PathParam("county") String county, @PathParam("id") long id, @PathParam("change") long change,
            ChangeDecision request) {
        return service.decideChange(id, change, request);
    }

    /** 项目台账 of a year (xlsx): the projects in the reader's scope, amounts by source, dates, 联农带农 and households benefited. */
    @GET
    @Path("/projects.xlsx")
    @jakarta.ws.rs.Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    public Response ledger(@PathParam("county") String county, @QueryParam("year") Integer year) throws java.io.IOException {
        java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
        String name = ledger.write(cn.fpjc.core.funds.FundsInputs.year(year, "year"), access.current().name(), buffer);
        return cn.fpjc.core.platform.web.Downloads.attachment(Response.ok(buffer.toByteArray()), name + ".xlsx");
    }

    /** The year's library and plan against the province's deadlines. */
    @GET
    @Path("/library/{year}")
    public LibraryView library(@PathParam("county") String county, @PathParam("year") int year) {
        return library.library(year);
    }

    @POST
    @Path("/library/{year}/plan")
    public LibraryView completePlan(@PathParam("county") String county, @PathParam("year") int year, PlanInput request) {
        return library.completePlan(year, request);
    }
}
