package cn.fpjc.ui.monitoring;

import cn.fpjc.core.monitoring.MonitoringError;
import cn.fpjc.core.monitoring.PlanRequests;
import cn.fpjc.core.monitoring.PlanService;
import cn.fpjc.core.monitoring.PlanViews.PlanView;
import cn.fpjc.core.monitoring.PlanViews.VisitView;
import cn.fpjc.core.monitoring.VisitKind;
import cn.fpjc.core.monitoring.VisitService;
import cn.fpjc.core.platform.clock.AppClock;
import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.platform.security.CurrentUser;
import cn.fpjc.core.platform.tenancy.TenantAccess;
import cn.fpjc.ui.common.FormSubmit;
import cn.fpjc.ui.common.Forms;
import cn.fpjc.ui.common.Names;
import cn.fpjc.ui.common.PageUser;
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
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** 走访: a case's visit records, and recording a visit with an optional attachment. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class VisitPage {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance visits(PageUser user, String tenantName, PlanView p, List<VisitView> visits, List<VisitKind> kinds,
                Map<String, String> values, Map<String, String> err, String error, Map<String, String> users);
    }

    @Inject
    Names names;

    @Inject
    TenantAccess access;

    @Inject
    CurrentUser user;

    @Inject
    PlanService plans;

    @Inject
    VisitService visits;

    @Inject
    AppClock clock;

    @GET
    @Path("/cases/{id}/visits")
    @Transactional
    public TemplateInstance visits(@PathParam("id") long id) {
        access.bind(null);
        return visitsPage(id, Map.of("visitedOn", clock.today().toString(), "visitor", user.displayName()), Map.of(), null);
    }

    @POST
    @Path("/cases/{id}/visits")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response recordVisit(@PathParam("id") long id, @RestForm String kind, @RestForm String visitor, @RestForm String visitedOn,
            @RestForm String findings, @RestForm("attachment") FileUpload attachment) {
        access.bind(null);
        Map<String, String> values = new HashMap<>();
        values.put("kind", Forms.orEmpty(kind));
        values.put("visitor", Forms.orEmpty(visitor));
        values.put("visitedOn", Forms.orEmpty(visitedOn));
        values.put("findings", Forms.orEmpty(findings));
        return FormSubmit.submit(() -> {
            LocalDate on;
            try {
                on = visitedOn == null || visitedOn.isBlank() ? null : LocalDate.parse(visitedOn);
            } catch (DateTimeParseException e) {
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
        }, e -> visitsPage(id, values, Forms.errors(e, "", ""), Forms.summary(e)));
    }

    private TemplateInstance visitsPage(long id, Map<String, String> values, Map<String, String> errors, String error) {
        List<VisitView> list = visits.list(id);
        return Templates.visits(PageUser.of(user), access.current().name(), plans.get(id), list, Arrays.asList(VisitKind.values()),
                values, errors, error, names.users(list.stream().map(VisitView::createdBy)));
    }
}
