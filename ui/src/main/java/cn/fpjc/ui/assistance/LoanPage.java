package cn.fpjc.ui.assistance;

import cn.fpjc.core.assistance.loan.LoanRequests.LoanDecisionInput;
import cn.fpjc.core.assistance.loan.LoanRequests.LoanDisbursementInput;
import cn.fpjc.core.assistance.loan.LoanRequests.LoanRenewalInput;
import cn.fpjc.core.assistance.loan.LoanRequests.LoanRepaymentInput;
import cn.fpjc.core.assistance.loan.LoanRequests.LoanSupervisionInput;
import cn.fpjc.core.assistance.loan.LoanService;
import cn.fpjc.core.assistance.loan.LoanStatus;
import cn.fpjc.core.assistance.loan.LoanViews.LoanDetail;
import cn.fpjc.core.assistance.loan.RenewalKind;
import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.platform.error.ErrorBody.FieldError;
import cn.fpjc.core.platform.error.PlatformError;
import cn.fpjc.core.platform.security.CurrentUser;
import cn.fpjc.core.platform.tenancy.TenantAccess;
import cn.fpjc.ui.common.Flash;
import cn.fpjc.ui.common.FormSubmit;
import cn.fpjc.ui.common.Forms;
import cn.fpjc.ui.common.Names;
import cn.fpjc.ui.common.PageUser;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One 小额信贷 loan (issue 13): its terms and the rules (with sources) it was approved under, the schedule with 贴息 per
 * period, repayments and post-loan supervision; and the steps the reader's role may take in its status — 审批 (county
 * approver), 放款 (county staff), 登记还款, the one 续贷 or 展期 (county staff), 贷后监管 (village, township and county
 * staff). Each form's inputs carry its own prefix ({@code repay.paidOn}), so a refusal shows that form again with what was
 * typed and each message beside its input.
 */
