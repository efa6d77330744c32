package cn.fpjc.core.assistance.loan;

import cn.fpjc.core.assistance.loan.LoanRequests.LoanApplicationInput;
import cn.fpjc.core.assistance.loan.LoanRequests.LoanDecisionInput;
import cn.fpjc.core.assistance.loan.LoanRequests.LoanDisbursementInput;
import cn.fpjc.core.assistance.loan.LoanRequests.LoanRenewalInput;
import cn.fpjc.core.assistance.loan.LoanRequests.LoanRepaymentInput;
import cn.fpjc.core.assistance.loan.LoanRequests.LoanSupervisionInput;
import cn.fpjc.core.assistance.loan.LoanViews.LoanCheck;
import cn.fpjc.core.assistance.loan.LoanViews.LoanDelinquency;
import cn.fpjc.core.assistance.loan.LoanViews.LoanDueList;
import cn.fpjc.core.assistance.loan.LoanViews.LoanLedgerReport;
import cn.fpjc.core.assistance.loan.LoanViews.LoanDetail;
import cn.fpjc.core.assistance.loan.LoanViews.LoanScanView;
import cn.fpjc.core.platform.tenancy.TenantScoped;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * 脱贫人口小额信贷: the product's rules with their sources, applications (checked rule by rule), approval, disbursement,
 * repayments, the one renewal or extension, post-loan supervision, the bank ledger import, delinquency and the county
 * overdue rate, repayment reminders and supervision due. Who may do what: see {@link LoanService}.
 */
@Path("/api/counties/{county}")
@TenantScoped
@Authenticated
public class LoanResource {
    @Inject
    LoanService loans;

    @Inject
    LoanBookService book;

    /** The product in force today (micro = 脱贫人口小额信贷): each limit with its parameter and source. */
    @GET
    @Path("/loan-products/{code}")
    public LoanProduct product(@PathParam("county") String county, @PathParam("code") String code) {
        return loans.product(code);
    }

    /** Checks an application without saving: failed rules (each naming its parameter and source) and the schedule it would have. */
    @POST
    @Path("/loans/check")
    public LoanCheck check(@PathParam("county") String county, LoanApplicationInput request) {
        return loans.check(request);
    }

    /** Records an application (village clerk, township or county staff, for a borrower in their scope); refused with LOAN_NOT_ELIGIBLE naming each failed rule. */
    @POST
    @Path("/loans")
    public Response apply(@PathParam("county") String county, LoanApplicationInput request) {
        LoanDetail d = loans.apply(request);
        return Response.created(URI.create("/api/counties/" + county + "/loans/" + d.loan().id())).entity(d).build();
    }

    /** Loans in the caller's scope; {@code status}, {@code bucket} (逾期区间), {@code village}; X-Total-Count. */
    @GET
    @Path("/loans")
    public Response list(@PathParam("county") String county, @QueryParam("status") String status, @QueryParam("bucket") String bucket,
            @QueryParam("village") String village, @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        return loans.list(status, bucket, village, page, size).toResponse();
    }

    @GET
    @Path("/loans/{id}")
    public LoanDetail get(@PathParam("county") String county, @PathParam("id") long id) {
        return loans.get(id);
    }

    /** The county approver approves or refuses (with a reason). */
    @POST
    @Path("/loans/{id}/decision")
    public LoanDetail decide(@PathParam("county") String county, @PathParam("id") long id, LoanDecisionInput request) {
        return loans.decide(id, request);
    }

    /** County staff record the bank's disbursement; the schedule is generated. */
    @POST
    @Path("/loans/{id}/disbursement")
    public LoanDetail disburse(@PathParam("county") String county, @PathParam("id") long id, LoanDisbursementInput request) {
        return loans.disburse(id, request);
    }

    @POST
    @Path("/loans/{id}/repayments")
    public Response repay(@PathParam("county") String county, @PathParam("id") long id, LoanRepaymentInput request) {
        return Response.status(Response.Status.CREATED).entity(loans.repay(id, request)).build();
    }

    /** The one 续贷 or 展期; a second is refused with LOAN_RENEWAL_USED. */
    @POST
    @Path("/loans/{id}/renewal")
    public LoanDetail renew(@PathParam("county") String county, @PathParam("id") long id, LoanRenewalInput request) {
        return loans.renew(id, request);
    }

    @POST
    @Path("/loans/{id}/supervisions")
    public Response supervise(@PathParam("county") String county, @PathParam("id") long id, LoanSupervisionInput request) {
        return Response.status(Response.Status.CREATED).entity(loans.supervise(id, request)).build();
    }

    /** The bank's ledger (.csv or .xlsx: 合同编号, 身份证号, 还款日期, 还款本金, 还款利息, 流水号): each row accepted or refused with the reason. */
    @POST
    @Path("/loan-ledger")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public LoanLedgerReport importLedger(@PathParam("county") String county, @RestForm("file") FileUpload file) {
        return book.importLedger(file == null || file.size() == 0 ? null : file.uploadedFile(), file == null ? null : file.fileName());
    }

    /** The latest delinquency scan (county balances, overdue rate against its limit) and the overdue loans in scope. */
    @GET
    @Path("/loan-delinquency")
    public LoanDelinquency delinquency(@PathParam("county") String county, @QueryParam("limit") @DefaultValue("500") int limit) {
        return book.latest(limit);
    }

    /** County staff recompute now (the nightly job does it by itself). */
    @POST
    @Path("/loan-delinquency/runs")
    public LoanScanView scanNow(@PathParam("county") String county) {
        return book.scanNow();
    }

    /** Repayments falling due within the province's reminder interval, or past due (Jiangxi: monthly). */
    @GET
    @Path("/loan-reminders")
    public LoanDueList reminders(@PathParam("county") String county, @QueryParam("limit") @DefaultValue("500") int limit) {
        return book.reminders(limit);
    }

    /** Post-loan supervision due at the province's interval (Jiangxi: half-yearly). */
    @GET
    @Path("/loan-supervision-due")
    public LoanDueList supervisionDue(@PathParam("county") String county, @QueryParam("limit") @DefaultValue("500") int limit) {
        return book.supervisionDue(limit);
    }
}
