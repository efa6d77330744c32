package cn.fpjc.ui.funds;

import cn.fpjc.core.funds.spending.ProgressService;
import cn.fpjc.core.funds.spending.SpendingService;
import cn.fpjc.core.funds.spending.SpendingViews.BehindProject;
import cn.fpjc.core.funds.spending.SpendingViews.Month;
import cn.fpjc.core.funds.spending.SpendingViews.PaymentInput;
import cn.fpjc.core.funds.spending.SpendingViews.Progress;
import cn.fpjc.core.funds.spending.SpendingViews.ProjectPayments;
import cn.fpjc.core.funds.spending.SpendingViews.ReversalInput;
import cn.fpjc.core.funds.spending.SpendingViews.SourceProgress;
import cn.fpjc.core.platform.clock.AppClock;
import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.platform.error.ErrorBody.FieldError;
import cn.fpjc.core.platform.error.PlatformError;
import cn.fpjc.core.platform.files.Scans;
import cn.fpjc.core.platform.security.CurrentUser;
import cn.fpjc.core.platform.tenancy.TenantAccess;
import cn.fpjc.core.platform.web.Page;
import cn.fpjc.ui.common.FormSubmit;
import cn.fpjc.ui.common.Forms;
import cn.fpjc.ui.common.ListLinks;
import cn.fpjc.ui.common.PageUser;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * 衔接资金支出进度 (the dashboard: planned line against actual by month, by source, the province's checkpoints, the projects
 * behind schedule) and one project's 资金支出 (its funding lines, payments with vouchers, reversal, and the form to record
 * a payment). The services decide who may do what; the pages offer each form to those roles only.
 */
