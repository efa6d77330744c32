package cn.fpjc.ui.funds;

import cn.fpjc.core.funds.FundsRoles;
import cn.fpjc.core.funds.allocation.AllocationService;
import cn.fpjc.core.funds.allocation.AllocationViews.AllocationView;
import cn.fpjc.core.funds.allocation.FundSource;
import cn.fpjc.core.funds.project.FundUsage;
import cn.fpjc.core.funds.project.LibraryService;
import cn.fpjc.core.funds.project.LinkageKind;
import cn.fpjc.core.funds.project.NoticeKind;
import cn.fpjc.core.funds.project.ProjectCategory;
import cn.fpjc.core.funds.project.ProjectNature;
import cn.fpjc.core.funds.project.ProjectService;
import cn.fpjc.core.funds.project.ProjectStatus;
import cn.fpjc.core.funds.project.ProjectViews;
import cn.fpjc.core.funds.project.ProjectViews.BatchResult;
import cn.fpjc.core.funds.project.ProjectViews.FundingView;
import cn.fpjc.core.funds.project.ProjectViews.LibraryView;
import cn.fpjc.core.funds.project.ProjectViews.NoticeView;
import cn.fpjc.core.funds.project.ProjectViews.ProjectRow;
import cn.fpjc.core.funds.project.ProjectViews.ProjectView;
import cn.fpjc.core.funds.project.TargetKind;
import cn.fpjc.core.platform.clock.AppClock;
import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.platform.error.ErrorBody.FieldError;
import cn.fpjc.core.platform.error.PlatformError;
import cn.fpjc.core.platform.org.OrgUnitService;
import cn.fpjc.core.platform.org.OrgUnitView;
import cn.fpjc.core.platform.security.CurrentUser;
import cn.fpjc.core.platform.security.OrgScope;
import cn.fpjc.core.platform.security.Roles;
import cn.fpjc.core.platform.tenancy.TenantAccess;
import cn.fpjc.core.platform.tenancy.TenantInfo;
import cn.fpjc.core.platform.web.Page;
import cn.fpjc.core.platform.web.SortBy;
import cn.fpjc.core.policy.source.PolicySources;
import cn.fpjc.core.registry.Household;
import cn.fpjc.ui.common.Flash;
import cn.fpjc.ui.common.FormSubmit;
import cn.fpjc.ui.common.Forms;
import cn.fpjc.ui.common.ListLinks;
import cn.fpjc.ui.common.Names;
import cn.fpjc.ui.common.PageUser;
import cn.fpjc.ui.common.PdfDocuments;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
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
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * 项目库 of connecting funds: the list of a year by 环节 and village with a batch form for the decisions the reader's role
 * may take (each ticked row "id:version", each project decided on its own, every result listed); the year's deadlines
 * (项目库, 实施计划); the 村申报 form; one project with its money, households, rules, 三公示一公告, history and the form of its
 * next step; and each notice as a print page and PDF. The services decide who may do what; the pages offer only the
 * forms of the reader's roles and show refusals in Chinese.
 */
