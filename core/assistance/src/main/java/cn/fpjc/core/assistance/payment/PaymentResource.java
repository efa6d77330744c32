package cn.fpjc.core.assistance.payment;

import cn.fpjc.core.assistance.payment.PaymentRequests.AccountInput;
import cn.fpjc.core.assistance.payment.PaymentRequests.BatchInput;
import cn.fpjc.core.assistance.payment.PaymentRequests.Cancel;
import cn.fpjc.core.assistance.payment.PaymentRequests.Decision;
import cn.fpjc.core.assistance.payment.PaymentRequests.Line;
import cn.fpjc.core.assistance.payment.PaymentRequests.Reissue;
import cn.fpjc.core.assistance.payment.PaymentViews.AccountView;
import cn.fpjc.core.assistance.payment.PaymentViews.BatchDetail;
import cn.fpjc.core.assistance.payment.PaymentViews.BatchView;
import cn.fpjc.core.assistance.payment.PaymentViews.InstructionView;
import cn.fpjc.core.assistance.payment.PaymentViews.Ledger;
import cn.fpjc.core.assistance.payment.PaymentViews.Outcome;
import cn.fpjc.core.assistance.payment.PaymentViews.ReturnResult;
import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.platform.error.DatabaseRefusals;
import cn.fpjc.core.platform.tenancy.TenantAccess;
import cn.fpjc.core.platform.tenancy.TenantScoped;
import cn.fpjc.core.platform.web.Downloads;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import java.util.function.Supplier;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Payments to the household's 惠民惠农“一卡通” account (issue 13): the account (set and corrected in org scope, masked),
 * batches per programme and period, their instructions, approval (county-approver) and release (county-finance, never
 * the approver or the creator), the bank file, the bank's return file, re-issue of a failed payment, and the ledger.
 * Requests that create send an {@code Idempotency-Key} header: repeated, they answer 200 with what the first made.
 */
@Path("/api/counties/{county}")
@TenantScoped
@Authenticated
public class PaymentResource {
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    HouseholdAccountService accounts;

    @Inject
    PaymentService payments;

    @Inject
    BankFiles bankFiles;

    @Inject
    PaymentLedgerService ledger;

    @Inject
    DatabaseRefusals refusals;

    @Inject
    TenantAccess access;

    /** The household's 一卡通 account, number masked. */
    @GET
    @Path("/household-accounts/{household}")
    public AccountView account(@PathParam("county") String county, @PathParam("household") long household) {
        return accounts.get(household);
    }

    /** Sets (201) or corrects (200, with the version read) the household's 一卡通 account; audited. */
    @PUT
    @Path("/household-accounts/{household}")
    public Response setAccount(@PathParam("county") String county, @PathParam("household") long household, AccountInput request) {
        Outcome<AccountView> o = accounts.set(household, request);
        return Response.status(o.created() ? 201 : 200).entity(o.view()).build();
    }

    /** Batches, newest first, filtered by programme, period and status; the total in X-Total-Count. */
    @GET
    @Path("/payment-batches")
    public Response batches(@PathParam("county") String county, @QueryParam("programmeId") String programmeId,
            @QueryParam("period") String period, @QueryParam("status") String status, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("20") int size) {
        return payments.list(programmeId, period, status, page, size).toResponse();
    }

    /** A batch of one programme and period with its lines {memberId, amount, note}: 201, or 200 replaying an earlier key. */
    @POST
    @Path("/payment-batches")
    public Response createBatch(@PathParam("county") String county, @HeaderParam("Idempotency-Key") String key, BatchInput request) {
        Outcome<BatchDetail> o = replayingRace(() -> payments.createBatch(request, key),
                () -> key == null ? Optional.empty() : payments.replayBatch(key, PaymentService.digestOf(request)));
        return Response.status(o.created() ? 201 : 200).location(URI.create("/api/counties/" + county + "/payment-batches/" + o.view().batch().id()))
                .entity(o.view()).build();
    }

    @GET
    @Path("/payment-batches/{id}")
    public BatchDetail batch(@PathParam("county") String county, @PathParam("id") long id) {
        return payments.get(id);
    }

