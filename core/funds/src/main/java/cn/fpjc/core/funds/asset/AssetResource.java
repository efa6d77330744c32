package cn.fpjc.core.funds.asset;

import cn.fpjc.core.funds.asset.AssetViews.AssetDetail;
import cn.fpjc.core.funds.asset.AssetViews.AssetInput;
import cn.fpjc.core.funds.asset.AssetViews.AssetView;
import cn.fpjc.core.funds.asset.AssetViews.CheckInput;
import cn.fpjc.core.funds.asset.AssetViews.ClassificationInput;
import cn.fpjc.core.funds.asset.AssetViews.ConfirmationInput;
import cn.fpjc.core.funds.asset.AssetViews.DisposalDecision;
import cn.fpjc.core.funds.asset.AssetViews.DisposalInput;
import cn.fpjc.core.funds.asset.AssetViews.IdleInput;
import cn.fpjc.core.funds.asset.AssetViews.IdleReviewInput;
import cn.fpjc.core.funds.asset.AssetViews.IncomeInput;
import cn.fpjc.core.funds.asset.AssetViews.OverdueChecks;
import cn.fpjc.core.platform.tenancy.TenantAccess;
import cn.fpjc.core.platform.tenancy.TenantScoped;
import cn.fpjc.core.platform.web.Downloads;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * 项目资产: the ledger, 确权登记移交, maintenance logs by level and the overdue scan, income and its distribution, idle review,
 * 四个一批, and disposal. The county admin manages; township reviewers and village clerks log their own level's checks in
 * scope; the county approver approves disposals; everyone in scope reads.
 */
@Path("/api/counties/{county}/funds/assets")
@TenantScoped
@Authenticated
public class AssetResource {
    @Inject
    AssetService service;

    @Inject
    TenantAccess access;

    /** The ledger in scope by {@code nature} (OPERATING|PUBLIC_WELFARE|HOUSEHOLD), {@code village}, {@code status}; total in X-Total-Count. */
    @GET
    public Response list(@PathParam("county") String county, @QueryParam("nature") String nature, @QueryParam("village") String village,
            @QueryParam("status") String status, @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        AssetService.Page p = service.list(nature, village, status, page, size);
        return Response.ok(p.items()).header("X-Total-Count", p.total()).build();
    }

    /** Registers an asset of an AUDITED project. */
    @POST
    public Response create(@PathParam("county") String county, AssetInput request) {
        return Response.status(201).entity(service.create(request)).build();
    }

    /** Every (asset, level) whose maintenance is overdue as of the county's today, counted; levels without a cadence named. */
    @GET
    @Path("/overdue-checks")
    public OverdueChecks overdueChecks(@PathParam("county") String county) {
        return service.overdueChecks();
    }

    /** 资产台账 as xlsx, one sheet per category. */
    @GET
    @Path("/ledger.xlsx")
    @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    public Response ledger(@PathParam("county") String county) throws IOException {
        List<AssetView> assets = service.ledger();
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        String name = access.current().name();
        AssetLedgerExport.write(name, assets, buffer);
        return Downloads.attachment(Response.ok(buffer.toByteArray()), name + "项目资产台账.xlsx");
    }

    /** The asset with its clocks, checks, incomes and whole history. */
    @GET
    @Path("/{id}")
    public AssetDetail detail(@PathParam("county") String county, @PathParam("id") long id) {
        return service.detail(id);
    }

    @POST
    @Path("/{id}/confirmation")
    public AssetView confirm(@PathParam("county") String county, @PathParam("id") long id, ConfirmationInput request) {
        return service.confirm(id, request);
    }

    @POST
    @Path("/{id}/checks")
    public Response logCheck(@PathParam("county") String county, @PathParam("id") long id, CheckInput request) {
        return Response.status(201).entity(service.logCheck(id, request)).build();
    }

    /** An income and its distribution plan; refused when it does not add up or is a flat hand-out. */
    @POST
    @Path("/{id}/incomes")
    public Response recordIncome(@PathParam("county") String county, @PathParam("id") long id, IncomeInput request) {
        return Response.status(201).entity(service.recordIncome(id, request)).build();
    }

    @POST
    @Path("/{id}/idle")
    public AssetView markIdle(@PathParam("county") String county, @PathParam("id") long id, IdleInput request) {
        return service.markIdle(id, request);
    }

    @POST
    @Path("/{id}/idle-review")
    public AssetView reviewIdle(@PathParam("county") String county, @PathParam("id") long id, IdleReviewInput request) {
        return service.reviewIdle(id, request);
    }

    @PUT
    @Path("/{id}/classification")
    public AssetView classify(@PathParam("county") String county, @PathParam("id") long id, ClassificationInput request) {
        return service.classify(id, request);
    }

    @POST
    @Path("/{id}/disposal")
    public AssetView proposeDisposal(@PathParam("county") String county, @PathParam("id") long id, DisposalInput request) {
        return service.proposeDisposal(id, request);
    }

    @POST
    @Path("/{id}/disposal/decision")
    public AssetView decideDisposal(@PathParam("county") String county, @PathParam("id") long id, DisposalDecision request) {
        return service.decideDisposal(id, request);
    }
}