@Path("/funds/projects")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class ProjectPage {
    static final int PAGE_SIZE = 50;
    /** Where 三公示一公告 is required (shown on each notice by the document's title and number). */
    static final String NOTICE_SOURCE = "000 衔接资金使用管理 二、1";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(PageUser user, String tenantName, int year, List<Integer> years, String status,
                List<FundsPages.Choice> statuses, String village, List<OrgUnitView> villages, boolean villageFilter, List<ProjectRow> rows,
                Map<String, String> places, long total, ListLinks links, List<Action> actions, List<BatchResult> results,
                Map<String, String> values, LibraryView library, boolean canPlan, boolean canDeclare, String flash, String error);

        static native TemplateInstance form(PageUser user, String tenantName, List<Integer> years, int year, Choices choices, List<OrgUnitView> villages,
                Set<String> checked, Map<String, String> values, Map<String, String> errors, String error);

        static native TemplateInstance detail(PageUser user, String tenantName, ProjectView p, Map<String, String> places,
                Map<String, String> users, Steps steps, List<FundingChoice> fundings, Map<String, String> values, Map<String, String> errors,
                String flash, String error);

        static native TemplateInstance notice(String tenantName, ProjectView p, NoticeView n, Map<String, String> places, Wording wording,
                String source);
    }

    /** A batch decision the reader's role may take (ProjectService.decideMany's step). */
    public record Action(String code, String label) {
    }

    /** The selects of the 村申报 form. */
    public record Choices(List<FundsPages.Choice> categories, List<FundsPages.Choice> natures, List<FundsPages.Choice> usages,
            List<SourceInput> sources, List<FundsPages.Choice> linkageKinds, List<FundsPages.Choice> targetKinds, List<Row> linkageRows,
            List<Row> targetRows) {
    }

    /** One amount input per fund source, named fund.&lt;SOURCE&gt;. */
    public record SourceInput(String code, String label, String key) {
    }

    /** A repeated row of the form (联农带农 link&lt;i&gt;.*, 绩效目标 target&lt;i&gt;.*): its inputs' names. */
    public record Row(String kind, String text, String extra) {
    }

    /**
     * The forms the project page offers the reader now: the notice its status calls for (kind fixed), the decision of its
     * 环节, 尽职调查, 立项批复, 竣工验收, 决算审计 — each only for the roles the service lets take it.
     */
    public record Steps(String noticeKind, String noticeLabel, String decision, String decisionLabel, boolean dueDiligence, boolean approval,
            boolean completion, boolean audit) {
        public boolean any() {
            return noticeKind != null || decision != null || dueDiligence || approval || completion || audit;
        }
    }

    /** A funding line at 立项 and the year's indicator documents of its source. */
    public record FundingChoice(FundingView funding, List<AllocationView> options) {
    }

    /** A notice's wording: heading, the opening sentence, and who signs it. */
    public record Wording(String heading, String opening, String signer) {
    }

    @Inject
    TenantAccess access;

    @Inject
    CurrentUser user;

    @Inject
    ProjectService projects;

    @Inject
    LibraryService library;

    @Inject
    AllocationService allocations;

    @Inject
    OrgUnitService orgUnits;

    @Inject
    Names names;

    @Inject
    AppClock clock;

    @Inject
    PdfDocuments pdf;

    // ------------------------------------------------------------------ the list

    @GET
    public Response list(@QueryParam("year") String year, @QueryParam("status") String status, @QueryParam("village") String village,
            @QueryParam("sort") String sort, @QueryParam("dir") String dir, @QueryParam("page") String page, @QueryParam("jump") String jump,
            @CookieParam(Flash.INFO) String flash, @CookieParam(Flash.ERROR) String flashError) {
        access.bind(null);
        user.requireAnyRole(FundsRoles.READERS);
        try {
            Integer y = FundsPages.number(year, "年度");
            Integer p = FundsPages.number(page, "页码");
            SortBy order = SortBy.parse(sort, dir, ProjectService.SORTS, ProjectService.NEWEST);
            return listPage(200, y, status, village, order, ListLinks.requested(p == null ? 0 : p, jump), List.of(), Map.of(), Flash.text(flash),
                    Flash.text(flashError));
        } catch (ApiException e) {
            // An unknown sort or page number is refused (400), the list page saying why.
            return listPage(e.code().status(), null, status, village, ProjectService.NEWEST, 0, List.of(), Map.of(), null, Forms.allMessages(e));
        }
    }

    @Inject
    SpendingPage spending;

    /** 资金支出 of the project (SpendingPage's page: the path is under this resource's root). */
    @GET
    @Path("/{id}/payments")
    public Response payments(@PathParam("id") long id, @QueryParam("saved") String saved) {
        return spending.paymentsPage(id, saved);
    }

    /** 登记支出 with an optional scanned voucher (multipart). */
    @POST
    @Path("/{id}/payments")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response pay(@PathParam("id") long id, @org.jboss.resteasy.reactive.RestForm String fundingId,
            @org.jboss.resteasy.reactive.RestForm String amount, @org.jboss.resteasy.reactive.RestForm String paidOn,
            @org.jboss.resteasy.reactive.RestForm String voucherNo, @org.jboss.resteasy.reactive.RestForm String payee,
            @org.jboss.resteasy.reactive.RestForm String note,
            @org.jboss.resteasy.reactive.RestForm("voucher") org.jboss.resteasy.reactive.multipart.FileUpload voucher) {
        return spending.pay(id, fundingId, amount, paidOn, voucherNo, payee, note, voucher);
    }

    /** One decision for the ticked projects ("id:version" each); the page lists each result and keeps the inputs if any failed. */
    @POST
    @Path("/batch")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response batch(MultivaluedMap<String, String> form) {
        access.bind(null);
        Map<String, String> values = Forms.submitted(form);
        Long y = Forms.longOrNull(form.getFirst("year"));
        Integer year = y == null ? null : y.intValue();
        String status = Forms.text(form, "status");
        String village = Forms.text(form, "village");
        SortBy order = keptOrder(form);
        try {
            List<ProjectViews.BatchItem> items = new ArrayList<>();
            for (String v : form.getOrDefault("items", List.of())) {
                String[] parts = v == null ? new String[0] : v.split(":", 2);
                Long id = parts.length == 2 ? Forms.longOrNull(parts[0]) : null;
                if (id != null) {
                    items.add(new ProjectViews.BatchItem(id, Forms.longOrNull(parts[1])));
                }
            }
            String approve = Forms.text(form, "approve");
            List<BatchResult> results = projects.decideMany(new ProjectViews.BatchDecision(Forms.text(form, "step"), items,
                    approve == null ? null : "yes".equals(approve), Forms.text(form, "opinion")));
            boolean allOk = results.stream().allMatch(BatchResult::ok);
            return listPage(200, year, status, village, order, 0, results, allOk ? Map.of() : values, null, null);
        } catch (RuntimeException failure) {
            ApiException e = FormSubmit.refusal(failure);
            return listPage(e.code().status(), year, status, village, order, 0, List.of(), values, null, Forms.allMessages(e));
        }
    }

    /** 年度项目实施计划编制完成 (county admin or approver), back to the list with the year's deadlines. */
    @POST
    @Path("/plan")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response completePlan(MultivaluedMap<String, String> form) {
        access.bind(null);
        Long y = Forms.longOrNull(form.getFirst("year"));
        URI back = URI.create("/funds/projects" + (y == null ? "" : "?year=" + y));
        try {
            List<FieldError> errors = new ArrayList<>();
            LocalDate on = Forms.date(form, "completedOn", errors);
            if (!errors.isEmpty()) {
                throw new ApiException(PlatformError.VALIDATION_FAILED, null, errors);
            }
            LibraryView v = library.completePlan(y == null ? 0 : y.intValue(), new ProjectViews.PlanInput(on, Forms.text(form, "docNumber")));
            return Response.seeOther(back).cookie(Flash.info(v.year() + "年度项目实施计划已登记编制完成（" + v.planState() + "）")).build();
        } catch (RuntimeException failure) {
            ApiException e = FormSubmit.refusal(failure);
            return Response.seeOther(back).cookie(Flash.error("未能登记实施计划：" + Forms.allMessages(e))).build();
        }
    }

    private static SortBy keptOrder(MultivaluedMap<String, String> form) {
        try {
            return SortBy.parse(form.getFirst("sort"), form.getFirst("dir"), ProjectService.SORTS, ProjectService.NEWEST);
        } catch (ApiException e) {
            return ProjectService.NEWEST;
        }
    }

    private Response listPage(int httpStatus, Integer year, String status, String village, SortBy order, int page, List<BatchResult> results,
            Map<String, String> values, String flash, String error) {
        TenantInfo tenant = access.current();
        boolean villageFilter = !OrgScope.isVillage(user.orgCode());
        List<OrgUnitView> villages = readersVillages();
        int shown = year == null ? clock.year() : year;
        String s = status == null ? "" : status.strip();
        String v = village == null ? "" : village.strip();
        List<ProjectRow> rows = List.of();
        Page<ProjectRow> found = Page.empty(PAGE_SIZE);
        LibraryView lib = null;
        String shownError = error;
        try {
            lib = library.library(shown);
            if (error == null) {
                if (!v.isEmpty() && villages.stream().noneMatch(u -> u.code().equals(v))) {
                    throw new ApiException(PlatformError.VALIDATION_FAILED, "所选的村不在您的管辖范围内");
                }
                found = projects.list(shown, s.isEmpty() ? null : s, null, v.isEmpty() ? null : v, null, order, page, PAGE_SIZE);
                rows = found.items();
            }
        } catch (ApiException e) {
            shownError = e.humanMessage();
            httpStatus = e.code().status();
        }
        Map<String, String> places = names.villages(rows.stream().flatMap(r -> Stream.concat(r.villages().stream(), Stream.ofNullable(r.townshipCode()))));
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("year", String.valueOf(shown));
        filters.put("status", s);
        filters.put("village", v);
        ListLinks links = ListLinks.of("/funds/projects", filters, order, ProjectService.NEWEST, found);
        return Response.status(httpStatus).entity(Templates.list(PageUser.of(user), tenant.name(), shown, FundsPages.years(clock, shown), s,
                FundsPages.choices(ProjectStatus.class), v, villages, villageFilter, rows, places, found.total(), links, actions(), results, values, lib,
                user.hasAnyRole(Roles.COUNTY_ADMIN, Roles.COUNTY_APPROVER), user.hasAnyRole(DECLARERS), flash, shownError)).build();
    }

    /** The batch decisions the reader's roles may take, as ProjectService enforces them. */
    List<Action> actions() {
        List<Action> a = new ArrayList<>();
        if (user.hasAnyRole(Roles.TOWNSHIP_REVIEWER, Roles.COUNTY_ADMIN)) {
            a.add(new Action("TOWNSHIP_REVIEW", "乡镇审核"));
        }
        if (user.hasAnyRole(Roles.DEPARTMENT, Roles.COUNTY_ADMIN)) {
            a.add(new Action("ASSESSMENT", "部门论证"));
        }
        if (user.hasRole(Roles.COUNTY_APPROVER)) {
            a.add(new Action("COUNTY_DECISION", "县级审定"));
        }
        return a;
    }

    private List<OrgUnitView> readersVillages() {
        return orgUnits.listVisible(user.orgCode()).stream().filter(u -> OrgScope.isVillage(u.code())).toList();
    }

    // ------------------------------------------------------------------ 村申报

    static final String[] DECLARERS = { Roles.VILLAGE_CLERK, Roles.TOWNSHIP_REVIEWER, Roles.COUNTY_ADMIN, Roles.DEPARTMENT };
    static final int LINKAGE_ROWS = 2;
    static final int TARGET_ROWS = 3;

    @GET
    @Path("/new")
    public TemplateInstance newForm() {
        access.bind(null);
        user.requireAnyRole(DECLARERS);
        Map<String, String> values = new HashMap<>();
        values.put("year", String.valueOf(clock.year() + 1));
        return form(values, Set.of(), Map.of(), null);
    }

    @POST
    @Path("/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response declare(MultivaluedMap<String, String> form) {
        access.bind(null);
        Map<String, String> values = Forms.submitted(form);
        Set<String> checked = new LinkedHashSet<>(form.getOrDefault("villages", List.of()));
        try {
            ProjectViews.ProjectInput in = input(form);
            ProjectView p = projects.declare(in);
            return Response.seeOther(URI.create("/funds/projects/" + p.id()))
                    .cookie(Flash.info("已申报「" + p.name() + "」（" + p.statusLabel() + "）；下一步：" + p.next())).build();
        } catch (RuntimeException failure) {
            ApiException e = FormSubmit.refusal(failure);
            Map<String, String> errors = byField(e, "");
            String summary = e.fieldErrors() == null || e.fieldErrors().isEmpty() ? e.humanMessage() : Forms.summary(e);
            return Response.status(e.code().status()).entity(
                    io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> form(values, checked, errors, summary))).build();
        }
    }

    private TemplateInstance form(Map<String, String> values, Set<String> checked, Map<String, String> errors, String error) {
        TenantInfo tenant = access.current();
        List<Row> rowsOfLinkages = java.util.stream.IntStream.range(0, LINKAGE_ROWS)
                .mapToObj(i -> new Row("link" + i + ".kind", "link" + i + ".description", "link" + i + ".households")).toList();
        List<Row> rowsOfTargets = java.util.stream.IntStream.range(0, TARGET_ROWS)
                .mapToObj(i -> new Row("target" + i + ".kind", "target" + i + ".indicator", "target" + i + ".targetValue")).toList();
        Choices choices = new Choices(FundsPages.choices(ProjectCategory.class), FundsPages.choices(ProjectNature.class),
                Stream.of(FundUsage.values()).map(u -> new FundsPages.Choice(u.name(), u.refused() ? u.label() + "（负面清单，不得使用衔接资金）" : u.label())).toList(),
                Stream.of(FundSource.values()).map(x -> new SourceInput(x.name(), x.label(), "fund." + x.name())).toList(),
                FundsPages.choices(LinkageKind.class), FundsPages.choices(TargetKind.class), rowsOfLinkages,
                rowsOfTargets);
        Long year = Forms.longOrNull(values.get("year"));
        return Templates.form(PageUser.of(user), tenant.name(), FundsPages.years(clock, null), year == null ? 0 : year.intValue(), choices, readersVillages(), checked, values, errors,
                error);
    }

    /** The form as the service's request: amounts per source, 户编号 resolved to households (unknown numbers refused by field). */
    private ProjectViews.ProjectInput input(MultivaluedMap<String, String> form) {
        List<FieldError> errors = new ArrayList<>();
        Long year = Forms.longOrNull(form.getFirst("year"));
        if (form.getFirst("year") != null && !form.getFirst("year").isBlank() && year == null) {
            errors.add(new FieldError("year", "年度应为四位年份"));
        }
        List<ProjectViews.FundingInput> fundings = new ArrayList<>();
        for (FundSource s : FundSource.values()) {
            BigDecimal amount = FundsPages.amount(form.getFirst("fund." + s.name()), "fund." + s.name(), errors);
            if (amount != null) {
                fundings.add(new ProjectViews.FundingInput(s.name(), amount));
            }
        }
        List<ProjectViews.LinkageInput> linkages = new ArrayList<>();
        for (int i = 0; i < LINKAGE_ROWS; i++) {
            String kind = Forms.text(form, "link" + i + ".kind");
            String description = Forms.text(form, "link" + i + ".description");
            String households = Forms.text(form, "link" + i + ".households");
            if (kind == null && description == null && households == null) {
                continue;
            }
            List<Long> ids = new ArrayList<>();
            List<String> unknown = new ArrayList<>();
            for (String no : households == null ? new String[0] : households.split("[\\s,，、;；]+")) {
                if (no.isBlank()) {
                    continue;
                }
                Household h = Household.findByNo(no.strip()).orElse(null);
                if (h == null || !OrgScope.covers(user.orgCode(), h.villageCode)) {
                    unknown.add(no.strip());
                } else {
                    ids.add(h.id);
                }
            }
            if (!unknown.isEmpty()) {
                errors.add(new FieldError("link" + i + ".households", "户编号 " + String.join("、", unknown) + " 不在户籍库或不在您的管辖范围内"));
            }
            linkages.add(new ProjectViews.LinkageInput(kind, description, ids));
        }
        List<ProjectViews.TargetInput> targets = new ArrayList<>();
        for (int i = 0; i < TARGET_ROWS; i++) {
            String kind = Forms.text(form, "target" + i + ".kind");
            String indicator = Forms.text(form, "target" + i + ".indicator");
            String value = Forms.text(form, "target" + i + ".targetValue");
            if (kind != null || indicator != null || value != null) {
                targets.add(new ProjectViews.TargetInput(kind, indicator, value));
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiException(PlatformError.VALIDATION_FAILED, null, errors);
        }
        return new ProjectViews.ProjectInput(year == null ? null : year.intValue(), Forms.text(form, "name"), Forms.text(form, "category"),
                Forms.text(form, "nature"), Forms.text(form, "usage"), null, form.getOrDefault("villages", List.of()), Forms.text(form, "content"),
                Forms.text(form, "implementer"), form.getFirst("enterpriseRun") != null, form.getFirst("nonPoorVillages") != null, fundings, linkages,
                targets);
    }

    /** A refusal's field errors keyed by input name with the form's prefix (e.g. "decision.opinion"). */
    private static Map<String, String> byField(ApiException e, String prefix) {
        Map<String, String> byField = new HashMap<>();
        if (e.fieldErrors() != null) {
            for (FieldError f : e.fieldErrors()) {
                byField.merge(prefix + f.field(), f.message(), (a, b) -> a + "；" + b);
            }
        }
        return byField;
    }

    // ------------------------------------------------------------------ one project

    @GET
    @Path("/{id: \\d+}")
    public Response detail(@PathParam("id") long id, @CookieParam(Flash.INFO) String flash, @CookieParam(Flash.ERROR) String flashError) {
        access.bind(null);
        try {
            return Response.ok(detailPage(id, Map.of(), Map.of(), Flash.text(flash), Flash.text(flashError))).build();
        } catch (RuntimeException failure) {
            ApiException e = FormSubmit.refusal(failure);
            throw e.code() == PlatformError.NOT_FOUND ? new ApiException(PlatformError.NOT_FOUND, "未找到这个项目，或不在您的管辖范围内") : e;
        }
    }

    private TemplateInstance detailPage(long id, Map<String, String> values, Map<String, String> errors, String flash, String error) {
        TenantInfo tenant = access.current();
        ProjectView p = projects.get(id);
        Map<String, String> places = names.villages(Stream.concat(Stream.concat(p.villages().stream(), Stream.ofNullable(p.townshipCode())),
                p.linkages().stream().flatMap(l -> l.households().stream()).map(h -> h.villageCode())));
        Map<String, String> users = names.users(Stream.concat(Stream.concat(p.history().stream().map(e -> e.actor()), p.notices().stream().map(n -> n.publishedBy())),
                Stream.concat(p.revisions().stream().map(r -> r.approvedBy()),
                        p.changes().stream().flatMap(c -> Stream.of(c.requestedBy(), c.decidedBy())))));
        Steps steps = steps(p);
        List<FundingChoice> fundings = new ArrayList<>();
        if (steps.approval()) {
            List<AllocationView> year = allocations.list(p.year());
            for (FundingView f : p.fundings()) {
                fundings.add(new FundingChoice(f, year.stream().filter(a -> a.source().equals(f.source())).toList()));
            }
        }
        return Templates.detail(PageUser.of(user), tenant.name(), p, places, users, steps, fundings, values, errors, flash, error);
    }

    /** The forms the project's status and the reader's roles allow, as ProjectService enforces them. */
    Steps steps(ProjectView p) {
        String noticeKind = null;
        String decision = null;
        String decisionLabel = null;
        ProjectStatus s = ProjectStatus.valueOf(p.status());
        boolean noticed = false;
        switch (s) {
            case DECLARED -> {
                noticed = published(p, NoticeKind.VILLAGE_NOTICE);
                if (!noticed && user.hasAnyRole(Roles.VILLAGE_CLERK, Roles.TOWNSHIP_REVIEWER, Roles.COUNTY_ADMIN)) {
                    noticeKind = NoticeKind.VILLAGE_NOTICE.name();
                }
                if (user.hasAnyRole(Roles.TOWNSHIP_REVIEWER, Roles.COUNTY_ADMIN)) {
                    decision = "TOWNSHIP_REVIEW";
                    decisionLabel = "乡镇审核";
                }
            }
            case TOWNSHIP_REVIEWED -> {
                if (!published(p, NoticeKind.TOWNSHIP_NOTICE) && user.hasAnyRole(Roles.TOWNSHIP_REVIEWER, Roles.COUNTY_ADMIN, Roles.DEPARTMENT)) {
                    noticeKind = NoticeKind.TOWNSHIP_NOTICE.name();
                }
                if (user.hasAnyRole(Roles.DEPARTMENT, Roles.COUNTY_ADMIN)) {
                    decision = "ASSESSMENT";
                    decisionLabel = "部门论证";
                }
            }
            case ASSESSED -> {
                if (user.hasRole(Roles.COUNTY_APPROVER)) {
                    decision = "COUNTY_DECISION";
                    decisionLabel = "县级审定";
                }
            }
            case COUNTY_DECIDED -> {
                if (user.hasAnyRole(Roles.COUNTY_ADMIN, Roles.COUNTY_APPROVER)) {
                    noticeKind = published(p, NoticeKind.COUNTY_NOTICE) ? NoticeKind.COUNTY_ANNOUNCEMENT.name() : NoticeKind.COUNTY_NOTICE.name();
                }
            }
            default -> {
            }
        }
        boolean dueDiligence = p.enterpriseRun() && p.dueDiligenceOn() == null && s.ordinal() <= ProjectStatus.LISTED.ordinal()
                && s != ProjectStatus.REJECTED && user.hasAnyRole(Roles.COUNTY_ADMIN, Roles.DEPARTMENT);
        boolean approval = s == ProjectStatus.LISTED && user.hasAnyRole(Roles.COUNTY_APPROVER, Roles.COUNTY_ADMIN);
        boolean completion = s == ProjectStatus.APPROVED && user.hasRole(Roles.COUNTY_ADMIN);
        boolean audit = s == ProjectStatus.COMPLETED && user.hasRole(Roles.COUNTY_ADMIN);
        return new Steps(noticeKind, noticeKind == null ? null : NoticeKind.valueOf(noticeKind).label(), decision, decisionLabel, dueDiligence,
                approval, completion, audit);
    }

    private static boolean published(ProjectView p, NoticeKind kind) {
        return p.notices().stream().anyMatch(n -> n.kind().equals(kind.name()) && n.revision() == p.revision());
    }

    /** Publishes the notice the project's status calls for. */
    @POST
    @Path("/{id: \\d+}/notices")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response publish(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        return step(id, form, "notice.", () -> {
            List<FieldError> errors = new ArrayList<>();
            LocalDate from = Forms.date(form.getFirst("notice.startsOn"), "startsOn", errors);
            LocalDate to = Forms.date(form.getFirst("notice.endsOn"), "endsOn", errors);
            refuse(errors);
            ProjectView p = projects.publish(id, new ProjectViews.NoticeInput(Forms.text(form, "notice.kind"), from, to, Forms.text(form, "notice.place")));
            NoticeView n = p.notices().get(p.notices().size() - 1);
            return "已发布" + n.kindLabel() + "（" + n.startsOn() + " 至 " + n.endsOn() + "）；当前环节：" + p.statusLabel();
        });
    }

    /** 乡镇审核, 部门论证 or 县级审定, as the hidden step says (the service checks the status and the role). */
    @POST
    @Path("/{id: \\d+}/decision")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        return step(id, form, "decision.", () -> {
            String approve = Forms.text(form, "decision.approve");
            ProjectViews.Decision d = new ProjectViews.Decision(approve == null ? null : "yes".equals(approve), Forms.text(form, "decision.opinion"),
                    Forms.longOrNull(form.getFirst("version")));
            String step = Forms.text(form, "decision.step");
            ProjectView p = switch (step == null ? "" : step) {
                case "TOWNSHIP_REVIEW" -> projects.townshipReview(id, d);
                case "ASSESSMENT" -> projects.assess(id, d);
                case "COUNTY_DECISION" -> projects.countyDecision(id, d);
                default -> throw new ApiException(PlatformError.VALIDATION_FAILED, null, List.of(new FieldError("step", "请从项目页面办理")));
            };
            return (Boolean.TRUE.equals(d.approve()) ? "已通过" : "已办理（不通过）") + "；当前环节：" + p.statusLabel() + "，下一步：" + p.next();
        });
    }

    @POST
    @Path("/{id: \\d+}/due-diligence")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response dueDiligence(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        return step(id, form, "dd.", () -> {
            List<FieldError> errors = new ArrayList<>();
            LocalDate on = Forms.date(form.getFirst("dd.dueDiligenceOn"), "dueDiligenceOn", errors);
            refuse(errors);
            projects.dueDiligence(id, new ProjectViews.ApprovalInput(null, null, null, Forms.text(form, "dd.dueDiligenceNote"), on,
                    Forms.longOrNull(form.getFirst("version"))));
            return "已登记尽职调查（" + on + "）";
        });
    }

    @POST
    @Path("/{id: \\d+}/approval")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response approve(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        return step(id, form, "approval.", () -> {
            List<FieldError> errors = new ArrayList<>();
            LocalDate on = Forms.date(form.getFirst("approval.approvedOn"), "approvedOn", errors);
            refuse(errors);
            List<ProjectViews.AllocationChoice> choices = new ArrayList<>();
            form.forEach((k, v) -> {
                if (k.startsWith("approval.allocation.")) {
                    Long fundingId = Forms.longOrNull(k.substring("approval.allocation.".length()));
                    Long allocationId = v.isEmpty() ? null : Forms.longOrNull(v.get(0));
                    if (fundingId != null && allocationId != null) {
                        choices.add(new ProjectViews.AllocationChoice(fundingId, allocationId));
                    }
                }
            });
            ProjectView p = projects.approve(id, new ProjectViews.ApprovalInput(Forms.text(form, "approval.approvalDoc"), on, choices, null, null,
                    Forms.longOrNull(form.getFirst("version"))));
            return "已立项批复（" + p.approvalDoc() + "）";
        });
    }

    @POST
    @Path("/{id: \\d+}/completion")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response complete(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        return step(id, form, "completion.", () -> {
            List<FieldError> errors = new ArrayList<>();
            LocalDate on = Forms.date(form.getFirst("completion.date"), "date", errors);
            refuse(errors);
            projects.complete(id, new ProjectViews.DateStep(on, Forms.longOrNull(form.getFirst("version"))));
            return "已登记竣工验收（" + on + "）";
        });
    }

    @POST
    @Path("/{id: \\d+}/audit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response audit(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        return step(id, form, "audit.", () -> {
            List<FieldError> errors = new ArrayList<>();
            LocalDate on = Forms.date(form.getFirst("audit.date"), "date", errors);
            refuse(errors);
            projects.audit(id, new ProjectViews.DateStep(on, Forms.longOrNull(form.getFirst("version"))));
            return "已登记决算审计（" + on + "）";
        });
    }

    private static void refuse(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ApiException(PlatformError.VALIDATION_FAILED, null, errors);
        }
    }

    /** A step's form: done → back to the project with a message; refused → the project page again with what was typed and why. */
    private Response step(long id, MultivaluedMap<String, String> form, String prefix, Supplier<String> write) {
        access.bind(null);
        try {
            String message = write.get();
            return Response.seeOther(URI.create("/funds/projects/" + id)).cookie(Flash.info(message)).build();
        } catch (RuntimeException failure) {
            ApiException e = FormSubmit.refusal(failure);
            if (e.code() == PlatformError.NOT_FOUND) {
                throw new ApiException(PlatformError.NOT_FOUND, "未找到这个项目，或不在您的管辖范围内");
            }
            Map<String, String> errors = byField(e, prefix);
            String summary = e.fieldErrors() == null || e.fieldErrors().isEmpty() ? e.humanMessage() : Forms.summary(e);
            Map<String, String> values = Forms.submitted(form);
            return Response.status(e.code().status()).entity(
                    io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> detailPage(id, values, errors, null, summary))).build();
        }
    }

    // ------------------------------------------------------------------ a notice to print

    @GET
    @Path("/{id: \\d+}/notices/{noticeId: \\d+}")
    @Transactional
    public TemplateInstance notice(@PathParam("id") long id, @PathParam("noticeId") long noticeId) {
        TenantInfo tenant = access.bind(null);
        ProjectView p = projects.get(id);
        NoticeView n = p.notices().stream().filter(x -> x.id() == noticeId).findFirst()
                .orElseThrow(() -> new ApiException(PlatformError.NOT_FOUND, "公示 " + noticeId));
        Map<String, String> places = names.villages(Stream.concat(Stream.concat(p.villages().stream(), Stream.ofNullable(p.townshipCode())),
                p.linkages().stream().flatMap(l -> l.households().stream()).map(h -> h.villageCode())));
        return Templates.notice(tenant.name(), p, n, places, wording(tenant.name(), p, n, places), PolicySources.forPeople(NOTICE_SOURCE));
    }

    /** The same notice as a PDF with the font embedded. */
    @GET
    @Path("/{id: \\d+}/notices/{noticeId: \\d+}/pdf")
    @Produces("application/pdf")
    @Transactional
    public Response noticePdf(@PathParam("id") long id, @PathParam("noticeId") long noticeId) {
        return pdf.download(notice(id, noticeId));
    }

    /** The official wording of each of the 三公示一公告: who proposes, what is asked, who signs. */
    static Wording wording(String county, ProjectView p, NoticeView n, Map<String, String> places) {
        String villages = String.join("、", p.villages().stream().map(v -> places.getOrDefault(v, v)).toList());
        String township = p.townshipCode() == null ? null : places.getOrDefault(p.townshipCode(), p.townshipCode());
        String library = county + p.year() + "年度巩固拓展脱贫攻坚成果和乡村振兴项目库";
        return switch (NoticeKind.valueOf(n.kind())) {
            case VILLAGE_NOTICE -> new Wording(p.name() + "项目申报公示", "经村民代表会议（村“两委”）研究，" + villages + "拟申报以下项目纳入" + library
                    + "，现将有关情况予以公示，接受群众监督。", (township == null ? "" : township) + villages + "村民委员会");
            case TOWNSHIP_NOTICE -> new Wording(p.name() + "项目乡镇审核公示", "经乡镇审核，以下项目拟报县级纳入" + library + "，现将有关情况予以公示，接受群众监督。",
                    (township == null ? county : township) + "人民政府");
            case COUNTY_NOTICE -> new Wording(p.name() + "项目县级审定公示", "经行业部门论证、县级审定，以下项目拟纳入" + library + "，现将有关情况予以公示，接受群众监督。",
                    county + "巩固拓展脱贫攻坚成果同乡村振兴有效衔接领导小组办公室");
            case COUNTY_ANNOUNCEMENT -> new Wording(p.name() + "项目入库公告", "经村申报、乡镇审核、行业部门论证、县级审定并公示，以下项目纳入" + library + "，特此公告。",
                    county + "巩固拓展脱贫攻坚成果同乡村振兴有效衔接领导小组办公室");
        };
    }
}
