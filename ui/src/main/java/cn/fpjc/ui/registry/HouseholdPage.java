package cn.fpjc.ui.registry;

import cn.fpjc.core.platform.error.PlatformError;
import cn.fpjc.core.monitoring.ClueService;
import cn.fpjc.core.monitoring.MonitoringOverview;
import cn.fpjc.core.monitoring.MonitoringOverview.HouseholdMonitoring;
import cn.fpjc.core.monitoring.MonitoringType;
import cn.fpjc.core.monitoring.RiskCategory;
import cn.fpjc.ui.common.Flash;
import jakarta.ws.rs.CookieParam;

import cn.fpjc.core.platform.audit.AuditResource;
import cn.fpjc.core.platform.audit.AuditResource.AuditView;
import cn.fpjc.core.platform.org.OrgUnitView;
import cn.fpjc.core.policy.form.FormField;
import cn.fpjc.core.registry.RegistryViews.HouseholdDetail;
import cn.fpjc.core.registry.RegistryViews.HouseholdSummary;
import cn.fpjc.core.registry.RegistryViews.IncomeView;
import cn.fpjc.core.registry.RegistryViews.MemberView;
import cn.fpjc.core.registry.RegistryViews.Revealed;
import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.policy.form.FormExtensions;
import cn.fpjc.core.platform.org.OrgUnitService;
import cn.fpjc.core.registry.HouseholdCategory;
import cn.fpjc.core.platform.text.Labelled;
import cn.fpjc.core.registry.RegistryRequests;
import cn.fpjc.core.registry.RegistryService;
import cn.fpjc.core.registry.RegistryViews;
import cn.fpjc.core.platform.security.CurrentUser;
import cn.fpjc.core.platform.security.OrgScope;
import cn.fpjc.core.platform.security.Roles;
import cn.fpjc.core.platform.tenancy.TenantAccess;
import cn.fpjc.core.platform.tenancy.TenantInfo;
import cn.fpjc.core.platform.web.Page;
import cn.fpjc.ui.common.Forms;
import cn.fpjc.ui.common.ListLinks;
import cn.fpjc.core.platform.web.SortBy;
import cn.fpjc.ui.common.Names;
import cn.fpjc.ui.common.FormSubmit;
import cn.fpjc.ui.common.PageUser;
import cn.fpjc.core.platform.clock.AppClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
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
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jboss.resteasy.reactive.RestForm;

/**
 * 农户信息 pages: the searchable, paged household list (with the 台账 export of the same filters) and the
 * household detail (members, incomes by year with a chart against the threshold, 三保障, history and audit
 * trail). ID numbers are masked; a reveal needs a reason and shows the number on that one response only.
 */
