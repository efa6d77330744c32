package cn.fpjc.ui.monitoring;

import cn.fpjc.ui.common.Flash;
import cn.fpjc.core.monitoring.ClueChannel;
import cn.fpjc.core.monitoring.ClueRequests;
import cn.fpjc.core.monitoring.ClueService;
import cn.fpjc.core.monitoring.ClueStatus;
import cn.fpjc.core.monitoring.ClueViews.ClueView;
import cn.fpjc.core.monitoring.ClueViews.Campaigns;
import cn.fpjc.core.monitoring.MonitoringType;
import cn.fpjc.core.monitoring.RiskCategory;
import cn.fpjc.core.monitoring.ScreeningKind;
import cn.fpjc.core.platform.clock.AppClock;
import cn.fpjc.core.registry.RegistryService;
import cn.fpjc.core.registry.RegistryViews;
import cn.fpjc.core.platform.org.OrgUnitService;
import cn.fpjc.core.platform.org.OrgUnitView;
import cn.fpjc.core.platform.text.Labelled;
import cn.fpjc.core.platform.security.CurrentUser;
import cn.fpjc.core.platform.security.OrgScope;
import cn.fpjc.core.platform.tenancy.TenantAccess;
import cn.fpjc.core.platform.tenancy.TenantInfo;
import cn.fpjc.core.platform.web.Page;
import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.platform.web.SortBy;
import cn.fpjc.ui.common.Forms;
import cn.fpjc.ui.common.ListLinks;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.LinkedHashMap;
import cn.fpjc.ui.common.FormSubmit;
import cn.fpjc.ui.common.Names;
import cn.fpjc.ui.common.PageUser;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/**
 * 风险线索 pages: the list of clues in the user's scope ordered by due date with deadline badges (已逾期 / 即将到期),
 * recording a self-report or screening finding, and closing a clue with its home-visit finding.
 */
