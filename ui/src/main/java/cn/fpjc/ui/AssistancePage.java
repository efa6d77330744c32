package cn.fpjc.ui;

import cn.fpjc.core.monitoring.MonitoringError;
import cn.fpjc.core.platform.error.PlatformError;

import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.platform.error.ErrorBody.FieldError;
import cn.fpjc.core.monitoring.CaseService;
import cn.fpjc.core.monitoring.EliminationAssessor.Assessment;
import cn.fpjc.core.monitoring.EliminationService;
import cn.fpjc.core.monitoring.MeasureType;
import cn.fpjc.core.monitoring.NoticeService;
import cn.fpjc.core.monitoring.PlanRequests;
import cn.fpjc.core.monitoring.PlanRequests.MeasureInput;
import cn.fpjc.core.monitoring.PlanService;
import cn.fpjc.core.monitoring.PlanViews.MeasureView;
import cn.fpjc.core.monitoring.PlanViews.PlanView;
import cn.fpjc.core.monitoring.RiskCategory;
import cn.fpjc.core.monitoring.VisitKind;
import cn.fpjc.core.monitoring.VisitService;
import cn.fpjc.core.registry.RegistryService;
import cn.fpjc.core.platform.security.CurrentUser;
import cn.fpjc.core.platform.security.Roles;
import cn.fpjc.core.platform.tenancy.TenantAccess;
import cn.fpjc.core.platform.tenancy.TenantInfo;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * After identification: the 一户一策 editor (rules answered beside the rows) and its printable 帮扶计划 sheet, the
 * elimination assessment page, visit records, the follow-up ledgers (plans to make or re-adjust, visits due, households
 * monitored over the province's limit), and the public documents 村内公示 and 县级公告.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class AssistancePage {
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** Blank measure rows the editor offers below the saved ones. */
    static final int BLANK_ROWS = 3;
    /** Document names plug-ins use in documentTemplate(...) (same data as core's templates). */
    public static final String VILLAGE_NOTICE = "village-notice";
    public static final String COUNTY_ANNOUNCEMENT = "county-announcement";
    public static final String PLAN_SHEET = "plan-sheet";

    @CheckedTemplate(requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance plan();

        static native TemplateInstance planSheet();

        static native TemplateInstance elimination();

        static native TemplateInstance visits();

        static native TemplateInstance followup();

        static native TemplateInstance villageNotice();

        static native TemplateInstance countyAnnouncement();
    }

    @Inject
    TenantAccess access;

    @Inject
    CurrentUser user;

    @Inject
    PlanService plans;

    @Inject
    EliminationService elimination;

    @Inject
    VisitService visits;

    @Inject
    NoticeService notices;

    @Inject
    CaseService cases;

    @Inject
    RegistryService registry;

    @Inject
    ProvinceDocuments documents;

    // ---------------------------------------------------------------- plan

    /** A measure row as the editor shows it (typed values kept on a refusal). */
    public record Row(int index, String type, String memberId, String description, Set<String> risks, String startOn, String endOn,
            Map<String, String> err) {
        Row withErrors(Map<String, String> errors) {
            return new Row(index, type, memberId, description, risks, startOn, endOn, errors);
        }
    }

    /** A choice of a drop-down. */
    public record Option(String value, String label) {
    }

    @GET
    @Path("/cases/{id}/plan")
    @Transactional
    public TemplateInstance plan(@PathParam("id") long id) {
        access.bind(null);
        PlanView p = plans.get(id);
        List<Row> rows = new ArrayList<>();
        for (MeasureView m : p.measures()) {
            rows.add(new Row(rows.size(), m.type(), m.memberId() == null ? "" : String.valueOf(m.memberId()), m.description(),
                    Set.copyOf(m.risks()), String.valueOf(m.startOn()), m.endOn() == null ? "" : String.valueOf(m.endOn()), Map.of()));
        }
        Map<String, String> values = new HashMap<>();
        values.put("responsibleOfficial", p.responsibleOfficial() == null ? "" : p.responsibleOfficial());
        values.put("responsiblePhone", p.responsiblePhone() == null ? "" : p.responsiblePhone());
        values.put("note", p.note() == null ? "" : p.note());
        return planPage(p, withBlanks(rows), values, p.labourWilling(), Map.of(), null);
    }

    @POST
    @Path("/cases/{id}/plan")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response savePlan(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        access.bind(null);
        List<Row> rows = rows(form);
        List<Integer> kept = new ArrayList<>();
        List<MeasureInput> measures = new ArrayList<>();
        List<FieldError> dateErrors = new ArrayList<>();
        for (Row r : rows) {
            if (r.type() == null || r.type().isBlank()) {
                continue; // a blank row
            }
            LocalDate start = RegistryForms.date(r.startOn(), "m" + r.index() + ".startOn", dateErrors);
            LocalDate end = RegistryForms.date(r.endOn(), "m" + r.index() + ".endOn", dateErrors);
            kept.add(r.index());
            measures.add(new MeasureInput(r.type(), RegistryForms.longOrNull(r.memberId()), r.description(), List.copyOf(r.risks()), start, end));
        }
        boolean willing = form.getFirst("labourWilling") != null;
        PlanRequests.PlanInput in = new PlanRequests.PlanInput(RegistryForms.text(form, "responsibleOfficial"),
                RegistryForms.text(form, "responsiblePhone"), willing, measures, RegistryForms.text(form, "note"),
                RegistryForms.longOrNull(form.getFirst("version")));
        return FormSubmit.submit(() -> {
            if (!dateErrors.isEmpty()) {
                throw new ApiException(PlatformError.VALIDATION_FAILED, null, dateErrors);
            }
            return "/cases/" + plans.save(id, in).caseId() + "/plan?saved=1";
        }, e -> {
            Map<String, String> errors = new HashMap<>();
            Map<Integer, Map<String, String>> byRow = new HashMap<>();
            for (FieldError f : e.fieldErrors() == null ? List.<FieldError>of() : e.fieldErrors()) {
                String field = f.field();
                int row = -1;
                if (field.startsWith("measures[")) {
                    row = kept.get(Integer.parseInt(field.substring(9, field.indexOf(']'))));
                    field = field.substring(field.indexOf(']') + 2);
                } else if (field.matches("m\\d+\\..*")) { // a date that did not read
                    row = Integer.parseInt(field.substring(1, field.indexOf('.')));
                    field = field.substring(field.indexOf('.') + 1);
                }
                (row < 0 ? errors : byRow.computeIfAbsent(row, x -> new HashMap<>())).merge(field, f.message(), (a, b) -> a + "；" + b);
            }
            List<Row> shown = rows.stream().map(r -> r.withErrors(byRow.getOrDefault(r.index(), Map.of()))).toList();
            Map<String, String> values = new HashMap<>();
            for (String k : List.of("responsibleOfficial", "responsiblePhone", "note")) {
                values.put(k, form.getFirst(k) == null ? "" : form.getFirst(k));
            }
            return planPage(plans.get(id), shown, values, willing, errors, RegistryForms.summary(e));
        });
    }

    /** 帮扶计划 sheet: A4, the head's masked number, the measures with their dates and the responsible official. */
    @GET
    @Path("/cases/{id}/plan/sheet")
    @Transactional
    public TemplateInstance planSheet(@PathParam("id") long id) {
        TenantInfo tenant = access.bind(null);
        PlanView p = plans.get(id);
        var household = registry.detail(cases.get(p.caseId()).householdId());
        return documents.template(tenant, PLAN_SHEET, Templates::planSheet).data("tenantName", tenant.name()).data("p", p)
                .data("h", household).data("today", LocalDate.now(CHINA));
    }

    private List<Row> rows(MultivaluedMap<String, String> form) {
        int count = Math.min(Math.max(RegistryForms.longOrNull(form.getFirst("rows")) == null ? 0
                : RegistryForms.longOrNull(form.getFirst("rows")).intValue(), 0), 100);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String p = "m" + i + ".";
            rows.add(new Row(i, nz(form.getFirst(p + "type")), nz(form.getFirst(p + "memberId")), nz(form.getFirst(p + "description")),
                    Set.copyOf(form.getOrDefault(p + "risks", List.of())), nz(form.getFirst(p + "startOn")), nz(form.getFirst(p + "endOn")),
                    Map.of()));
        }
        return rows;
    }

    private static List<Row> withBlanks(List<Row> rows) {
        List<Row> all = new ArrayList<>(rows);
        for (int i = 0; i < BLANK_ROWS; i++) {
            all.add(new Row(all.size(), "", "", "", Set.of(), "", "", Map.of()));
        }
        return all;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private TemplateInstance planPage(PlanView p, List<Row> rows, Map<String, String> values, boolean willing, Map<String, String> errors,
            String error) {
        boolean canWrite = p.lockedOn() == null && user.hasAnyRole(Roles.COUNTY_ADMIN, Roles.COUNTY_APPROVER, Roles.TOWNSHIP_REVIEWER,
                Roles.VILLAGE_CLERK, Roles.RESPONSIBLE_OFFICIAL);
        return Templates.plan().data("user", PageUser.of(user)).data("tenantName", access.current().name()).data("p", p).data("rows", rows)
                .data("values", values).data("willing", willing).data("err", errors).data("error", error).data("canWrite", canWrite)
                .data("types", Arrays.stream(MeasureType.values()).map(t -> new Option(t.name(), t.kind().label() + "·" + t.label())).toList())
                .data("members", p.members().stream().map(m -> new Option(String.valueOf(m.id()), m.name() + "（" + m.labourLabel() + "）")).toList())
                .data("risks", p.caseRisks().isEmpty()
                        ? Arrays.stream(RiskCategory.values()).map(RiskCategory::label).toList() : allRisks(p.caseRisks()));
    }

    /** The case's risks first, then the others (a measure may address a risk found later). */
    private static List<String> allRisks(List<String> caseRisks) {
        List<String> all = new ArrayList<>(caseRisks);
        Arrays.stream(RiskCategory.values()).map(RiskCategory::label).filter(l -> !all.contains(l)).forEach(all::add);
        return all;
    }

    // ---------------------------------------------------------------- elimination

    @GET
    @Path("/cases/{id}/elimination")
    @Transactional
    public TemplateInstance eliminationPage(@PathParam("id") long id) {
        access.bind(null);
        return eliminationPage(id, null, Map.of("startedOn", LocalDate.now(CHINA).toString()), null);
    }

    /** 评估 shows the conditions; 启动 opens the procedure when they are all met (and says which are not otherwise). */
    @POST
    @Path("/cases/{id}/elimination")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response elimination(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        access.bind(null);
        Map<String, String> values = new HashMap<>();
        values.put("rigidExpensesNote", nz(form.getFirst("rigidExpensesNote")));
        values.put("startedOn", nz(form.getFirst("startedOn")));
        values.put("rigidExpensesResolved", form.getFirst("rigidExpensesResolved") == null ? "" : "on");
        List<FieldError> own = new ArrayList<>();
        LocalDate started = RegistryForms.date(form, "startedOn", own);
        PlanRequests.EliminationInput in = new PlanRequests.EliminationInput(form.getFirst("rigidExpensesResolved") != null,
                RegistryForms.text(form, "rigidExpensesNote"), started);
        if ("assess".equals(form.getFirst("action"))) { // an assessment is shown, not stored
            return Response.ok(io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                    .call(() -> eliminationPage(id, elimination.assess(id, in), values, null))).build();
        }
        return FormSubmit.submit(() -> {
            if (!own.isEmpty()) {
                throw new ApiException(PlatformError.VALIDATION_FAILED, null, own);
            }
            return "/cases/" + elimination.start(id, in).openedCase().id();
        }, e -> eliminationPage(id, elimination.assess(id, in), values, RegistryForms.allMessages(e)));
    }

    private TemplateInstance eliminationPage(long id, Assessment a, Map<String, String> values, String error) {
        PlanView p = plans.get(id);
        return Templates.elimination().data("user", PageUser.of(user)).data("tenantName", access.current().name()).data("p", p)
                .data("a", a).data("values", values).data("error", error)
                .data("canStart", user.hasAnyRole(Roles.COUNTY_ADMIN, Roles.COUNTY_APPROVER, Roles.TOWNSHIP_REVIEWER, Roles.VILLAGE_CLERK));
    }

    // ---------------------------------------------------------------- visits

    @GET
    @Path("/cases/{id}/visits")
    @Transactional
    public TemplateInstance visits(@PathParam("id") long id) {
        access.bind(null);
        return visitsPage(id, Map.of("visitedOn", LocalDate.now(CHINA).toString(), "visitor", user.displayName()), Map.of(), null);
    }

    @POST
    @Path("/cases/{id}/visits")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response recordVisit(@PathParam("id") long id, @RestForm String kind, @RestForm String visitor, @RestForm String visitedOn,
            @RestForm String findings, @RestForm("attachment") FileUpload attachment) {
        access.bind(null);
        Map<String, String> values = new HashMap<>();
        values.put("kind", nz(kind));
        values.put("visitor", nz(visitor));
        values.put("visitedOn", nz(visitedOn));
        values.put("findings", nz(findings));
        return FormSubmit.submit(() -> {
            LocalDate on;
            try {
                on = visitedOn == null || visitedOn.isBlank() ? null : LocalDate.parse(visitedOn);
            } catch (java.time.format.DateTimeParseException e) {
                on = null;
            }
            String base64 = null;
            String name = null;
            if (attachment != null && attachment.size() > 0) {
                try {
                    base64 = Base64.getEncoder().encodeToString(Files.readAllBytes(attachment.uploadedFile()));
                } catch (IOException e) {
                    throw new ApiException(MonitoringError.ATTACHMENT_INVALID);
                }
                name = attachment.fileName();
            }
            visits.record(id, new PlanRequests.VisitInput(kind, visitor, on, findings, name, base64));
            return "/cases/" + id + "/visits?saved=1";
        }, e -> visitsPage(id, values, RegistryForms.errors(e, "", ""), RegistryForms.summary(e)));
    }

    private TemplateInstance visitsPage(long id, Map<String, String> values, Map<String, String> errors, String error) {
        PlanView p = plans.get(id);
        return Templates.visits().data("user", PageUser.of(user)).data("tenantName", access.current().name()).data("p", p)
                .data("visits", visits.list(id)).data("kinds", Arrays.asList(VisitKind.values())).data("values", values).data("err", errors)
                .data("error", error);
    }

    // ---------------------------------------------------------------- ledgers and documents

    /** 跟踪帮扶: plans to make or re-adjust, visits due, households monitored longer than the province's limit. */
    @GET
    @Path("/followup")
    @Transactional
    public TemplateInstance followup() {
        access.bind(null);
        var limit = visits.longCaseLimit();
        String longError = limit.value() == null ? "本省（县）未规定长期未消除风险的认定年限（" + limit.label() + "）" : null;
        List<?> longCases = limit.value() == null ? List.of() : visits.longCases(200);
        return Templates.followup().data("user", PageUser.of(user)).data("tenantName", access.current().name())
                .data("tasks", plans.tasks(500)).data("cadence", visits.cadence(500)).data("longCases", longCases).data("longError", longError)
                .data("today", LocalDate.now(CHINA)).data("actionLabels", CasePage.ACTION_LABELS);
    }

    @GET
    @Path("/documents/village-notice")
    @Transactional
    public TemplateInstance villageNotice(@QueryParam("village") String village, @QueryParam("contact") String contact) {
        TenantInfo tenant = access.bind(null);
        NoticeService.VillageNotice n = notices.villageNotice(village);
        return documents.template(tenant, VILLAGE_NOTICE, Templates::villageNotice).data("tenantName", tenant.name()).data("n", n)
                .data("contact", contact == null || contact.isBlank() ? null : contact.strip()).data("today", LocalDate.now(CHINA));
    }

    @GET
    @Path("/documents/county-announcement")
    @Transactional
    public TemplateInstance countyAnnouncement(@QueryParam("from") String from, @QueryParam("to") String to) {
        TenantInfo tenant = access.bind(null);
        LocalDate today = LocalDate.now(CHINA);
        LocalDate f;
        LocalDate t;
        try {
            f = from == null || from.isBlank() ? today.withDayOfMonth(1) : LocalDate.parse(from);
            t = to == null || to.isBlank() ? today : LocalDate.parse(to);
        } catch (java.time.format.DateTimeParseException e) {
            throw new ApiException(PlatformError.VALIDATION_FAILED, null, List.of(new FieldError("from", "日期格式应为 2025-03-31")));
        }
        return documents.template(tenant, COUNTY_ANNOUNCEMENT, Templates::countyAnnouncement).data("tenantName", tenant.name())
                .data("a", notices.countyAnnouncement(f, t)).data("today", today);
    }
}
