package cn.fpjc.core.funds.spending;

import cn.fpjc.core.funds.spending.SpendingViews.PaymentInput;
import cn.fpjc.core.funds.spending.SpendingViews.PaymentView;
import cn.fpjc.core.funds.spending.SpendingViews.Progress;
import cn.fpjc.core.funds.spending.SpendingViews.ProjectPayments;
import cn.fpjc.core.funds.spending.SpendingViews.ReversalInput;
import cn.fpjc.core.platform.tenancy.TenantAccess;
import cn.fpjc.core.platform.tenancy.TenantScoped;
import cn.fpjc.core.platform.web.Downloads;
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
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * 资金支出: payments with their vouchers on approved projects (county finance and county admin record; county staff read, a
 * township reviewer the township's projects), reversals, the spending ledger and the progress against the province's
 * checkpoints.
 */
@Path("/api/counties/{county}/funds")
@TenantScoped
@Authenticated
public class SpendingResource {
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    SpendingService spending;

    @Inject
    ProgressService progress;

    @Inject
    SpendingLedger ledger;

    @Inject
    TenantAccess access;

    /** A payment from one of the project's funding lines: {fundingId, amount, paidOn, voucherNo, payee, note, voucherName, voucherBase64}. */
    @POST
    @Path("/projects/{id}/payments")
    public Response pay(@PathParam("county") String county, @PathParam("id") long id, PaymentInput request) {
        return Response.status(Response.Status.CREATED).entity(spending.pay(id, request)).build();
    }

    /** The project's funding lines (amount, paid, remaining) and its payments and reversals. */
    @GET
    @Path("/projects/{id}/payments")
    public ProjectPayments payments(@PathParam("county") String county, @PathParam("id") long id) {
        return spending.payments(id);
    }

    /** Reverses a payment with a new record of the negative amount: {paidOn, voucherNo, note}. */
    @POST
    @Path("/payments/{id}/reversal")
    public Response reverse(@PathParam("county") String county, @PathParam("id") long id, ReversalInput request) {
        PaymentView v = spending.reverse(id, request);
        return Response.status(Response.Status.CREATED).entity(v).build();
    }

    /** The scanned voucher, shown inline as the type its bytes say, never sniffed by the browser. */
    @GET
    @Path("/payments/{id}/voucher")
    public Response voucher(@PathParam("county") String county, @PathParam("id") long id) {
        var s = spending.voucher(id);
        return Response.ok(s.bytes(), s.type()).header("Content-Disposition", "inline; filename*=UTF-8''"
                + URLEncoder.encode(s.name(), StandardCharsets.UTF_8).replace("+", "%20")).header("X-Content-Type-Options", "nosniff").build();
    }

    /** Progress of fund year {@code year} on {@code date} (default today), with a page of the projects behind schedule. */
    @GET
    @Path("/progress")
    public Progress progress(@PathParam("county") String county, @QueryParam("year") Integer year, @QueryParam("date") String date,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("20") int size) {
        LocalDate on;
        try {
            on = date == null || date.isBlank() ? null : LocalDate.parse(date.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new cn.fpjc.core.platform.error.ApiException(cn.fpjc.core.platform.error.PlatformError.VALIDATION_FAILED, null,
                    java.util.List.of(new cn.fpjc.core.platform.error.ErrorBody.FieldError("date", "日期格式应为 yyyy-MM-dd")));
        }
        return progress.progress(year, on, page, size);
    }

    /** 资金支出台账 of a fund year as JSON. */
    @GET
    @Path("/spending-ledger")
    public SpendingLedger.Ledger spendingLedger(@PathParam("county") String county, @QueryParam("year") int year) {
        return ledger.ledger(year);
    }

    /** The same ledger as xlsx. */
    @GET
    @Path("/spending-ledger.xlsx")
    @Produces(XLSX)
    public Response spendingLedgerXlsx(@PathParam("county") String county, @QueryParam("year") int year) throws IOException {
        SpendingLedger.Ledger l = ledger.ledger(year);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String title = access.current().name() + year + "年衔接资金支出台账";
        ledger.write(l, title, out);
        return Downloads.attachment(Response.ok(out.toByteArray()), title + ".xlsx");
    }
}
