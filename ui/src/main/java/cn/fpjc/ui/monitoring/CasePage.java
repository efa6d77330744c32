package cn.fpjc.ui.monitoring;

import cn.fpjc.ui.common.Flash;
import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.platform.error.ErrorBody.FieldError;
import cn.fpjc.core.monitoring.CaseRequests;
import cn.fpjc.core.monitoring.CaseService;
import cn.fpjc.core.monitoring.CaseViews;
import cn.fpjc.core.monitoring.CaseViews.BatchResult;
import cn.fpjc.core.monitoring.CaseViews.CaseView;
import cn.fpjc.core.monitoring.CaseViews.EventView;
import cn.fpjc.core.monitoring.CaseViews.InboxItem;
import cn.fpjc.core.monitoring.CaseViews.OverdueItem;
import cn.fpjc.core.monitoring.CaseViews.StepView;
import cn.fpjc.core.monitoring.DeadlineScanService;
import cn.fpjc.core.monitoring.DeadlineScanService.Latest;
import cn.fpjc.core.monitoring.EliminationService;
import cn.fpjc.core.monitoring.MonitoringOverview;
import cn.fpjc.core.monitoring.MonitoringType;
import cn.fpjc.core.platform.org.OrgUnitService;
import cn.fpjc.core.platform.org.OrgUnitView;
import cn.fpjc.core.platform.security.OrgScope;
import cn.fpjc.core.platform.web.Page;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import cn.fpjc.core.monitoring.PlanRequests;
import cn.fpjc.core.monitoring.RiskCategory;
import cn.fpjc.core.policy.form.FormExtensions;
import cn.fpjc.core.policy.form.FormField;
import cn.fpjc.core.platform.clock.AppClock;
import cn.fpjc.core.platform.security.CurrentUser;
import cn.fpjc.core.platform.text.Labelled;
import cn.fpjc.core.platform.security.Roles;
import cn.fpjc.core.platform.tenancy.TenantAccess;
import cn.fpjc.core.platform.tenancy.TenantInfo;
import cn.fpjc.ui.common.Forms;
import cn.fpjc.ui.common.ListLinks;
import cn.fpjc.core.platform.web.SortBy;
import cn.fpjc.ui.common.Names;
import cn.fpjc.ui.common.FormSubmit;
import cn.fpjc.ui.common.PageUser;
import cn.fpjc.ui.common.PdfDocuments;
import cn.fpjc.ui.common.ProvinceDocuments;
import io.quarkus.narayana.jta.QuarkusTransaction;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * 识别纳入 pages: the inbox (what is due in my scope for my role, with deadline badges, and a batch decision for cases at
 * the same step), the case page (step timeline with due dates and evidence, what the current step still needs, and its
 * complete / return / reject forms), and opening a case from a confirmed clue.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class CasePage {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance inbox(PageUser user, String tenantName, List<StepGroup> groups, List<BatchResult> results,
                String error);

        static native TemplateInstance detail(PageUser user, String tenantName, CaseView c, StepView current, boolean canAct,
                boolean canReturn, boolean canReject, String error, Map<String, String> roleLabels, LocalDate today, boolean canReopen,
                List<String> riskCategories, Map<String, String> actionLabels, Map<String, String> stepLabels, Map<String, String> users);

        /** A document a plug-in may reword: its data is given by name (see ProvinceDocuments), its types declared in the template. */
        static native TemplateInstance rejectionNotice();

        static native TemplateInstance list(PageUser user, String tenantName, Filter f, List<MonitoringOverview.Count> states,
                List<MonitoringOverview.StepChoice> steps, List<OrgUnitView> villages, List<String> types,
                Page<MonitoringOverview.CaseRow> rows, ListLinks links, String error, String nationalExport);

        /** 启动识别程序 shown again after a refusal: what was typed, each refusal beside its input. */
        static native TemplateInstance openForm(PageUser user, String tenantName, Long clueId, Long householdId, String back,
                Map<String, String> v, Map<String, String> err, String error, List<String> types, List<String> categories,
                List<String> checked, List<FormField> fields, Map<String, String> xv, Map<String, String> xe);

        static native TemplateInstance overdue(PageUser user, String tenantName, List<OverdueItem> items, Map<String, String> roleLabels,
                Latest scan, boolean canScan, Map<String, String> villages);
    }

    /** The document name plug-ins use in documentTemplate(...) to word the 告知书 their way (same data). */
    public static final String REJECTION_NOTICE = "rejection-notice";

    @Inject
    ProvinceDocuments documents;

    @Inject
    PdfDocuments pdf;

    @Inject
    TenantAccess access;

    @Inject
    FormExtensions forms;

    @Inject
    CaseService cases;

    @Inject
    Names names;

    @Inject
    CurrentUser user;

    @Inject
    EliminationService elimination;

    @Inject
    DeadlineScanService scans;

    @Inject
    AppClock clock;

    @Inject
    MonitoringOverview overview;

    @Inject
    OrgUnitService orgUnits;

    @GET
    @Path("/inbox")
    @Transactional
    public TemplateInstance inbox() {
        access.bind(null);
        return inboxPage(List.of(), null, Kept.NONE);
    }

    /**
     * Completes or returns the ticked cases at their current step, each on its own; the page reports each result by 户编号
     * and 户主. Evidence typed for one row ({@code caseEvidence.<caseId>.<item>}) replaces the shared item for that case.
     * When the batch is refused, or some cases are not done, the form keeps what was typed and the cases not done stay ticked.
     */
    @POST
    @Path("/inbox/batch")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response batch(MultivaluedMap<String, String> form) {
        access.bind(null);
        List<Long> ids = form.getOrDefault("caseIds", List.of()).stream().map(Forms::longOrNull)
                .filter(java.util.Objects::nonNull).toList();
        Kept kept = new Kept(Forms.text(form, "stepId"), typed(form), java.util.Set.copyOf(ids));
        try {
            List<FieldError> errors = new java.util.ArrayList<>();
            LocalDate noticeFrom = Forms.date(form, "noticeFrom", errors);
            LocalDate noticeTo = Forms.date(form, "noticeTo", errors);
            ApiException.refuseIfAny(errors);
            List<BatchResult> results = cases.batch(new CaseRequests.Batch(ids, Forms.text(form, "action"),
                    Forms.text(form, "stepId"), evidence(form), Forms.text(form, "reason"), noticeFrom, noticeTo, caseEvidence(form)));
            java.util.Set<Long> notDone = results.stream().filter(r -> !r.ok()).map(BatchResult::caseId)
                    .collect(java.util.stream.Collectors.toUnmodifiableSet());
            Kept after = notDone.isEmpty() ? Kept.NONE : new Kept(kept.stepId(), kept.values(), notDone);
            return Response.ok(QuarkusTransaction.requiringNew().call(() -> inboxPage(results, null, after))).build();
        } catch (RuntimeException failure) {
            ApiException e = FormSubmit.refusal(failure);
            return Response.status(e.code().status()).entity(QuarkusTransaction.requiringNew()
                    .call(() -> inboxPage(List.of(), Forms.allMessages(e), kept))).build();
        }
    }

    /** 案件与监测户: every case in scope, or every monitored household, filtered by state, current step, village and type. */
    @GET
    @Path("/cases")
    @Transactional
    public Response list(@QueryParam("state") String state, @QueryParam("step") String step, @QueryParam("village") String village,
            @QueryParam("type") String type, @QueryParam("sort") String sort, @QueryParam("dir") String dir,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("jump") String jump) {
        access.bind(null);
        // Read before the search: a refused search leaves the transaction rollback-only.
        List<OrgUnitView> villages = orgUnits.listVisible(user.orgCode()).stream().filter(u -> OrgScope.isVillage(u.code())).toList();
        List<MonitoringOverview.StepChoice> steps = overview.currentSteps();
        Filter f = new Filter(nz(state), nz(step), nz(village), nz(type));
        try {
            SortBy order = SortBy.parse(sort, dir, MonitoringOverview.SORTS, MonitoringOverview.NEWEST_FIRST);
            Page<MonitoringOverview.CaseRow> rows = overview.list(state, step, village, type, order, ListLinks.requested(page, jump), LIST_SIZE);
            return Response.ok(Templates.list(PageUser.of(user), access.current().name(), f, MonitoringOverview.STATES, steps, villages,
                    Labelled.labels(MonitoringType.class), rows, f.links(order, rows), null, nationalExport(f))).build();
        } catch (RuntimeException failure) {
            // An unknown sort or page number is refused like any other bad filter: 400, the list page with the reason.
            ApiException e = FormSubmit.refusal(failure);
            Page<MonitoringOverview.CaseRow> none = Page.empty(LIST_SIZE);
            return Response.status(e.code().status()).entity(Templates.list(PageUser.of(user), access.current().name(), f,
                    MonitoringOverview.STATES, steps, villages, Labelled.labels(MonitoringType.class), none,
                    f.links(MonitoringOverview.NEWEST_FIRST, none), Forms.allMessages(e), nationalExport(f))).build();
        }
    }

    /**
     * The national system's upload workbook for staff (NationalExport): the list's village and, when it is one, its risk
     * state; null for roles that may not export it.
     */
    private String nationalExport(Filter f) {
        if (!user.hasAnyRole(cn.fpjc.core.registry.RegistryService.WRITERS)) {
            return null;
        }
        StringBuilder q = new StringBuilder("/api/counties/" + access.current().code() + "/monitoring/national-export.xlsx");
        String sep = "?";
        if (!f.village().isBlank()) {
            q.append(sep).append("village=").append(java.net.URLEncoder.encode(f.village(), java.nio.charset.StandardCharsets.UTF_8));
            sep = "&";
        }
        if (java.util.Set.of("UNRESOLVED", "ELIMINATED", "BASIC_PROTECTION").contains(f.state())) {
            q.append(sep).append("state=").append(f.state());
        }
        return q.toString();
    }

    /** The list's filters as given, kept by its page links and sortable headings. */
    public record Filter(String state, String step, String village, String type) {
        ListLinks links(SortBy order, Page<?> rows) {
            Map<String, String> filters = new java.util.LinkedHashMap<>();
            filters.put("state", state);
            filters.put("step", step);
            filters.put("village", village);
            filters.put("type", type);
            return ListLinks.of("/cases", filters, order, MonitoringOverview.NEWEST_FIRST, rows);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    static final int LIST_SIZE = 20;

    @GET
    @Path("/cases/{id}")
    @Transactional
    public TemplateInstance detail(@PathParam("id") long id) {
        access.bind(null);
        return detailPage(cases.get(id), null);
    }

    /** 告知书: the printable notice of a rejection with its reasons, for the household (A4; ID masked, no health details). */
    @GET
    @Path("/cases/{id}/rejection-notice")
    @Transactional
    public TemplateInstance rejectionNotice(@PathParam("id") long id) {
        TenantInfo tenant = access.bind(null);
        CaseViews.RejectionNotice n = cases.rejectionNotice(id);
        return documents.template(tenant, REJECTION_NOTICE, Templates::rejectionNotice).data("tenantName", tenant.name()).data("n", n);
    }

    /** 逾期台账: every step past its due date in the user's scope. */
    /** The same 告知书 as a PDF with the font embedded. */
    @GET
    @Path("/cases/{id}/rejection-notice/pdf")
    @Produces("application/pdf")
    @Transactional
    public Response rejectionNoticePdf(@PathParam("id") long id) {
        return pdf.download(rejectionNotice(id));
    }

    @GET
    @Path("/cases/overdue")
    @Transactional
    public TemplateInstance overdue() {
        TenantInfo tenant = access.bind(null);
        List<OverdueItem> items = cases.overdue(1000);
        Latest scan = scans.latest(1000);
        return Templates.overdue(PageUser.of(user), tenant.name(), items, Roles.labels(), scan,
                user.hasAnyRole(Roles.COUNTY_ADMIN, Roles.COUNTY_APPROVER),
                names.villages(java.util.stream.Stream.concat(items.stream().map(OverdueItem::villageCode),
                        scan.flags().stream().map(DeadlineScanService.Flag::villageCode))));
    }

    @POST
    @Path("/cases/overdue/scan")
    public Response scanNow() {
        access.bind(null);
        scans.scanNow();
        return Response.seeOther(URI.create("/cases/overdue")).build();
    }

    @POST
    @Path("/cases")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response open(MultivaluedMap<String, String> form) {
        Long clueId = Forms.longOrNull(form.getFirst("clueId"));
        Long householdId = Forms.longOrNull(form.getFirst("householdId"));
        List<String> checked = form.getOrDefault("riskCategories", List.of());
        String back = clueId != null ? "/clues/" + clueId : householdId == null ? "/households" : "/households/" + householdId;
        access.bind(null);
        try {
            return Response.seeOther(URI.create("/cases/" + cases.open(new CaseRequests.OpenCase(clueId, householdId,
                    Forms.text(form, "monitoringType"), checked, form.getFirst("greenChannel") != null, null,
                    new java.util.LinkedHashMap<>(FormExtensions.fromForm(form, "")))).id())).build();
        } catch (RuntimeException failure) {
            ApiException e = FormSubmit.refusal(failure);
            if (e.fieldErrors() == null || e.fieldErrors().isEmpty()) {
                // Not about what was typed (the household already has a case, or is out of reach): back, with why.
                return Response.seeOther(URI.create(back)).cookie(Flash.error(Forms.allMessages(e))).build();
            }
            // What was typed is refused: the form again as its own page, each message beside its input.
            Map<String, String> v = Forms.submitted(form);
            Map<String, String> err = Forms.errors(e, "", "");
            return Response.status(e.code().status()).entity(QuarkusTransaction.requiringNew().call(() -> {
                TenantInfo tenant = access.current();
                return Templates.openForm(PageUser.of(user), tenant.name(), clueId, householdId, back, v, err, Forms.summary(e),
                        Labelled.labels(MonitoringType.class), Labelled.labels(RiskCategory.class), checked,
                        forms.fields(tenant.provinceId(), tenant.code(), "case"), Forms.group(v, "x."), Forms.group(err, "x."));
            })).build();
        }
    }

    @POST
    @Path("/cases/{id}/complete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response complete(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        LocalDate on = form.getFirst("completedOn") == null || form.getFirst("completedOn").isBlank() ? null
                : LocalDate.parse(form.getFirst("completedOn"));
        return submit(() -> "/cases/" + cases.complete(id, new CaseRequests.CompleteStep(Forms.text(form, "stepId"), evidence(form),
                Forms.text(form, "note"), on, Forms.longOrNull(form.getFirst("version")))).id(),
                e -> detailPage(cases.get(id), Forms.allMessages(e)), null);
    }

    /** 上传扫描件: a scanned document for the current step's evidence (JPEG, PNG or PDF). */
    @POST
    @Path("/cases/{id}/steps/{step}/scans")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response addScan(@PathParam("id") long id, @PathParam("step") String step,
            @org.jboss.resteasy.reactive.RestForm("scan") org.jboss.resteasy.reactive.multipart.FileUpload scan) {
        return submit(() -> {
            String base64 = null;
            String name = null;
            if (scan != null && scan.size() > 0) {
                try {
                    base64 = java.util.Base64.getEncoder().encodeToString(java.nio.file.Files.readAllBytes(scan.uploadedFile()));
                } catch (java.io.IOException e) {
                    throw new ApiException(cn.fpjc.core.monitoring.MonitoringError.ATTACHMENT_INVALID);
                }
                name = scan.fileName();
            }
            cases.addScan(id, step, new CaseRequests.ScanUpload(name, base64));
            return "/cases/" + id;
        }, e -> detailPage(cases.get(id), Forms.allMessages(e)), null);
    }

    /** 开始公示: the current step's 公示 dates, as the printed notice will show them. */
    @POST
    @Path("/cases/{id}/notice-period")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response noticePeriod(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        return submit(() -> {
            List<FieldError> errors = new java.util.ArrayList<>();
            LocalDate from = Forms.date(form, "from", errors);
            LocalDate to = Forms.date(form, "to", errors);
            ApiException.refuseIfAny(errors);
            return "/cases/" + cases.setNoticePeriod(id, new CaseRequests.NoticePeriod(from, to, Forms.longOrNull(form.getFirst("version")))).id();
        }, e -> detailPage(cases.get(id), Forms.allMessages(e)), null);
    }

    @POST
    @Path("/cases/{id}/return")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response returnCase(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        return submit(() -> "/cases/" + cases.returnToPrevious(id, new CaseRequests.Decision(Forms.text(form, "reason"),
                Forms.longOrNull(form.getFirst("version")))).id(), e -> detailPage(cases.get(id), Forms.allMessages(e)), null);
    }

    @POST
    @Path("/cases/{id}/reject")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reject(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        return submit(() -> "/cases/" + cases.reject(id, new CaseRequests.Decision(Forms.text(form, "reason"),
                Forms.longOrNull(form.getFirst("version")))).id(), e -> detailPage(cases.get(id), Forms.allMessages(e)), null);
    }

    /** 回退: county approvers only; monitoring resumes. */
    @POST
    @Path("/cases/{id}/rollback")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response rollback(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        return submit(() -> "/cases/" + elimination.rollback(id, new PlanRequests.Reopen(Forms.text(form, "reason"), null,
                Forms.longOrNull(form.getFirst("version")))).id(), e -> detailPage(cases.get(id), Forms.allMessages(e)), null);
    }

    /** 再标注: a new risk after elimination. */
    @POST
    @Path("/cases/{id}/remark")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response remark(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        return submit(() -> "/cases/" + elimination.remark(id, new PlanRequests.Reopen(Forms.text(form, "reason"),
                form.getOrDefault("riskCategories", List.of()), Forms.longOrNull(form.getFirst("version")))).id(),
                e -> detailPage(cases.get(id), Forms.allMessages(e)), null);
    }

    /** What the case's timeline says for each recorded action. */
    static final Map<String, String> ACTION_LABELS = Map.ofEntries(Map.entry("OPENED", "启动"), Map.entry("COMPLETED", "办结"),
            Map.entry("RETURNED", "退回"), Map.entry("REJECTED", "不予纳入"), Map.entry("PLANNED", "制定帮扶计划"),
            Map.entry("REPLANNED", "调整帮扶计划"), Map.entry("ASSESSED", "风险消除评估"), Map.entry("ELIMINATED", "标注风险消除"),
            Map.entry("PROTECTED", "认定兜底保障户"), Map.entry("ROLLED_BACK", "回退"), Map.entry("REMARKED", "再标注风险"), Map.entry("NOTICE", "开始公示"), Map.entry("SCANNED", "上传材料"));

    /** {@link FormSubmit}; a refusal with no form to show again goes back to {@code back} with the message. */
    private Response submit(Supplier<String> write, Function<ApiException, TemplateInstance> again, String back) {
        access.bind(null);
        if (back == null) {
            return FormSubmit.submit(write, again);
        }
        try {
            return Response.seeOther(URI.create(write.get())).build();
        } catch (RuntimeException failure) {
            ApiException e = FormSubmit.refusal(failure);
            return Response.seeOther(URI.create(back)).cookie(Flash.error(Forms.allMessages(e))).build();
        }
    }

    /** Evidence inputs are named "evidence.<item>". */
    static Map<String, String> evidence(MultivaluedMap<String, String> form) {
        Map<String, String> e = new LinkedHashMap<>();
        form.forEach((k, v) -> {
            if (k.startsWith("evidence.") && v != null && !v.isEmpty()) {
                e.put(k.substring("evidence.".length()), v.get(0));
            }
        });
        return e;
    }

    /** Evidence typed for one case of a batch: {@code caseEvidence.<caseId>.<item>} → case id → item → text. */
    static Map<Long, Map<String, String>> caseEvidence(MultivaluedMap<String, String> form) {
        Map<Long, Map<String, String>> e = new LinkedHashMap<>();
        form.forEach((k, v) -> {
            int dot = k.indexOf('.', CASE_EVIDENCE.length());
            Long id = k.startsWith(CASE_EVIDENCE) && dot > 0 ? Forms.longOrNull(k.substring(CASE_EVIDENCE.length(), dot)) : null;
            if (id != null && v != null && !v.isEmpty() && v.get(0) != null && !v.get(0).isBlank()) {
                e.computeIfAbsent(id, x -> new LinkedHashMap<>()).put(k.substring(dot + 1), v.get(0));
            }
        });
        return e;
    }

    private static final String CASE_EVIDENCE = "caseEvidence.";

    /** What was typed into a batch form (every input but the token, the ticks and the button), to show it again. */
    static Map<String, String> typed(MultivaluedMap<String, String> form) {
        Map<String, String> values = new LinkedHashMap<>();
        form.forEach((k, v) -> {
            if (!k.equals("csrf-token") && !k.equals("caseIds") && !k.equals("action") && v != null && !v.isEmpty() && v.get(0) != null) {
                values.put(k, v.get(0));
            }
        });
        return values;
    }

    /** A batch form to show again: its step, what was typed, and the cases still ticked. */
    record Kept(String stepId, Map<String, String> values, java.util.Set<Long> ticked) {
        static final Kept NONE = new Kept(null, Map.of(), java.util.Set.of());
    }

    /**
     * The inbox split by step, so that one batch form asks for exactly that step's evidence; {@code values} and
     * {@code ticked} are what the reader typed and ticked when this form's batch was refused or not all done.
     */
    public record StepGroup(String stepId, String stepLabel, List<String> evidence, List<InboxItem> items, Map<String, String> values,
            java.util.Set<Long> ticked) {
        /** What was typed into input {@code name}, or empty. */
        public String kept(String name) {
            return values.getOrDefault(name, "");
        }

        /** What was typed for the shared {@code item}, or empty. */
        public String keptEvidence(String item) {
            return kept("evidence." + item);
        }

        /** What was typed for one case's own {@code item}, or empty. */
        public String keptFor(long caseId, String item) {
            return kept(CASE_EVIDENCE + caseId + "." + item);
        }

        public boolean isTicked(long caseId) {
            return ticked.contains(caseId);
        }

        /** An item asked only when it applies (e.g. 告知书（不符合时）): not required, the form says so. */
        public boolean optional(String item) {
            return CaseService.conditional(item);
        }

        /** The items a row may give its own text for (the 公示 dates are set for the batch). */
        public List<String> rowEvidence() {
            return evidence.stream().filter(e -> !e.equals(NOTICE_DATES)).toList();
        }
    }

    private static final String NOTICE_DATES = "公示起止日期";

    private TemplateInstance inboxPage(List<BatchResult> results, String error, Kept kept) {
        var items = cases.inbox(200);
        Map<String, List<InboxItem>> byStep = new LinkedHashMap<>();
        items.forEach(i -> byStep.computeIfAbsent(i.stepId(), k -> new java.util.ArrayList<>()).add(i));
        List<StepGroup> groups = byStep.values().stream().map(g -> {
            boolean sent = g.get(0).stepId().equals(kept.stepId());
            return new StepGroup(g.get(0).stepId(), g.get(0).stepLabel(), g.get(0).evidenceRequired(), g,
                    sent ? kept.values() : Map.of(), sent ? kept.ticked() : java.util.Set.of());
        }).toList();
        return Templates.inbox(PageUser.of(user), access.current().name(), groups, results, error);
    }

    private TemplateInstance detailPage(CaseView c, String error) {
        StepView current = c.steps().stream().filter(s -> s.stepId().equals(c.currentStep())).findFirst().orElse(null);
        boolean mine = current != null && user.hasRole(current.role());
        boolean canReopen = user.hasRole(Roles.COUNTY_APPROVER)
                && ("ELIMINATED".equals(c.riskState()) || "BASIC_PROTECTION".equals(c.riskState()));
        return Templates.detail(PageUser.of(user), access.current().name(), c, current, mine, mine && current.seq() > 0,
                mine && Roles.COUNTY_APPROVER.equals(current.role()), error, Roles.labels(), clock.today(), canReopen,
                Labelled.labels(RiskCategory.class), ACTION_LABELS,
                c.steps().stream().collect(java.util.stream.Collectors.toMap(StepView::stepId, StepView::label, (a, b) -> a)),
                names.users(java.util.stream.Stream.concat(c.events().stream().map(EventView::actor),
                        c.steps().stream().map(StepView::completedBy))));
    }
}