    /** Adds one instruction to a draft batch: 201, or 200 replaying an earlier key. */
    @POST
    @Path("/payment-batches/{id}/instructions")
    public Response addInstruction(@PathParam("county") String county, @PathParam("id") long id, @HeaderParam("Idempotency-Key") String key,
            Line request) {
        Outcome<InstructionView> o = replayingRace(() -> payments.addInstruction(id, request, key), () -> key == null ? Optional.empty() : payments.replayInstruction(key));
        return Response.status(o.created() ? 201 : 200).entity(o.view()).build();
    }

    /** 审核 (county-approver, not the batch's creator). */
    @POST
    @Path("/payment-batches/{id}/approval")
    public BatchView approve(@PathParam("county") String county, @PathParam("id") long id, Decision request) {
        return payments.approve(id, request);
    }

    /** 拨付 (county-finance, neither the approver nor the creator). */
    @POST
    @Path("/payment-batches/{id}/release")
    public BatchView release(@PathParam("county") String county, @PathParam("id") long id, Decision request) {
        return payments.release(id, request);
    }

    /** The bank's 代发 file of a released batch (xlsx, the only place the account numbers appear in full; audited). */
    @GET
    @Path("/payment-batches/{id}/bank-file.xlsx")
    @Produces(XLSX)
    public Response bankFile(@PathParam("county") String county, @PathParam("id") long id) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        bankFiles.exportBatch(id, out);
        return Downloads.attachment(Response.ok(out.toByteArray()).header("Cache-Control", "no-store"), bankFiles.fileName(id));
    }

    /** The bank's return file (multipart field {@code file}, .xlsx or .csv): columns 指令编号, 处理结果 (成功/失败), 失败原因, 银行流水号. */
    @POST
    @Path("/payment-batches/{id}/bank-return")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public ReturnResult bankReturn(@PathParam("county") String county, @PathParam("id") long id, @RestForm("file") FileUpload file) {
        payments.requireFinance();
        return payments.applyReturn(id, bankFiles.readReturn(file == null ? null : file.fileName(), file == null ? null : file.uploadedFile()));
    }

    @GET
    @Path("/payment-instructions/{id}")
    public InstructionView instruction(@PathParam("county") String county, @PathParam("id") long id) {
        return payments.instruction(id);
    }

    /** 撤销 an instruction of a draft batch, with a reason. */
    @POST
    @Path("/payment-instructions/{id}/cancel")
    public InstructionView cancelInstruction(@PathParam("county") String county, @PathParam("id") long id, Cancel request) {
        return payments.cancel(id, request);
    }

    /** 重新发放 a failed payment once the account is corrected: 201 with the new instruction. */
    @POST
    @Path("/payment-instructions/{id}/reissue")
    public Response reissue(@PathParam("county") String county, @PathParam("id") long id, Reissue request) {
        Outcome<InstructionView> o = payments.reissue(id, request);
        return Response.status(201).entity(o.view()).build();
    }

    /** 发放台账: per programme, year and village, with reconciliation status. */
    @GET
    @Path("/payment-ledger")
    public Ledger paymentLedger(@PathParam("county") String county, @QueryParam("programmeId") String programmeId,
            @QueryParam("year") Integer year, @QueryParam("village") String village) {
        return ledger.ledger(programmeId, year, village);
    }

    @GET
    @Path("/payment-ledger.xlsx")
    @Produces(XLSX)
    public Response paymentLedgerXlsx(@PathParam("county") String county, @QueryParam("programmeId") String programmeId,
            @QueryParam("year") Integer year, @QueryParam("village") String village) throws IOException {
        Ledger l = ledger.ledger(programmeId, year, village);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String title = access.current().name() + (year == null ? "" : year + "年") + "惠民惠农资金发放台账";
        ledger.write(l, title, out);
        return Downloads.attachment(Response.ok(out.toByteArray()), title + ".xlsx");
    }

    /**
     * Runs a create; when it lost a race on an idempotency key's unique key (another request with the key committed first),
     * answers what that request made instead of the 409.
     */
    private <T> Outcome<T> replayingRace(Supplier<Outcome<T>> create, Supplier<Optional<Outcome<T>>> replay) {
        try {
            return create.get();
        } catch (RuntimeException e) {
            Optional<ApiException> refusal = e instanceof ApiException ? Optional.empty() : refusals.refusal(e);
            if (refusal.isPresent() && refusal.get().code() == PaymentError.PAYMENT_REQUEST_IN_PROGRESS) {
                return replay.get().orElseThrow(() -> refusal.get());
            }
            throw e;
        }
    }
}