@Path("/funds")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class SpendingPage {
    static final int PAGE_SIZE = 20;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance progress(PageUser user, String tenantName, Progress p, String monthLabels, String planned, String actual,
                List<SourceRow> sources, ListLinks links, String year, String date, String error);

        static native TemplateInstance payments(PageUser user, String tenantName, ProjectPayments p, boolean canPay, Map<String, String> values,
                Map<String, String> errors, String flash, String error);
    }

    /** A source's row: its figures and its monthly line as chart data. */
    public record SourceRow(SourceProgress s, String values) {
    }

    @Inject
    TenantAccess access;

    @Inject
    CurrentUser user;

    @Inject
    ProgressService progress;

    @Inject
    SpendingService spending;

    @Inject
    AppClock clock;

    @GET
    @Path("/progress")
    public Response progressPage(@QueryParam("year") String year, @QueryParam("date") String date, @QueryParam("page") int page,
            @QueryParam("jump") String jump) {
        access.bind(null);
        String y = year == null ? "" : year.strip();
        String d = date == null ? "" : date.strip();
        try {
            List<FieldError> errors = new ArrayList<>();
            Integer fundYear = null;
            if (!y.isEmpty()) {
                try {
                    fundYear = Integer.valueOf(y);
                } catch (NumberFormatException e) {
                    errors.add(new FieldError("year", "年度应为四位数字，如 2024"));
                }
            }
            LocalDate on = d.isEmpty() ? null : Forms.date(d, "date", errors);
            ApiException.refuseIfAny(errors);
            int at = ListLinks.requested(page, jump);
            Progress p = progress.progress(fundYear, on, at, PAGE_SIZE);
            Page<BehindProject> behind = new Page<>(p.behind(), p.behindTotal(), at, PAGE_SIZE);
            Map<String, String> filters = new HashMap<>();
            filters.put("year", String.valueOf(p.year()));
            filters.put("date", p.date().toString());
            List<SourceRow> sources = p.sources().stream().map(s -> new SourceRow(s, series(s.monthly()))).toList();
            return Response.ok(Templates.progress(PageUser.of(user), access.current().name(), p,
                    p.months().stream().map(m -> m.month() + "月").collect(Collectors.joining("|")),
                    series(p.months().stream().map(Month::planned).toList()), series(p.months().stream().map(Month::actual).toList()), sources,
                    ListLinks.of("/funds/progress", filters, behind), String.valueOf(p.year()), p.date().toString(), null)).build();
        } catch (RuntimeException failure) {
            ApiException e = FormSubmit.refusal(failure);
            return Response.status(e.code().status()).entity(Templates.progress(PageUser.of(user), access.current().name(), null, "", "", "",
                    List.of(), null, y, d, Forms.summary(e))).build();
        }
    }

    /**
     * A project's 资金支出 page, served at /funds/projects/{id}/payments through {@link ProjectPage}: that path lies under
     * ProjectPage's root, and JAX-RS matches a request to one root resource only.
     */
    public Response paymentsPage(long id, String saved) {
        access.bind(null);
        Map<String, String> values = new HashMap<>();
        values.put("paidOn", clock.today().toString());
        try {
            return Response.ok(page(id, values, Map.of(), saved == null ? null : "已登记", null)).build();
        } catch (RuntimeException failure) {
            ApiException e = FormSubmit.refusal(failure);
            return Response.status(e.code().status()).entity(Templates.payments(PageUser.of(user), access.current().name(), null, false, values,
                    Map.of(), null, e.humanMessage())).build();
        }
    }

    /** 登记支出: the voucher scan is optional (JPEG, PNG or PDF, at most 5 MB); a refusal shows the form again with what was typed. */
    public Response pay(long id, String fundingId, String amount, String paidOn, String voucherNo, String payee, String note,
            FileUpload voucher) {
        access.bind(null);
        Map<String, String> values = new HashMap<>();
        values.put("fundingId", Forms.orEmpty(fundingId));
        values.put("amount", Forms.orEmpty(amount));
        values.put("paidOn", Forms.orEmpty(paidOn));
        values.put("voucherNo", Forms.orEmpty(voucherNo));
        values.put("payee", Forms.orEmpty(payee));
        values.put("note", Forms.orEmpty(note));
        return FormSubmit.submit(() -> {
            List<FieldError> errors = new ArrayList<>();
            Long line = null;
            BigDecimal money = null;
            try {
                line = fundingId == null || fundingId.isBlank() ? null : Long.valueOf(fundingId.strip());
            } catch (NumberFormatException e) {
                errors.add(new FieldError("fundingId", "请选择资金来源"));
            }
            try {
                money = amount == null || amount.isBlank() ? null : new BigDecimal(amount.strip());
            } catch (NumberFormatException e) {
                errors.add(new FieldError("amount", "金额应为数字，如 12000.50"));
            }
            LocalDate on = Forms.date(paidOn, "paidOn", errors);
            ApiException.refuseIfAny(errors);
            String base64 = null;
            String name = null;
            if (voucher != null && voucher.size() > 0) {
                if (voucher.size() > Scans.MAX_BYTES) {
                    throw new ApiException(PlatformError.VALIDATION_FAILED, null, List.of(new FieldError("voucherBase64",
                            PlatformError.SCAN_INVALID.message())));
                }
                try {
                    base64 = Base64.getEncoder().encodeToString(Files.readAllBytes(voucher.uploadedFile()));
                } catch (IOException e) {
                    throw new ApiException(PlatformError.SCAN_INVALID);
                }
                name = voucher.fileName();
            }
            spending.pay(id, new PaymentInput(line, money, on, voucherNo, payee, note, name, base64));
            return "/funds/projects/" + id + "/payments?saved=1";
        }, e -> page(id, values, Forms.errors(e, "", ""), null, Forms.summary(e)));
    }

    /** 冲销 a payment: its own voucher number, the date and the reason. */
    @POST
    @Path("/payments/{paymentId}/reversal")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reverse(@PathParam("paymentId") long paymentId, @RestForm String projectId, @RestForm String paidOn, @RestForm String voucherNo,
            @RestForm String note) {
        access.bind(null);
        long project = projectId == null || !projectId.strip().matches("\\d{1,18}") ? 0 : Long.parseLong(projectId.strip());
        Map<String, String> values = new HashMap<>();
        values.put("paidOn", clock.today().toString());
        return FormSubmit.submit(() -> {
            List<FieldError> errors = new ArrayList<>();
            LocalDate on = paidOn == null || paidOn.isBlank() ? null : Forms.date(paidOn, "paidOn", errors);
            ApiException.refuseIfAny(errors);
            spending.reverse(paymentId, new ReversalInput(on, voucherNo, note));
            return "/funds/projects/" + project + "/payments?saved=1";
        }, e -> page(project, values, Map.of(), null, "未能冲销：" + Forms.summary(e)));
    }

    private TemplateInstance page(long id, Map<String, String> values, Map<String, String> errors, String flash, String error) {
        ProjectPayments p = spending.payments(id);
        return Templates.payments(PageUser.of(user), access.current().name(), p, p.payable() && user.hasAnyRole(SpendingService.PAYERS), values,
                errors, flash, error);
    }

    /** Chart values joined by |, an empty string where there is no figure (the line has a gap there). */
    static String series(List<BigDecimal> values) {
        return values.stream().map(v -> v == null ? "" : v.toPlainString()).collect(Collectors.joining("|"));
    }
}
