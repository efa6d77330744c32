package cn.fpjc.ui.funds;

import cn.fpjc.core.funds.asset.AssetService;
import cn.fpjc.core.funds.asset.AssetViews.AssetDetail;
import cn.fpjc.core.funds.asset.AssetViews.AssetView;
import cn.fpjc.core.funds.asset.AssetViews.CheckInput;
import cn.fpjc.core.funds.asset.AssetViews.IncomeInput;
import cn.fpjc.core.funds.asset.AssetViews.LineInput;
import cn.fpjc.core.funds.asset.AssetViews.OverdueChecks;
import cn.fpjc.core.funds.asset.CheckLevel;
import cn.fpjc.core.funds.asset.DistributionKind;
import cn.fpjc.core.funds.project.ProjectNature;
import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.platform.error.ErrorBody.FieldError;
import cn.fpjc.core.platform.error.PlatformError;
import cn.fpjc.core.platform.security.CurrentUser;
import cn.fpjc.core.platform.security.Roles;
import cn.fpjc.core.platform.tenancy.TenantAccess;
import cn.fpjc.core.platform.web.Page;
import cn.fpjc.core.registry.RegistryService;
import cn.fpjc.ui.common.Flash;
import cn.fpjc.ui.common.FormSubmit;
import cn.fpjc.ui.common.Forms;
import cn.fpjc.ui.common.ListLinks;
import cn.fpjc.ui.common.PageUser;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 项目资产 pages: the 资产台账 in scope (by category, paged) with the maintenance overdue now, and an asset's page with its
 * 确权 clock, cadence by level, the form to log the user's own level of check, income with its distribution (form for the
 * county admin: up to five lines by 户编号) and the asset's whole history. The service decides who may do what.
 */