@Path("/loans/{id: \\d+}")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class LoanPage {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance loan(PageUser user, String tenantName, LoanDetail d, Map<String, String> villages, Map<String, String> users,
                BigDecimal borrowerInterest, Actions can, List<String> renewalKinds, Map<String, String> values, Map<String, String> err, String flash, String error);
    }

    /** The forms this reader is offered on this loan now (the service checks again). */
    public record Actions(boolean decide, boolean disburse, boolean repay, boolean renew, boolean supervise) {
    }

    @Inject
    TenantAccess access;

    @Inject
    CurrentUser user;

    @Inject
    LoanService loans;

    @Inject
    LoanPages pages;

    @Inject
    Names names;

    @GET
    public Response loan(@PathParam("id") long id, @CookieParam(Flash.INFO) String flash) {
        access.bind(null);
        return page(200, id, Map.of(), Map.of(), Flash.text(flash), null);
    }

    @POST
    @Path("/decision")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        return submit(id, form, "decide.", "未能审批", f -> {
            String choice = Forms.text(f, "decide.approve");
            LoanDetail d = loans.decide(id, new LoanDecisionInput(choice == null ? null : "yes".equals(choice), Forms.text(f, "decide.note"),
                    Forms.longOrNull(f.getFirst("version"))));
            return d.loan().status().equals(LoanStatus.APPROVED.name()) ? "已审批同意，待放款后登记放款信息" : "已审批：不同意（" + d.decisionNote() + "）";
        });
    }

    @POST
    @Path("/disbursement")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response disburse(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        return submit(id, form, "disburse.", "未能登记放款", f -> {
            List<FieldError> errors = new ArrayList<>();
            var in = new LoanDisbursementInput(Forms.text(f, "disburse.contractNo"), Forms.text(f, "disburse.bank"),
                    Forms.date(f, "disburse.disbursedOn", errors), Forms.longOrNull(f.getFirst("version")));
            refuseIfAny(errors);
            LoanDetail d = loans.disburse(id, in);
            return "已登记放款，还款计划已生成（到期日 " + d.loan().maturityOn() + "）";
        });
    }

    @POST
    @Path("/repayments")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response repay(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        return submit(id, form, "repay.", "未能登记还款", f -> {
            List<FieldError> errors = new ArrayList<>();
            var in = new LoanRepaymentInput(Forms.date(f, "repay.paidOn", errors),
                    LoanPages.decimal(f, "repay.principal", "还款本金应为金额（元），如 1000", errors),
                    LoanPages.decimal(f, "repay.interest", "还款利息应为金额（元），如 172.50", errors), Forms.text(f, "repay.note"));
            refuseIfAny(errors);
            LoanDetail d = loans.repay(id, in);
            return "已登记还款，贷款余额 " + ProgrammeYears.yuan(d.loan().outstanding()) + " 元" + (d.loan().status().equals(LoanStatus.CLOSED.name())
                    ? "，贷款已结清" : "");
        });
    }

    @POST
    @Path("/renewal")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response renew(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        return submit(id, form, "renew.", "未能办理续贷或展期", f -> {
            List<FieldError> errors = new ArrayList<>();
            var in = new LoanRenewalInput(Forms.text(f, "renew.kind"), LoanPages.whole(f, "renew.months", "期限应为整月数，如 12", errors),
                    Forms.text(f, "renew.note"), Forms.longOrNull(f.getFirst("version")));
            refuseIfAny(errors);
            LoanDetail d = loans.renew(id, in);
            return "已办理" + d.loan().renewalKindLabel() + "，新的到期日 " + d.loan().maturityOn();
        });
    }

    @POST
    @Path("/supervisions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response supervise(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        return submit(id, form, "supervise.", "未能登记贷后监管", f -> {
            List<FieldError> errors = new ArrayList<>();
            String funds = Forms.text(f, "supervise.fundsAsAgreed");
            var in = new LoanSupervisionInput(Forms.date(f, "supervise.supervisedOn", errors), Forms.text(f, "supervise.supervisor"),
                    funds == null ? null : "yes".equals(funds), Forms.text(f, "supervise.findings"));
            refuseIfAny(errors);
            loans.supervise(id, in);
            return "已登记贷后监管";
        });
    }

    /**
     * Runs one form's write (each service call is its own transaction) and goes back to the loan with a message; a refusal
     * shows the loan again with what was typed and each message beside its input (the API's field {@code paidOn} is the
     * form's {@code repay.paidOn}).
     */
    private Response submit(long id, MultivaluedMap<String, String> form, String prefix, String failed, Function<MultivaluedMap<String, String>, String> write) {
        access.bind(null);
        Map<String, String> values = Forms.submitted(form);
        try {
            String done = write.apply(form);
            return Response.seeOther(URI.create("/loans/" + id)).cookie(Flash.info(done)).build();
        } catch (RuntimeException failure) {
            ApiException e = FormSubmit.refusal(failure);
            Map<String, String> err = new HashMap<>();
            Forms.errors(e, "", "").forEach((field, message) -> err.put(field.startsWith(prefix) ? field : prefix + field, message));
            boolean beside = !err.isEmpty() && err.keySet().stream().allMatch(values::containsKey);
            String message = e.code() == PlatformError.NOT_FOUND ? "未找到这笔贷款，或借款人不在您的管辖范围内"
                    : e.code() == PlatformError.FORBIDDEN ? "您的角色不能办理这一步" : beside ? Forms.summary(e) : Forms.allMessages(e);
            return page(e.code().status(), id, values, err, null, failed + "：" + message);
        }
    }

    private static void refuseIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ApiException(PlatformError.VALIDATION_FAILED, null, errors);
        }
    }

    private Response page(int status, long id, Map<String, String> values, Map<String, String> err, String flash, String error) {
        try {
            LoanDetail d = loans.get(id);
            String s = d.loan().status();
            boolean running = s.equals(LoanStatus.DISBURSED.name());
            boolean countyStaff = user.hasAnyRole(LoanService.COUNTY_STAFF);
            List<String> kinds = d.product().renewalKinds().stream().sorted().map(RenewalKind::label).toList();
            boolean renewalLeft = running && countyStaff && !kinds.isEmpty() && d.loan().renewalKind() == null && d.product().renewalsMax().whole() > 0;
            Actions can = new Actions(s.equals(LoanStatus.APPLIED.name()) && user.hasAnyRole(LoanService.APPROVERS),
                    s.equals(LoanStatus.APPROVED.name()) && countyStaff, running && countyStaff, renewalLeft,
                    running && user.hasAnyRole(LoanService.SUPERVISORS));
            return Response.status(status).entity(Templates.loan(PageUser.of(user), access.current().name(), d, pages.villageNames(),
                    names.users(java.util.stream.Stream.of(d.decidedBy())), d.totalInterest().subtract(d.totalSubsidy()), can, kinds, values, err, flash, error)).build();
        } catch (RuntimeException failure) {
            ApiException e = FormSubmit.refusal(failure);
            String m = e.code() == PlatformError.NOT_FOUND ? "未找到这笔贷款，或借款人不在您的管辖范围内" : e.humanMessage();
            return Response.status(e.code().status()).entity(Templates.loan(PageUser.of(user), access.current().name(), null, Map.of(), Map.of(), null, null,
                    List.of(), Map.of(), Map.of(), null, error == null ? m : error + "；" + m)).build();
        }
    }
}
