package cn.fpjc.ui.monitoring;

import cn.fpjc.core.policy.form.FormExtensions;
import cn.fpjc.core.policy.form.FormField;
import cn.fpjc.core.monitoring.CaseService;
import cn.fpjc.core.monitoring.MeasureType;
import cn.fpjc.core.monitoring.PlanRequests;
import cn.fpjc.core.monitoring.PlanRequests.MeasureInput;
import cn.fpjc.core.monitoring.PlanService;
import cn.fpjc.core.monitoring.PlanViews.MeasureView;
import cn.fpjc.core.monitoring.PlanViews.PlanView;
import cn.fpjc.core.monitoring.RiskCategory;
import cn.fpjc.core.platform.clock.AppClock;
import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.platform.error.ErrorBody.FieldError;
import cn.fpjc.core.platform.error.PlatformError;
import cn.fpjc.core.platform.security.CurrentUser;
import cn.fpjc.core.platform.security.Roles;
import cn.fpjc.core.platform.tenancy.TenantAccess;
import cn.fpjc.core.platform.tenancy.TenantInfo;
import cn.fpjc.core.registry.RegistryService;
import cn.fpjc.ui.common.FormSubmit;
import cn.fpjc.ui.common.Forms;
import cn.fpjc.ui.common.PageUser;
import cn.fpjc.ui.common.PdfDocuments;
import cn.fpjc.ui.common.ProvinceDocuments;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The 一户一策 editor (rules answered beside the rows) and its printable 帮扶计划 sheet. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class PlanPage {
    /** Blank measure rows the editor offers below the saved ones. */
    static final int BLANK_ROWS = 3;
    /** The document name plug-ins use in documentTemplate(...) (same data as core's template). */
    public static final String PLAN_SHEET = "plan-sheet";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance plan(PageUser user, String tenantName, PlanView p, List<Row> rows, Map<String, String> values,
                boolean willing, Map<String, String> err, String error, boolean canWrite, List<Option> types, List<Option> members,
                List<String> risks, List<FormField> extraFields, Map<String, String> xv, Map<String, String> xe);

        /** A document a plug-in may reword: its data is given by name (see ProvinceDocuments), its types declared in the template. */
        static native TemplateInstance planSheet();
    }

    @Inject
    TenantAccess access;

    @Inject
    CurrentUser user;

    @Inject
    PlanService plans;

    @Inject
    CaseService cases;

    @Inject
    RegistryService registry;

    @Inject
    ProvinceDocuments documents;

    @Inject
    PdfDocuments pdf;

    @Inject
    AppClock clock;

    @Inject
    FormExtensions forms;

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
        values.putAll(Forms.extraInputs(p.extra(), ""));
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
            LocalDate start = Forms.date(r.startOn(), "m" + r.index() + ".startOn", dateErrors);
            LocalDate end = Forms.date(r.endOn(), "m" + r.index() + ".endOn", dateErrors);
            kept.add(r.index());
            measures.add(new MeasureInput(r.type(), Forms.longOrNull(r.memberId()), r.description(), List.copyOf(r.risks()), start, end));
        }
        boolean willing = form.getFirst("labourWilling") != null;
        PlanRequests.PlanInput in = new PlanRequests.PlanInput(Forms.text(form, "responsibleOfficial"),
                Forms.text(form, "responsiblePhone"), willing, measures, Forms.text(form, "note"),
                Forms.longOrNull(form.getFirst("version")), new java.util.LinkedHashMap<>(FormExtensions.fromForm(form, "")));
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
                if (field.startsWith("extra.")) {
                    field = "x." + field.substring("extra.".length());
                }
                (row < 0 ? errors : byRow.computeIfAbsent(row, x -> new HashMap<>())).merge(field, f.message(), (a, b) -> a + "；" + b);
            }
            List<Row> shown = rows.stream().map(r -> r.withErrors(byRow.getOrDefault(r.index(), Map.of()))).toList();
            Map<String, String> values = Forms.submitted(form);
            return planPage(plans.get(id), shown, values, willing, errors, Forms.summary(e));
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
                .data("h", household).data("today", clock.today());
    }

    /** The same 帮扶计划 sheet as a PDF with the font embedded. */
    @GET
    @Path("/cases/{id}/plan/sheet/pdf")
    @Produces("application/pdf")
    @Transactional
    public Response planSheetPdf(@PathParam("id") long id) {
        return pdf.download(planSheet(id));
    }

    private List<Row> rows(MultivaluedMap<String, String> form) {
        int count = Math.min(Math.max(Forms.longOrNull(form.getFirst("rows")) == null ? 0
                : Forms.longOrNull(form.getFirst("rows")).intValue(), 0), 100);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String p = "m" + i + ".";
            rows.add(new Row(i, Forms.orEmpty(form.getFirst(p + "type")), Forms.orEmpty(form.getFirst(p + "memberId")), Forms.orEmpty(form.getFirst(p + "description")),
                    Set.copyOf(form.getOrDefault(p + "risks", List.of())), Forms.orEmpty(form.getFirst(p + "startOn")), Forms.orEmpty(form.getFirst(p + "endOn")),
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

    private TemplateInstance planPage(PlanView p, List<Row> rows, Map<String, String> values, boolean willing, Map<String, String> errors,
            String error) {
        boolean canWrite = p.lockedOn() == null && user.hasAnyRole(Roles.COUNTY_ADMIN, Roles.COUNTY_APPROVER, Roles.TOWNSHIP_REVIEWER,
                Roles.VILLAGE_CLERK, Roles.RESPONSIBLE_OFFICIAL);
        TenantInfo tenant = access.current();
        return Templates.plan(PageUser.of(user), tenant.name(), p, rows, values, willing, errors, error, canWrite,
                Arrays.stream(MeasureType.values()).map(t -> new Option(t.name(), t.kind().label() + "·" + t.label())).toList(),
                p.members().stream().map(m -> new Option(String.valueOf(m.id()), m.name() + "（" + m.labourLabel() + "）")).toList(),
                p.caseRisks().isEmpty() ? Arrays.stream(RiskCategory.values()).map(RiskCategory::label).toList() : allRisks(p.caseRisks()),
                forms.fields(tenant.provinceId(), tenant.code(), "plan"), Forms.group(values, "x."), Forms.group(errors, "x."));
    }

    /** The case's risks first, then the others (a measure may address a risk found later). */
    private static List<String> allRisks(List<String> caseRisks) {
        List<String> all = new ArrayList<>(caseRisks);
        Arrays.stream(RiskCategory.values()).map(RiskCategory::label).filter(l -> !all.contains(l)).forEach(all::add);
        return all;
    }
}