@Path("/funds/assets")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class AssetPage {
    static final int LIST_SIZE = 30;
    static final int FORM_LINES = 5;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance ledger(PageUser user, String tenantName, List<ProjectNature> natures, String nature, Page<AssetView> rows,
                ListLinks links, OverdueChecks overdue, String flash, String error);

        static native TemplateInstance asset(PageUser user, String tenantName, AssetDetail d, CheckLevel myLevel, boolean canRecordIncome,
                List<DistributionKind> kinds, List<FormLine> lines, Map<String, String> values, Map<String, String> err, String flash, String error);
    }

    /** One line of the distribution form, numbered from 1 for people, with what was typed. */
    public record FormLine(int index, int number, String kind, String householdNo, String amount, String basis) {
    }

    @Inject
    TenantAccess access;

    @Inject
    CurrentUser user;

    @Inject
    AssetService assets;

    @Inject
    RegistryService registry;

    @GET
    public Response ledger(@QueryParam("nature") String nature, @QueryParam("page") @DefaultValue("0") int page, @QueryParam("jump") String jump,
            @CookieParam(Flash.INFO) String flash) {
        access.bind(null);
        user.requireAnyRole(RegistryService.READERS);
        String n = nature == null || nature.isBlank() ? null : nature.strip();
        int at = ListLinks.requested(page, jump);
        try {
            AssetService.Page p = assets.list(n, null, null, at, LIST_SIZE);
            Page<AssetView> rows = new Page<>(p.items(), p.total(), at, LIST_SIZE);
            Map<String, String> filters = new LinkedHashMap<>();
            if (n != null) {
                filters.put("nature", n);
            }
            return Response.ok(Templates.ledger(PageUser.of(user), access.current().name(), List.of(ProjectNature.values()), n, rows,
                    ListLinks.of("/funds/assets", filters, rows), assets.overdueChecks(), Flash.text(flash), null)).build();
        } catch (RuntimeException failure) {
            ApiException e = FormSubmit.refusal(failure);
            Page<AssetView> empty = new Page<>(List.of(), 0, 0, LIST_SIZE);
            return Response.status(e.code().status()).entity(Templates.ledger(PageUser.of(user), access.current().name(),
                    List.of(ProjectNature.values()), n, empty, ListLinks.of("/funds/assets", Map.of(), empty), null, null, e.humanMessage())).build();
        }
    }

    @GET
    @Path("/{id}")
    public Response asset(@PathParam("id") long id, @CookieParam(Flash.INFO) String flash) {
        access.bind(null);
        return Response.ok(page(id, Map.of(), Map.of(), Flash.text(flash), null)).build();
    }

    /** Logs a check at the user's own level. */
    @POST
    @Path("/{id}/checks")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response check(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        access.bind(null);
        Map<String, String> values = Forms.submitted(form);
        try {
            List<FieldError> errors = new ArrayList<>();
            CheckInput in = new CheckInput(myLevel() == null ? null : myLevel().name(), Forms.date(form, "checkedOn", errors),
                    Forms.text(form, "inspector"), Forms.text(form, "findings"), Forms.text(form, "condition"));
            if (!errors.isEmpty()) {
                throw new ApiException(PlatformError.VALIDATION_FAILED, null, errors);
            }
            var c = assets.logCheck(id, in);
            return Response.seeOther(URI.create("/funds/assets/" + id)).cookie(Flash.info("已登记" + c.levelLabel() + "：" + c.checkedOn())).build();
        } catch (RuntimeException failure) {
            ApiException e = FormSubmit.refusal(failure);
            return Response.status(e.code().status()).entity(page(id, values, Forms.errors(e, "", ""), null, "未能登记：" + Forms.summary(e))).build();
        }
    }

    /** Records an income and its distribution; a flat hand-out or a plan that does not add up is refused with the reason. */
    @POST
    @Path("/{id}/incomes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response income(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        access.bind(null);
        Map<String, String> values = Forms.submitted(form);
        try {
            List<FieldError> errors = new ArrayList<>();
            List<LineInput> lines = new ArrayList<>();
            for (int i = 0; i < FORM_LINES; i++) {
                String kind = Forms.text(form, "kind" + i);
                String amount = Forms.text(form, "amount" + i);
                String no = Forms.text(form, "householdNo" + i);
                if (kind == null && amount == null && no == null) {
                    continue;
                }
                Long household = null;
                if (no != null) {
                    try {
                        household = registry.detailByNo(no).id();
                    } catch (ApiException notFound) {
                        errors.add(new FieldError("lines[" + lines.size() + "].householdId", "未找到户编号 " + no + "，或不在您的管辖范围内"));
                    }
                }
                lines.add(new LineInput(household, kind, money(amount, "lines[" + lines.size() + "].amount", errors), Forms.text(form, "basis" + i)));
            }
            IncomeInput in = new IncomeInput(Forms.date(form, "receivedOn", errors), money(Forms.text(form, "amount"), "amount", errors),
                    Forms.text(form, "payer"), Forms.text(form, "note"), lines);
            if (!errors.isEmpty()) {
                throw new ApiException(PlatformError.VALIDATION_FAILED, null, errors);
            }
            var income = assets.recordIncome(id, in);
            return Response.seeOther(URI.create("/funds/assets/" + id)).cookie(Flash.info("已登记收益 " + income.amount().toPlainString()
                    + " 元及分配方案，监测对象和脱贫户占 " + income.prioritySharePercent().toPlainString() + "%")).build();
        } catch (RuntimeException failure) {
            ApiException e = FormSubmit.refusal(failure);
            return Response.status(e.code().status()).entity(page(id, values, Forms.errors(e, "", ""), null, "未能登记：" + Forms.allMessages(e)))
                    .build();
        }
    }

    private TemplateInstance page(long id, Map<String, String> values, Map<String, String> err, String flash, String error) {
        AssetDetail d = assets.detail(id);
        List<FormLine> lines = new ArrayList<>();
        for (int i = 0; i < FORM_LINES; i++) {
            lines.add(new FormLine(i, i + 1, values.getOrDefault("kind" + i, ""), values.getOrDefault("householdNo" + i, ""),
                    values.getOrDefault("amount" + i, ""), values.getOrDefault("basis" + i, "")));
        }
        return Templates.asset(PageUser.of(user), access.current().name(), d, myLevel(), user.hasRole(Roles.COUNTY_ADMIN),
                List.of(DistributionKind.values()), lines, values, err, flash, error);
    }

    /** The level of check this user logs (village clerk: 村级管护, township reviewer: 乡镇检查, county staff: 县级督导). */
    private CheckLevel myLevel() {
        if (user.hasRole(Roles.VILLAGE_CLERK)) {
            return CheckLevel.VILLAGE;
        }
        if (user.hasRole(Roles.TOWNSHIP_REVIEWER)) {
            return CheckLevel.TOWNSHIP;
        }
        return user.hasAnyRole(Roles.COUNTY_ADMIN, Roles.COUNTY_APPROVER) ? CheckLevel.COUNTY : null;
    }

    private static BigDecimal money(String text, String field, List<FieldError> errors) {
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            errors.add(new FieldError(field, "请填写金额（元），如 1200 或 1200.50"));
            return null;
        }
    }
}