@Path("/clues")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class CluePage {
    static final int PAGE_SIZE = 20;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(PageUser user, String tenantName, List<ClueView> clues, Page<ClueView> pager, ListLinks links, String status, boolean overdue,
                List<ClueStatus> statuses, boolean canRecord, List<String> channels, List<String> categories, List<OrgUnitView> villages,
                List<String> screeningKinds, Campaigns campaigns, Map<String, String> v, Map<String, String> err, String error,
                Map<String, String> villageNames, boolean canImportComparison);

        static native TemplateInstance forHousehold(PageUser user, String tenantName, RegistryViews.HouseholdDetail h,
                List<RegistryViews.MemberView> members, List<String> channels, List<String> categories, List<String> screeningKinds,
                Map<String, String> v, Map<String, String> err, String error);

        static native TemplateInstance detail(PageUser user, String tenantName, ClueView c, boolean canVerify, List<String> results,
                Map<String, String> v, Map<String, String> err, String error, boolean canOpenCase, List<String> monitoringTypes,
                List<String> categories, Map<String, String> villageNames, Map<String, String> users);

        /** 导入全国系统数据比对名单: the form, and after an upload every row's result. */
        static native TemplateInstance comparison(PageUser user, String tenantName, boolean canImport,
                cn.fpjc.core.monitoring.ClueViews.ComparisonIntake report, String reportedOn, String error);
    }

    static final String COMPARISON_ROLES = "只有县级管理员和县级审定人员可以导入全国系统数据比对名单";

    @Inject
    Names names;

    @Inject
    TenantAccess access;

    @Inject
    ClueService clues;

    @Inject
    OrgUnitService orgUnits;

    @Inject
    RegistryService registry;

    @Inject
    CurrentUser user;

    @Inject
    AppClock clock;

    /**
     * The clues in scope, by status (default 未核实) and 只看已逾期, sorted by a column the URL names ({@link ClueService#SORTS}) and
     * paged with the shared pager; an unknown column or page number is refused like a bad filter: 400, the page with the reason.
     */
    @GET
    @Transactional
    public Response list(@QueryParam("status") @DefaultValue("OPEN") String status, @QueryParam("overdue") boolean overdue,
            @QueryParam("sort") String sort, @QueryParam("dir") String dir, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("jump") String jump) {
        access.bind(null);
        try {
            SortBy order = SortBy.parse(sort, dir, ClueService.SORTS, ClueService.BY_DUE);
            return Response.ok(listPage(status, overdue, order, ListLinks.requested(page, jump), Map.of(), Map.of(), null)).build();
        } catch (RuntimeException failure) {
            ApiException e = FormSubmit.refusal(failure);
            // A refused search leaves this transaction rollback-only: the page with the reason is read in its own.
            return Response.status(e.code().status()).entity(QuarkusTransaction.requiringNew()
                    .call(() -> listPage(status, overdue, null, 0, Map.of(), Map.of(), Forms.allMessages(e)))).build();
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response record(MultivaluedMap<String, String> form) {
        access.bind(null);
        return FormSubmit.submit(() -> "/clues/" + clues.record(new ClueRequests.RecordClue(Forms.text(form, "channel"),
                Forms.text(form, "sourceDetail"), Forms.text(form, "villageCode"), Forms.text(form, "name"),
                Forms.text(form, "idNumber"), Forms.text(form, "phone"), Forms.text(form, "description"),
                form.getOrDefault("riskCategories", List.of()), null, Forms.text(form, "screeningKind"),
                Forms.text(form, "campaign"), Forms.longOrNull(form.getFirst("memberId")))).id(),
                e -> form.getFirst("household") != null
                        ? householdForm(Forms.longOrNull(form.getFirst("household")), Forms.submitted(form), Forms.errors(e, "", ""), Forms.summary(e))
                        : listPage("OPEN", false, ClueService.BY_DUE, 0, Forms.submitted(form), Forms.errors(e, "", ""), Forms.summary(e)));
    }

    /** 登记风险线索 from a household: its members to choose from, nothing retyped (the clue takes the member's stored ID number). */
    @GET
    @Path("/new")
    @Transactional
    public TemplateInstance forHousehold(@QueryParam("household") long household) {
        access.bind(null);
        user.requireAnyRole(ClueService.STAFF);
        return householdForm(household, Map.of(), Map.of(), null);
    }

    private TemplateInstance householdForm(Long household, Map<String, String> v, Map<String, String> err, String error) {
        RegistryViews.HouseholdDetail h = registry.detail(household == null ? -1 : household);
        return Templates.forHousehold(PageUser.of(user), access.current().name(), h, h.members().stream().filter(RegistryViews.MemberView::active)
                .toList(), List.of(ClueChannel.SELF_REPORT.label(), ClueChannel.CADRE_SCREENING.label()), Labelled.labels(RiskCategory.class),
                Labelled.labels(ScreeningKind.class), v, err, error);
    }

    /** The upload form for the national system's 数据比对 list (county staff; others are told who may). */
    @GET
    @Path("/national-comparison")
    @Transactional
    public Response comparisonForm() {
        access.bind(null);
        boolean may = user.hasAnyRole(ClueService.COMPARISON_IMPORTERS);
        return Response.status(may ? 200 : 403).entity(Templates.comparison(PageUser.of(user), access.current().name(), may, null, "",
                may ? null : COMPARISON_ROLES)).build();
    }

    /** Takes the list in: every row accepted with its tracking number or refused with its reason, shown on the page. */
    @POST
    @Path("/national-comparison")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response importComparison(@org.jboss.resteasy.reactive.RestForm("file") org.jboss.resteasy.reactive.multipart.FileUpload file,
            @org.jboss.resteasy.reactive.RestForm String reportedOn) {
        access.bind(null);
        String typed = reportedOn == null ? "" : reportedOn.strip();
        try {
            List<cn.fpjc.core.platform.error.ErrorBody.FieldError> errors = new java.util.ArrayList<>();
            java.time.LocalDate on = typed.isEmpty() ? null : Forms.date(typed, "reportedOn", errors);
            ApiException.refuseIfAny(errors);
            var report = clues.importComparison(on, file == null || file.size() == 0 ? null : file.uploadedFile(),
                    file == null ? null : file.fileName());
            return Response.ok(Templates.comparison(PageUser.of(user), access.current().name(), true, report, typed, null)).build();
        } catch (RuntimeException failure) {
            ApiException e = FormSubmit.refusal(failure);
            String m = e.code() == cn.fpjc.core.platform.error.PlatformError.FORBIDDEN ? COMPARISON_ROLES : Forms.allMessages(e);
            return Response.status(e.code().status()).entity(Templates.comparison(PageUser.of(user), access.current().name(),
                    user.hasAnyRole(ClueService.COMPARISON_IMPORTERS), null, typed, "未能导入：" + m)).build();
        }
    }

    @GET
    @Path("/{id}")
    @Transactional
    public TemplateInstance detail(@PathParam("id") long id, @CookieParam(Flash.ERROR) String error) {
        access.bind(null);
        return detailPage(clues.get(id), Map.of(), Map.of(), Flash.text(error));
    }

    @POST
    @Path("/{id}/verification")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response verify(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        access.bind(null);
        return FormSubmit.submit(() -> "/clues/" + clues.verify(id, new ClueRequests.Verification(Forms.text(form, "result"),
                Forms.text(form, "note"), null, Forms.longOrNull(form.getFirst("version")))).id(),
                e -> detailPage(clues.get(id), Forms.submitted(form), Forms.errors(e, "", ""), Forms.summary(e)));
    }

    /** The list page; {@code order} null: the list was refused (shown empty, with {@code error}). */
    private TemplateInstance listPage(String status, boolean overdue, SortBy order, int page, Map<String, String> v, Map<String, String> err,
            String error) {
        TenantInfo tenant = access.current();
        String shown = "ALL".equals(status) ? null : status;
        Page<ClueView> result = order == null ? Page.empty(PAGE_SIZE) : clues.list(shown, null, null, overdue, order, page, PAGE_SIZE);
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("status", status);
        filters.put("overdue", overdue ? "true" : "");
        ListLinks links = ListLinks.of("/clues", filters, order == null ? ClueService.BY_DUE : order, ClueService.BY_DUE, result);
        return Templates.list(PageUser.of(user), tenant.name(), result.items(), result, links,
                status, overdue, List.of(ClueStatus.values()), user.hasAnyRole(ClueService.STAFF),
                List.of(ClueChannel.SELF_REPORT.label(), ClueChannel.CADRE_SCREENING.label()), Labelled.labels(RiskCategory.class),
                orgUnits.listVisible(user.orgCode()).stream().filter(u -> OrgScope.isVillage(u.code())).toList(),
                Labelled.labels(ScreeningKind.class), clues.campaigns(clock.year()), v, err, error,
                names.villages(result.items().stream().map(ClueView::villageCode)), user.hasAnyRole(ClueService.COMPARISON_IMPORTERS));
    }

    private TemplateInstance detailPage(ClueView c, Map<String, String> v, Map<String, String> err, String error) {
        boolean staff = user.hasAnyRole(ClueService.STAFF);
        return Templates.detail(PageUser.of(user), access.current().name(), c, "OPEN".equals(c.status()) && staff,
                List.of(ClueStatus.RISK_CONFIRMED.label(), ClueStatus.NO_RISK.label()), v, err, error,
                "RISK_CONFIRMED".equals(c.status()) && c.householdId() != null && staff, Labelled.labels(MonitoringType.class),
                Labelled.labels(RiskCategory.class), names.villages(java.util.stream.Stream.of(c.villageCode())),
                names.users(java.util.stream.Stream.of(c.receivedBy(), c.verifiedBy())));
    }
}
