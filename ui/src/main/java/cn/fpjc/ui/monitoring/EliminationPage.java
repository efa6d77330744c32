package cn.fpjc.ui.monitoring;

import cn.fpjc.core.monitoring.EliminationAssessor.Assessment;
import cn.fpjc.core.monitoring.EliminationService;
import cn.fpjc.core.monitoring.MonitoringError;
import cn.fpjc.core.monitoring.PlanRequests;
import cn.fpjc.core.monitoring.PlanService;
import cn.fpjc.core.monitoring.PlanViews.PlanView;
import cn.fpjc.core.platform.clock.AppClock;
import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.platform.error.ErrorBody.FieldError;
import cn.fpjc.core.platform.error.PlatformError;
import cn.fpjc.core.platform.security.CurrentUser;
import cn.fpjc.core.platform.security.Roles;
import cn.fpjc.core.platform.tenancy.TenantAccess;
import cn.fpjc.ui.common.FormSubmit;
import cn.fpjc.ui.common.Forms;
import cn.fpjc.ui.common.PageUser;
import io.quarkus.narayana.jta.QuarkusTransaction;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** 风险消除评估: the conditions of elimination checked for a case, and starting the elimination procedure. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class EliminationPage {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance elimination(PageUser user, String tenantName, PlanView p, Assessment a, Map<String, String> values,
                String error, boolean canStart, String notYet);
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
    AppClock clock;

    @GET
    @Path("/cases/{id}/elimination")
    @Transactional
    public TemplateInstance eliminationPage(@PathParam("id") long id) {
        access.bind(null);
        return eliminationPage(id, null, Map.of("startedOn", clock.today().toString()), null);
    }

    /** 评估 shows the conditions; 启动 opens the procedure when they are all met (and says which are not otherwise). */
    @POST
    @Path("/cases/{id}/elimination")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response elimination(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        access.bind(null);
        Map<String, String> values = new HashMap<>();
        values.put("rigidExpensesNote", Forms.orEmpty(form.getFirst("rigidExpensesNote")));
        values.put("startedOn", Forms.orEmpty(form.getFirst("startedOn")));
        values.put("rigidExpensesResolved", form.getFirst("rigidExpensesResolved") == null ? "" : "on");
        List<FieldError> own = new ArrayList<>();
        LocalDate started = Forms.date(form, "startedOn", own);
        PlanRequests.EliminationInput in = new PlanRequests.EliminationInput(form.getFirst("rigidExpensesResolved") != null,
                Forms.text(form, "rigidExpensesNote"), started);
        java.util.Optional<String> notYet = elimination.notAssessable(id);
        if (notYet.isPresent()) { // pressed from a page opened before: the page again, saying why
            return Response.status(MonitoringError.CASE_TRANSITION_INVALID.status())
                    .entity(QuarkusTransaction.requiringNew().call(() -> eliminationPage(id, null, values, null))).build();
        }
        if ("assess".equals(form.getFirst("action"))) { // an assessment is shown, not stored
            return Response.ok(QuarkusTransaction.requiringNew().call(() -> eliminationPage(id, elimination.assess(id, in), values, null)))
                    .build();
        }
        return FormSubmit.submit(() -> {
            if (!own.isEmpty()) {
                throw new ApiException(PlatformError.VALIDATION_FAILED, null, own);
            }
            return "/cases/" + elimination.start(id, in).openedCase().id();
        }, e -> eliminationPage(id, elimination.assess(id, in), values, Forms.allMessages(e)));
    }

    private TemplateInstance eliminationPage(long id, Assessment a, Map<String, String> values, String error) {
        String notYet = elimination.notAssessable(id).orElse(null);
        return Templates.elimination(PageUser.of(user), access.current().name(), plans.get(id), a, values, error,
                notYet == null && user.hasAnyRole(Roles.COUNTY_ADMIN, Roles.COUNTY_APPROVER, Roles.TOWNSHIP_REVIEWER, Roles.VILLAGE_CLERK), notYet);
    }
}
