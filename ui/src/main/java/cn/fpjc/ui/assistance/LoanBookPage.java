package cn.fpjc.ui.assistance;

import cn.fpjc.core.assistance.loan.DelinquencyBucket;
import cn.fpjc.core.assistance.loan.LoanBookService;
import cn.fpjc.core.assistance.loan.LoanProduct;
import cn.fpjc.core.assistance.loan.LoanRequests.LoanApplicationInput;
import cn.fpjc.core.assistance.loan.LoanService;
import cn.fpjc.core.assistance.loan.LoanStatus;
import cn.fpjc.core.assistance.loan.LoanViews.LoanCheck;
import cn.fpjc.core.assistance.loan.LoanViews.LoanDelinquency;
import cn.fpjc.core.assistance.loan.LoanViews.LoanDetail;
import cn.fpjc.core.assistance.loan.LoanViews.LoanDueList;
import cn.fpjc.core.assistance.loan.LoanViews.LoanLedgerReport;
import cn.fpjc.core.assistance.loan.LoanViews.LoanScanView;
import cn.fpjc.core.assistance.loan.LoanViews.LoanSummary;
import cn.fpjc.core.assistance.loan.RepaymentMethod;
import cn.fpjc.core.platform.clock.AppClock;
import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.platform.error.ErrorBody.FieldError;
import cn.fpjc.core.platform.error.PlatformError;
import cn.fpjc.core.platform.security.CurrentUser;
import cn.fpjc.core.platform.tenancy.TenantAccess;
import cn.fpjc.core.platform.text.Labelled;
import cn.fpjc.core.platform.web.Page;
import cn.fpjc.core.registry.RegistryService;
import cn.fpjc.core.registry.RegistryViews.HouseholdDetail;
import cn.fpjc.core.registry.RegistryViews.MemberView;
import cn.fpjc.ui.common.Flash;
import cn.fpjc.ui.common.FormSubmit;
import cn.fpjc.ui.common.Forms;
import cn.fpjc.ui.common.ListLinks;
import cn.fpjc.core.platform.web.SortBy;
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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * 小额信贷台账 (issue 13): the loans in the reader's scope with repayments and post-loan supervision due; the overdue view
 * (the latest delinquency scan's ranges as an ECharts chart, the county overdue rate against its limit and the limit's
 * source, the overdue loans, and a recount for county staff); the application form (a borrower found by 户编号, checked
 * against the product's rules with the schedule and 贴息 before it is saved); and the bank's ledger import with its row
 * report. One loan and what is done to it is {@link LoanPage}. The service decides who may do what; the pages offer each
 * form to those roles only and show refusals in Chinese inside the layout.
 */
@Path("/loans")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class LoanBookPage {
    static final int PAGE_SIZE = 50;
    /** The delinquency ranges the scan counts, in the chart's order (not 未逾期). */
    static final List<String> RANGES = List.of(DelinquencyBucket.DAYS_1_30.label(), DelinquencyBucket.DAYS_31_90.label(),
            DelinquencyBucket.DAYS_91_180.label(), DelinquencyBucket.OVER_180.label());

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance book(PageUser user, String tenantName, LocalDate today, LoanDelinquency delinquency, Page<LoanSummary> loans,
                cn.fpjc.ui.common.ListLinks links,
                String status, List<String> statuses, Map<String, String> villages, LoanDueList reminders, LoanDueList supervision, boolean canApply,
                boolean canImport, String flash, String error);

        static native TemplateInstance overdue(PageUser user, String tenantName, LocalDate today, LoanDelinquency d, Map<String, String> villages,
                String chartLabels, String chartValues, int current, boolean canScan, String flash, String error);

        static native TemplateInstance application(PageUser user, String tenantName, LoanProduct product, HouseholdDetail household,
                List<MemberView> members, List<String> methods, LoanCheck check, Map<String, String> values, Map<String, String> err, String error);

        static native TemplateInstance ledger(PageUser user, String tenantName, boolean canImport, LoanLedgerReport report, String error);
    }

    @Inject
    TenantAccess access;

    @Inject
    CurrentUser user;

    @Inject
    LoanService loans;

    @Inject
    LoanBookService book;

    @Inject
    RegistryService registry;

    @Inject
    LoanPages pages;

    @Inject
    AppClock clock;

    /**
     * The book: the loans in scope by 状态, sorted by a column the URL names ({@link LoanService#SORTS}; the latest registered
     * first by default) and paged with the shared pager; an unknown column or page number is refused: 400, the page with the reason.
     */
    @GET
    public Response book(@QueryParam("status") String status, @QueryParam("sort") String sort, @QueryParam("dir") String dir,
            @QueryParam("page") String page, @QueryParam("jump") String jump, @CookieParam(Flash.INFO) String flash,
            @CookieParam(Flash.ERROR) String flashError) {
        access.bind(null);
        String s = status == null ? "" : status.strip();
        try {
            SortBy order = SortBy.parse(sort, dir, LoanService.SORTS, LoanService.NEWEST_FIRST);
            Integer p = ProgrammeYears.number(page, "页码");
            return Response.ok(bookPage(s, order, ListLinks.requested(p == null ? 0 : p, jump), Flash.text(flash), Flash.text(flashError))).build();
        } catch (RuntimeException failure) {
            ApiException e = FormSubmit.refusal(failure);
            return Response.status(e.code().status()).entity(Templates.book(PageUser.of(user), access.current().name(), clock.today(), null, null,
                    null, s, Labelled.labels(LoanStatus.class), Map.of(), null, null, false, false, null, e.humanMessage())).build();
        }
    }

    private TemplateInstance bookPage(String status, SortBy order, int page, String flash, String error) {
        Page<LoanSummary> rows = loans.list(status.isEmpty() ? null : status, null, null, order, page, PAGE_SIZE);
        Map<String, String> filters = new java.util.LinkedHashMap<>();
        filters.put("status", status);
        return Templates.book(PageUser.of(user), access.current().name(), clock.today(), book.latest(1), rows,
                ListLinks.of("/loans", filters, order, LoanService.NEWEST_FIRST, rows), status, Labelled.labels(LoanStatus.class),
                pages.villageNames(), book.reminders(200), book.supervisionDue(200), user.hasAnyRole(LoanService.APPLICANTS),
                user.hasAnyRole(LoanService.COUNTY_STAFF), flash, error);
    }

    /** 逾期情况: the latest scan of the county and the overdue loans in the reader's scope, longest overdue first. */
    @GET
    @Path("/overdue")
    public Response overdue(@CookieParam(Flash.INFO) String flash) {
        access.bind(null);
        return overduePage(200, Flash.text(flash), null);
    }

    /** County staff count again now (after recording repayments or importing the ledger); the nightly job does it by itself. */
    @POST
    @Path("/overdue/scan")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response scan(MultivaluedMap<String, String> form) {
        access.bind(null);
        try {
            LoanScanView s = book.scanNow();
            return Response.seeOther(URI.create("/loans/overdue")).cookie(Flash.info("已重新计算（" + s.scannedOn() + "）：在贷" + s.loans()
                    + "笔，逾期贷款余额" + ProgrammeYears.yuan(s.overdue()) + "元")).build();
        } catch (RuntimeException failure) {
            ApiException e = FormSubmit.refusal(failure);
            return overduePage(e.code().status(), null, "未能重新计算：" + e.humanMessage());
        }
    }

    private Response overduePage(int status, String flash, String error) {
        try {
            LoanDelinquency d = book.latest(500);
            LoanScanView s = d.scan();
            String values = s == null ? "" : s.days1to30() + "|" + s.days31to90() + "|" + s.days91to180() + "|" + s.over180();
            int current = s == null ? 0 : s.loans() - s.days1to30() - s.days31to90() - s.days91to180() - s.over180();
            return Response.status(status).entity(Templates.overdue(PageUser.of(user), access.current().name(), clock.today(), d, pages.villageNames(),
                    String.join("|", RANGES), values, current, user.hasAnyRole(LoanService.COUNTY_STAFF), flash, error)).build();
        } catch (RuntimeException failure) {
            ApiException e = FormSubmit.refusal(failure);
            return Response.status(e.code().status()).entity(Templates.overdue(PageUser.of(user), access.current().name(), clock.today(), null,
                    Map.of(), "", "", 0, false, null, e.humanMessage())).build();
        }
    }

    /** 登记贷款申请; {@code householdNo} is the first step: that household's members to choose the borrower from. */
    @GET
    @Path("/new")
    public Response applicationForm(@QueryParam("householdNo") String householdNo) {
        access.bind(null);
        Map<String, String> values = new HashMap<>();
        values.put("appliedOn", clock.today().toString());
        values.put("annualRate", "");
        if (householdNo != null && !householdNo.isBlank()) {
            values.put("householdNo", householdNo.strip());
        }
        return applicationPage(200, values, Map.of(), null, null);
    }

    /**
     * {@code action=check}: what the rules say and the schedule with 贴息, nothing saved; otherwise the application is
     * recorded and the loan's page opens. A refusal shows the form again with what was typed and each reason beside its input.
     */
    @POST
    @Path("/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response apply(MultivaluedMap<String, String> form) {
        access.bind(null);
        Map<String, String> values = Forms.submitted(form);
        boolean checkOnly = "check".equals(form.getFirst("action"));
        try {
            LoanApplicationInput in = application(form);
            if (checkOnly) {
                LoanCheck check = loans.check(in);
                return applicationPage(200, values, Map.of(), check, null);
            }
            LoanDetail d = loans.apply(in);
            return Response.seeOther(URI.create("/loans/" + d.loan().id())).cookie(Flash.info("已登记" + d.loan().borrowerName() + "的贷款申请（"
                    + ProgrammeYears.yuan(d.loan().amount()) + " 元，" + d.loan().termMonths() + "个月），待县级审定人员审批")).build();
        } catch (RuntimeException failure) {
            ApiException e = FormSubmit.refusal(failure);
            Map<String, String> err = new HashMap<>();
            Forms.errors(e, "", "").forEach((field, message) -> err.merge(input(field), message, (a, b) -> a + "；" + b));
            String message = e.code() == PlatformError.NOT_FOUND ? "未找到这名家庭成员，或不在您的管辖范围内"
                    : (checkOnly ? "未能检查：" : "未能登记申请：") + (err.isEmpty() ? e.humanMessage() : Forms.summary(e));
            return applicationPage(e.code().status(), values, err, null, message);
        }
    }

    /** The input a refusal's field belongs beside: a failed rule of the product (LoanRules) goes to the input it is about. */
    static String input(String field) {
        return switch (field) {
            case "BORROWER_AGE", "HOUSEHOLD_CATEGORY" -> "memberId";
            case "MIN_AMOUNT", "MAX_AMOUNT", "MAX_AMOUNT_WITH_ADDON", "ADD_ON" -> "amount";
            case "MAX_YEARS" -> "termMonths";
            case "RATE_CAP" -> "annualRate";
            default -> field;
        };
    }

    private static LoanApplicationInput application(MultivaluedMap<String, String> form) {
        List<FieldError> errors = new ArrayList<>();
        LoanApplicationInput in = new LoanApplicationInput(Forms.longOrNull(form.getFirst("memberId")),
                LoanPages.decimal(form, "amount", "请填写贷款金额（元），如 50000", errors), LoanPages.whole(form, "termMonths", "请填写贷款期限（月），如 36", errors),
                LoanPages.decimal(form, "annualRate", "请填写年利率（%），如 3.45", errors), Forms.text(form, "repaymentMethod"), Forms.text(form, "purpose"),
                Forms.date(form, "appliedOn", errors));
        if (!errors.isEmpty()) {
            throw new ApiException(PlatformError.VALIDATION_FAILED, null, errors);
        }
        return in;
    }

    private Response applicationPage(int status, Map<String, String> values, Map<String, String> err, LoanCheck check, String error) {
        try {
            user.requireAnyRole(LoanService.APPLICANTS);
            LoanProduct product = loans.product("micro");
            HouseholdDetail household = null;
            List<MemberView> members = List.of();
            String shownError = error;
            String no = values.get("householdNo");
            if (no != null && !no.isBlank()) {
                try {
                    household = registry.detailByNo(no.strip());
                    members = household.members().stream().filter(MemberView::active).toList();
                } catch (ApiException e) {
                    String m = e.code() == PlatformError.NOT_FOUND ? "未找到户编号为 " + no.strip() + " 的农户，或不在您的管辖范围内" : e.humanMessage();
                    shownError = shownError == null ? m : shownError + "；" + m;
                }
            }
            return Response.status(status).entity(Templates.application(PageUser.of(user), access.current().name(), product, household, members,
                    Labelled.labels(RepaymentMethod.class), check, values, err, shownError)).build();
        } catch (RuntimeException failure) {
            ApiException e = FormSubmit.refusal(failure);
            String m = e.code() == PlatformError.FORBIDDEN ? "您的角色不能登记贷款申请（由村级信息员、乡镇审核人员或县级工作人员登记）" : e.humanMessage();
            return Response.status(e.code().status()).entity(Templates.application(PageUser.of(user), access.current().name(), null, null,
                    List.of(), List.of(), null, values, Map.of(), m)).build();
        }
    }

    /** 导入银行台账 (county staff): the form, with the columns the bank's file must have. */
    @GET
    @Path("/ledger")
    public Response ledgerForm() {
        access.bind(null);
        if (!user.hasAnyRole(LoanService.COUNTY_STAFF)) {
            return Response.status(403).entity(Templates.ledger(PageUser.of(user), access.current().name(), false, null, LEDGER_ROLES)).build();
        }
        return Response.ok(Templates.ledger(PageUser.of(user), access.current().name(), true, null, null)).build();
    }

    static final String LEDGER_ROLES = "只有县级管理员和县级审定人员可以导入银行台账";

    /** The bank's ledger (.xlsx or .csv): every row recorded as a repayment or refused, each with its reason. */
    @POST
    @Path("/ledger")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response importLedger(@RestForm("file") FileUpload file) {
        access.bind(null);
        try {
            LoanLedgerReport report = book.importLedger(file == null || file.size() == 0 ? null : file.uploadedFile(),
                    file == null ? null : file.fileName());
            return Response.ok(Templates.ledger(PageUser.of(user), access.current().name(), true, report, null)).build();
        } catch (RuntimeException failure) {
            ApiException e = FormSubmit.refusal(failure);
            String m = e.code() == PlatformError.FORBIDDEN ? LEDGER_ROLES : Forms.allMessages(e);
            return Response.status(e.code().status()).entity(Templates.ledger(PageUser.of(user), access.current().name(),
                    user.hasAnyRole(LoanService.COUNTY_STAFF), null, "未能导入：" + m))
                    .build();
        }
    }
}
