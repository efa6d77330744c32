package cn.fpjc.ui;

import cn.fpjc.core.monitoring.ClueChannel;
import cn.fpjc.core.monitoring.ClueRequests;
import cn.fpjc.core.monitoring.ClueService;
import cn.fpjc.core.monitoring.ClueStatus;
import cn.fpjc.core.monitoring.ClueViews.ClueView;
import cn.fpjc.core.monitoring.RiskCategory;
import cn.fpjc.core.platform.org.OrgUnitService;
import cn.fpjc.core.platform.text.Labelled;
import cn.fpjc.core.platform.security.CurrentUser;
import cn.fpjc.core.platform.security.OrgScope;
import cn.fpjc.core.platform.tenancy.TenantAccess;
import cn.fpjc.core.platform.tenancy.TenantInfo;
import cn.fpjc.core.platform.web.Page;
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

    @CheckedTemplate(requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance list();

        static native TemplateInstance detail();
    }

    @Inject
    TenantAccess access;

    @Inject
    ClueService clues;

    @Inject
    OrgUnitService orgUnits;

    @Inject
    CurrentUser user;

    @GET
    @Transactional
    public TemplateInstance list(@QueryParam("status") @DefaultValue("OPEN") String status, @QueryParam("overdue") boolean overdue,
            @QueryParam("page") @DefaultValue("0") int page) {
        access.bind(null);
        return listPage(status, overdue, page, Map.of(), Map.of(), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response record(MultivaluedMap<String, String> form) {
        access.bind(null);
        return FormSubmit.submit(() -> "/clues/" + clues.record(new ClueRequests.RecordClue(RegistryForms.text(form, "channel"),
                RegistryForms.text(form, "sourceDetail"), RegistryForms.text(form, "villageCode"), RegistryForms.text(form, "name"),
                RegistryForms.text(form, "idNumber"), RegistryForms.text(form, "phone"), RegistryForms.text(form, "description"),
                form.getOrDefault("riskCategories", List.of()), null, RegistryForms.text(form, "screeningKind"),
                RegistryForms.text(form, "campaign"))).id(),
                e -> listPage("OPEN", false, 0, RegistryForms.submitted(form), RegistryForms.errors(e, "", ""), RegistryForms.summary(e)));
    }

    @GET
    @Path("/{id}")
    @Transactional
    public TemplateInstance detail(@PathParam("id") long id, @QueryParam("error") String error) {
        access.bind(null);
        return detailPage(clues.get(id), Map.of(), Map.of(), error == null || error.isBlank() ? null : error);
    }

    @POST
    @Path("/{id}/verification")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response verify(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        access.bind(null);
        return FormSubmit.submit(() -> "/clues/" + clues.verify(id, new ClueRequests.Verification(RegistryForms.text(form, "result"),
                RegistryForms.text(form, "note"), null, RegistryForms.longOrNull(form.getFirst("version")))).id(),
                e -> detailPage(clues.get(id), RegistryForms.submitted(form), RegistryForms.errors(e, "", ""), RegistryForms.summary(e)));
    }

    private TemplateInstance listPage(String status, boolean overdue, int page, Map<String, String> v, Map<String, String> err,
            String error) {
        TenantInfo tenant = access.current();
        String shown = "ALL".equals(status) ? null : status;
        Page<ClueView> result = clues.list(shown, null, null, overdue, page, PAGE_SIZE);
        return Templates.list().data("user", PageUser.of(user)).data("tenantName", tenant.name()).data("clues", result.items())
                .data("pager", result).data("status", status).data("overdue", overdue)
                .data("statuses", List.of(ClueStatus.values())).data("canRecord", user.hasAnyRole(ClueService.STAFF))
                .data("channels", List.of(ClueChannel.SELF_REPORT.label(), ClueChannel.CADRE_SCREENING.label()))
                .data("categories", Labelled.labels(RiskCategory.class))
                .data("villages", orgUnits.listVisible(user.orgCode()).stream().filter(u -> OrgScope.isVillage(u.code())).toList())
                .data("screeningKinds", Labelled.labels(cn.fpjc.core.monitoring.ScreeningKind.class))
                .data("campaigns", clues.campaigns(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear()))
                .data("v", v).data("err", err).data("error", error);
    }

    private TemplateInstance detailPage(ClueView c, Map<String, String> v, Map<String, String> err, String error) {
        return Templates.detail().data("user", PageUser.of(user)).data("tenantName", access.current().name()).data("c", c)
                .data("canVerify", "OPEN".equals(c.status()) && user.hasAnyRole(ClueService.STAFF))
                .data("results", List.of(ClueStatus.RISK_CONFIRMED.label(), ClueStatus.NO_RISK.label())).data("v", v).data("err", err)
                .data("error", error)
                .data("canOpenCase", "RISK_CONFIRMED".equals(c.status()) && c.householdId() != null && user.hasAnyRole(ClueService.STAFF))
                .data("monitoringTypes", Labelled.labels(cn.fpjc.core.monitoring.MonitoringType.class))
                .data("categories", Labelled.labels(RiskCategory.class));
    }
}