@Path("/households")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class HouseholdPage {
    static final int PAGE_SIZE = 20;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(PageUser user, String tenantName, String q, String village, String category, String idNumber,
                List<String> categories, List<OrgUnitView> villages, String query, boolean canImport, List<HouseholdSummary> households,
                ListLinks pager, String error);

        static native TemplateInstance detail(PageUser user, String tenantName, HouseholdDetail h, IncomeChart chart, Revealed revealed,
                String error, boolean canReveal, List<AuditView> trail, boolean showTrail, boolean canEdit, HouseholdMonitoring monitoring,
                boolean canStart, List<String> monitoringTypes, List<String> riskCategories, Map<String, String> users);

        static native TemplateInstance householdForm(PageUser user, String tenantName, Map<String, List<String>> choices, boolean creating,
                Long id, Map<String, String> v, Map<String, String> err, String error, List<OrgUnitView> villages,
                List<FormField> householdFields, List<FormField> memberFields, Map<String, String> hxv, Map<String, String> hxe,
                Map<String, String> head, Map<String, String> headErr, Map<String, String> headXv, Map<String, String> headXe);

        static native TemplateInstance memberForm(PageUser user, String tenantName, Map<String, List<String>> choices, boolean creating,
                long id, Long memberId, String householdNo, Map<String, String> v, Map<String, String> err, String error, String idHint,
                List<FormField> memberFields, Map<String, String> xv, Map<String, String> xe);

        static native TemplateInstance incomeForm(PageUser user, String tenantName, long id, String householdNo, List<IncomeView> existing,
                List<LabelledField> moneyFields, Map<String, String> v, Map<String, String> err, String error);

        static native TemplateInstance guaranteeForm(PageUser user, String tenantName, Map<String, List<String>> choices, long id,
                String householdNo, List<LabelledField> yesNoFields, Map<String, String> v, Map<String, String> err, String error);

        static native TemplateInstance changesForm(PageUser user, String tenantName, Map<String, List<String>> choices, HouseholdDetail h,
                List<MemberView> active, Map<String, String> v, List<String> splitIds, Map<String, String> err, String error);
    }

    @Inject
    AppClock clock;

    @Inject
    FormExtensions forms;

    @Inject
    TenantAccess access;

    @Inject
    RegistryService registry;

    @Inject
    OrgUnitService orgUnits;

    @Inject
    AuditResource auditLog;

    @Inject
    CurrentUser user;

    @Inject
    MonitoringOverview overview;

    @Inject
    Names names;

    @GET
    @Transactional
    public Response list(@QueryParam("q") String q, @QueryParam("village") String village, @QueryParam("category") String category,
            @QueryParam("idNumber") String idNumber, @QueryParam("sort") String sort, @QueryParam("dir") String dir,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("jump") String jump) {
        TenantInfo tenant = access.bind(null);
        // Read before the search: a refused search leaves the transaction rollback-only.
        List<OrgUnitView> villages = villages();
        try {
            SortBy order = SortBy.parse(sort, dir, RegistryService.SORTS, RegistryService.BY_VILLAGE);
            Page<HouseholdSummary> result = registry.search(q, village, category, idNumber, false, order,
                    ListLinks.requested(page, jump), PAGE_SIZE);
            return Response.ok(listPage(tenant, villages, q, village, category, idNumber, result.items(),
                    listLinks(q, village, category, order, result), null)).build();
        } catch (RuntimeException failure) {
            // An unknown sort or page number is refused like any other bad filter: 400, the list page with the reason.
            ApiException e = FormSubmit.refusal(failure);
            return Response.status(e.code().status())
                    .entity(listPage(tenant, villages, q, village, category, idNumber, List.of(),
                            listLinks(q, village, category, RegistryService.BY_VILLAGE, Page.empty(PAGE_SIZE)),
                            Forms.allMessages(e))).build();
        }
    }

    private static ListLinks listLinks(String q, String village, String category, SortBy order, Page<?> result) {
        // The ID number stays out of the links (an exact search has one match, so neither pages nor order matter).
        Map<String, String> filters = new java.util.LinkedHashMap<>();
        filters.put("q", q);
        filters.put("village", village);
        filters.put("category", category);
        return ListLinks.of("/households", filters, order, RegistryService.BY_VILLAGE, result);
    }

    private TemplateInstance listPage(TenantInfo tenant, List<OrgUnitView> villages, String q, String village, String category, String idNumber,
            List<HouseholdSummary> households, ListLinks pager, String error) {
        return Templates.list(PageUser.of(user), tenant.name(), nz(q), nz(village), nz(category), nz(idNumber),
                Labelled.labels(HouseholdCategory.class), villages, query(q, village, category), user.hasAnyRole(RegistryService.WRITERS),
                households, pager, error);
    }

    @GET
    @Path("/{id}")
    @Transactional
    public TemplateInstance detail(@PathParam("id") long id, @CookieParam(Flash.ERROR) String error) {
        return detailPage(id, null, Flash.text(error));
    }

    /** Reveals one member's full ID number on this response only; the service audits it. */
    @POST
    @Path("/{id}/members/{memberId}/reveal")
    public Response reveal(@PathParam("id") long id, @PathParam("memberId") long memberId, @RestForm String reason) {
        // The reveal commits (with its audit entry) or fails on its own; the page is read in a fresh transaction.
        access.bind(null);
        try {
            RegistryViews.Revealed r = registry.reveal(id, memberId, reason);
            return Response.ok(QuarkusTransaction.requiringNew().call(() -> detailPage(id, r, null))).header("Cache-Control", "no-store").build();
        } catch (RuntimeException failure) {
            ApiException e = FormSubmit.refusal(failure);
            return Response.status(e.code().status())
                    .entity(QuarkusTransaction.requiringNew().call(() -> detailPage(id, null, e.humanMessage()))).build();
        }
    }

    private TemplateInstance detailPage(long id, RegistryViews.Revealed revealed, String error) {
        TenantInfo tenant = access.bind(null);
        RegistryViews.HouseholdDetail h = registry.detail(id);
        List<AuditResource.AuditView> trail = new ArrayList<>();
        if (user.hasAnyRole(Roles.COUNTY_ADMIN, Roles.COUNTY_APPROVER)) {
            trail.addAll(auditLog.list(tenant.code(), "household", h.householdNo(), 0, 50));
            for (RegistryViews.IncomeView i : h.incomes()) {
                trail.addAll(auditLog.list(tenant.code(), "income_record", h.householdNo() + "/" + i.year(), 0, 50));
            }
            trail.addAll(auditLog.list(tenant.code(), "guarantee_status", h.householdNo(), 0, 50));
            for (RegistryViews.MemberView m : h.members()) {
                trail.addAll(auditLog.list(tenant.code(), "member", String.valueOf(m.id()), 0, 50));
            }
            trail.sort((a, b) -> b.occurredAt().compareTo(a.occurredAt()));
        }
        // Its monitoring (cases, plan, visits, clues) for those who read monitoring; staff may start a clue or a case from here.
        HouseholdMonitoring monitoring = overview.canRead() ? overview.household(id) : null;
        boolean staff = h.active() && user.hasAnyRole(ClueService.STAFF);
        return Templates.detail(PageUser.of(user), tenant.name(), h, IncomeChart.of(h.incomes()), revealed, error,
                user.hasAnyRole(RegistryService.WRITERS), trail, user.hasAnyRole(Roles.COUNTY_ADMIN, Roles.COUNTY_APPROVER),
                h.active() && user.hasAnyRole(RegistryService.WRITERS), monitoring, staff && monitoring != null && monitoring.canOpen(),
                Labelled.labels(MonitoringType.class), Labelled.labels(RiskCategory.class),
                names.users(java.util.stream.Stream.concat(h.events().stream().map(RegistryViews.EventView::actor),
                        trail.stream().map(AuditView::actor))));
    }

    // ---------------------------------------------------------------- forms
    // Each form posts to this page; the service validates exactly as for the API. A refusal shows the form again with what
    // was typed and each message beside its input; a success goes to the household page (post/redirect/get).

    @GET
    @Path("/new")
    @Transactional
    public TemplateInstance newHousehold() {
        access.bind(null);
        user.requireAnyRole(RegistryService.WRITERS);
        Map<String, String> v = new java.util.HashMap<>(Map.of("category", "一般农户", "head.medicalInsured", "true"));
        return householdForm(null, v, Map.of(), null);
    }

    @POST
    @Path("/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createHousehold(MultivaluedMap<String, String> form) {
        return submit(() -> "/households/" + registry.create(RegistryForms.create(form)).id(),
                e -> householdForm(null, Forms.submitted(form), Forms.errors(e, "members[0].", "head."), Forms.summary(e)));
    }

    @GET
    @Path("/{id}/edit")
    @Transactional
    public TemplateInstance editHousehold(@PathParam("id") long id) {
        return householdForm(id, RegistryForms.values(forForm(id)), Map.of(), null);
    }

    @POST
    @Path("/{id}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response updateHousehold(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        return submit(() -> "/households/" + registry.update(id, RegistryForms.household(form, version(form))).id(),
                e -> householdForm(id, Forms.submitted(form), Forms.errors(e, "", ""), Forms.summary(e)));
    }

    @GET
    @Path("/{id}/members/new")
    @Transactional
    public TemplateInstance newMember(@PathParam("id") long id) {
        return memberForm(forForm(id), null, new java.util.HashMap<>(Map.of("medicalInsured", "true")), Map.of(), null);
    }

    @POST
    @Path("/{id}/members/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addMember(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        return submit(() -> "/households/" + registry.addMember(id, RegistryForms.member(form, null)).id(),
                e -> memberForm(registry.detail(id), null, Forms.submitted(form), Forms.errors(e, "", ""), Forms.summary(e)));
    }

    @GET
    @Path("/{id}/members/{memberId}/edit")
    @Transactional
    public TemplateInstance editMember(@PathParam("id") long id, @PathParam("memberId") long memberId) {
        RegistryViews.HouseholdDetail h = forForm(id);
        return memberForm(h, memberId, RegistryForms.values(member(h, memberId)), Map.of(), null);
    }

    @POST
    @Path("/{id}/members/{memberId}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response updateMember(@PathParam("id") long id, @PathParam("memberId") long memberId, MultivaluedMap<String, String> form) {
        return submit(() -> "/households/" + registry.updateMember(id, memberId, RegistryForms.member(form, version(form))).id(),
                e -> memberForm(registry.detail(id), memberId, Forms.submitted(form), Forms.errors(e, "", ""),
                        Forms.summary(e)));
    }

    @POST
    @Path("/{id}/members/{memberId}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response removeMember(@PathParam("id") long id, @PathParam("memberId") long memberId, @RestForm String reason) {
        return submit(() -> "/households/" + registry.removeMember(id, memberId, reason).id(), e -> {
            RegistryViews.HouseholdDetail h = registry.detail(id);
            return memberForm(h, memberId, RegistryForms.values(member(h, memberId)), Forms.errors(e, "", ""), Forms.summary(e));
        });
    }

    @GET
    @Path("/{id}/incomes")
    @Transactional
    public TemplateInstance incomeForm(@PathParam("id") long id, @QueryParam("year") Integer year) {
        RegistryViews.HouseholdDetail h = forForm(id);
        int wanted = year == null ? clock.year() - 1 : year;
        Map<String, String> v = h.incomes().stream().filter(i -> i.year() == wanted).findFirst().map(RegistryForms::values)
                .orElseGet(() -> new java.util.HashMap<>(Map.of("year", String.valueOf(wanted))));
        return incomeForm(h, v, Map.of(), null);
    }

    @POST
    @Path("/{id}/incomes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response recordIncome(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        return submit(() -> "/households/" + registry.recordIncome(id, RegistryForms.income(form)).id() + "#incomes",
                e -> incomeForm(registry.detail(id), Forms.submitted(form), Forms.errors(e, "", ""), Forms.summary(e)));
    }

    @GET
    @Path("/{id}/guarantee")
    @Transactional
    public TemplateInstance guaranteeForm(@PathParam("id") long id) {
        RegistryViews.HouseholdDetail h = forForm(id);
        return guaranteeForm(h, h.guarantee() == null ? Map.of() : RegistryForms.values(h.guarantee()), Map.of(), null);
    }

    @POST
    @Path("/{id}/guarantee")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response recordGuarantee(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        return submit(() -> "/households/" + registry.recordGuarantee(id, RegistryForms.guarantee(form)).id() + "#guarantee",
                e -> guaranteeForm(registry.detail(id), Forms.submitted(form), Forms.errors(e, "", ""), Forms.summary(e)));
    }

    @GET
    @Path("/{id}/changes")
    @Transactional
    public TemplateInstance changesForm(@PathParam("id") long id) {
        return changesForm(forForm(id), Map.of(), List.of(), Map.of(), null);
    }

    @POST
    @Path("/{id}/move")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response moveMember(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        return submit(() -> "/households/" + registry.moveMember(id, Forms.id(form, "memberId", "请选择迁出的成员"),
                new RegistryRequests.MoveMember(Forms.text(form, "toHouseholdNo"), Forms.text(form, "relation"),
                        Forms.text(form, "reason"))).id(), e -> changesAgain(id, form, e));
    }

    @POST
    @Path("/{id}/split")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response split(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        List<Long> members = form.getOrDefault("memberIds", List.of()).stream().map(Forms::longOrNull)
                .filter(java.util.Objects::nonNull).toList();
        return submit(() -> "/households/" + registry.split(id, new RegistryRequests.Split(Forms.text(form, "newHouseholdNo"),
                Forms.text(form, "address"), members, Forms.longOrNull(form.getFirst("headMemberId")),
                Forms.text(form, "reason"))).id(), e -> changesAgain(id, form, e));
    }

    @POST
    @Path("/{id}/merge")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response merge(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        return submit(() -> "/households/" + registry.merge(id, new RegistryRequests.Merge(Forms.text(form, "intoHouseholdNo"),
                Forms.text(form, "reason"))).id(), e -> changesAgain(id, form, e));
    }

    private TemplateInstance changesAgain(long id, MultivaluedMap<String, String> form, ApiException e) {
        return changesForm(registry.detail(id), Forms.submitted(form), form.getOrDefault("memberIds", List.of()),
                Forms.errors(e, "", ""), Forms.allMessages(e));
    }

    private TemplateInstance changesForm(RegistryViews.HouseholdDetail h, Map<String, String> v, List<String> splitIds,
            Map<String, String> err, String error) {
        return Templates.changesForm(PageUser.of(user), access.current().name(), RegistryForms.choices(), h,
                h.members().stream().filter(MemberView::active).toList(), v, splitIds, err, error);
    }

    /**
     * Runs a form's write, which returns where to go next (post/redirect/get). A refusal shows the form again with its
     * status, read in a fresh transaction (the failed write's was rolled back).
     */
    private Response submit(Supplier<String> write, Function<ApiException, TemplateInstance> again) {
        access.bind(null);
        return FormSubmit.submit(write, again);
    }

    /** The household a form edits: the caller must be a writer, and the household in scope (else 404). */
    private RegistryViews.HouseholdDetail forForm(long id) {
        access.bind(null);
        user.requireAnyRole(RegistryService.WRITERS);
        return registry.detail(id);
    }

    private static Long version(MultivaluedMap<String, String> form) {
        return Forms.longOrNull(form.getFirst("version"));
    }

    private static RegistryViews.MemberView member(RegistryViews.HouseholdDetail h, long memberId) {
        return h.members().stream().filter(m -> m.id() == memberId && m.active()).findFirst()
                .orElseThrow(() -> new ApiException(PlatformError.NOT_FOUND));
    }

    private List<OrgUnitView> villages() {
        return orgUnits.listVisible(user.orgCode()).stream().filter(u -> OrgScope.isVillage(u.code())).toList();
    }

    private TemplateInstance householdForm(Long id, Map<String, String> v, Map<String, String> err, String error) {
        TenantInfo tenant = access.current();
        return Templates.householdForm(PageUser.of(user), tenant.name(), RegistryForms.choices(), id == null, id, v, err, error, villages(),
                forms.fields(tenant.provinceId(), tenant.code(), "household"), forms.fields(tenant.provinceId(), tenant.code(), "member"),
                Forms.group(v, "x."), Forms.group(err, "x."), Forms.group(v, "head."), Forms.group(err, "head."), Forms.group(v, "head.x."),
                Forms.group(err, "head.x."));
    }

    private TemplateInstance memberForm(RegistryViews.HouseholdDetail h, Long memberId, Map<String, String> v, Map<String, String> err,
            String error) {
        TenantInfo tenant = access.current();
        return Templates.memberForm(PageUser.of(user), tenant.name(), RegistryForms.choices(), memberId == null, h.id(), memberId,
                h.householdNo(), v, err, error, memberId == null ? "" : "显示的是脱敏号码；只有更正号码时才填写完整的18位号码",
                forms.fields(tenant.provinceId(), tenant.code(), "member"), Forms.group(v, "x."), Forms.group(err, "x."));
    }

    /** The income inputs, in the order of the statistical definition (Qute has no arrays of pairs). */
    public record LabelledField(String key, String label, String yes, String no) {
    }

    static final List<LabelledField> MONEY_FIELDS = List.of(new LabelledField("wage", "工资性收入", null, null),
            new LabelledField("productionNet", "生产经营性净收入", null, null), new LabelledField("property", "财产性收入", null, null),
            new LabelledField("transfer", "转移性收入", null, null), new LabelledField("expenses", "合规自付支出", null, null));

    static final List<LabelledField> GUARANTEE_FIELDS = List.of(new LabelledField("educationOk", "义务教育", "有保障", "有失学辍学"),
            new LabelledField("medicalOk", "基本医疗", "有保障", "有未参保或看不起病"),
            new LabelledField("waterQuantityOk", "饮水：水量", "达标", "不达标"), new LabelledField("waterQualityOk", "饮水：水质", "达标", "不达标"),
            new LabelledField("waterConvenienceOk", "饮水：取水方便程度", "达标", "不达标"),
            new LabelledField("waterGuaranteeOk", "饮水：供水保证率", "达标", "不达标"));

    private TemplateInstance incomeForm(RegistryViews.HouseholdDetail h, Map<String, String> v, Map<String, String> err, String error) {
        return Templates.incomeForm(PageUser.of(user), access.current().name(), h.id(), h.householdNo(), h.incomes(), MONEY_FIELDS, v, err,
                error);
    }

    private TemplateInstance guaranteeForm(RegistryViews.HouseholdDetail h, Map<String, String> v, Map<String, String> err, String error) {
        return Templates.guaranteeForm(PageUser.of(user), access.current().name(), RegistryForms.choices(), h.id(), h.householdNo(),
                GUARANTEE_FIELDS, v, err, error);
    }

    static String query(String q, String village, String category) {
        return "q=" + enc(q) + "&village=" + enc(village) + "&category=" + enc(category);
    }

    static String enc(String s) {
        return URLEncoder.encode(nz(s), StandardCharsets.UTF_8);
    }

    static String nz(String s) {
        return s == null ? "" : s.strip();
    }

    /**
     * Per-capita income by year against the year's threshold, as SVG geometry computed here (Qute has no
     * arithmetic): bars for incomes, a tick for each year's threshold, red when below it.
     */
    public record IncomeChart(int width, int height, List<Bar> bars, String maxLabel) {
        public record Bar(String year, int x, int y, int h, int thresholdY, boolean hasThreshold, boolean below, String label) {
        }

        static IncomeChart of(List<RegistryViews.IncomeView> incomes) {
            if (incomes.isEmpty()) {
                return null;
            }
            BigDecimal max = BigDecimal.ONE;
            for (RegistryViews.IncomeView i : incomes) {
                max = max.max(i.perCapita());
                if (i.threshold() != null) {
                    max = max.max(new BigDecimal(i.threshold()));
                }
            }
            int plot = 160;
            int top = 20;
            List<Bar> bars = new ArrayList<>();
            int x = 40;
            for (RegistryViews.IncomeView i : incomes) {
                int h = Math.max(0, i.perCapita().multiply(BigDecimal.valueOf(plot)).divide(max, 0, RoundingMode.HALF_UP).intValue());
                int ty = i.threshold() == null ? 0 : top + plot - new BigDecimal(i.threshold()).multiply(BigDecimal.valueOf(plot))
                        .divide(max, 0, RoundingMode.HALF_UP).intValue();
                bars.add(new Bar(String.valueOf(i.year()), x, top + plot - h, h, ty, i.threshold() != null, Boolean.TRUE.equals(i.belowThreshold()),
                        i.perCapita().setScale(0, RoundingMode.HALF_UP).toPlainString()));
                x += 70;
            }
            return new IncomeChart(Math.max(240, x + 20), top + plot + 30, bars, max.setScale(0, RoundingMode.HALF_UP).toPlainString());
        }
    }
}
