package cn.fpjc.ui.assistance;

import cn.fpjc.core.assistance.programme.ApplicationService;
import cn.fpjc.core.assistance.programme.ApplicationViews.Notice;
import cn.fpjc.core.platform.clock.AppClock;
import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.platform.security.CurrentUser;
import cn.fpjc.core.platform.tenancy.TenantAccess;
import cn.fpjc.core.platform.tenancy.TenantInfo;
import cn.fpjc.core.registry.RegistryService;
import cn.fpjc.ui.common.FormSubmit;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;

/**
 * 村内公示 of a programme's applications in notice in one village, as an A4 sheet for the village board (like the monitoring
 * notice of {@code PublicDocumentPage}): names, masked ID numbers, 户编号 and amounts only, the period and the objection phone.
 * A village outside the reader's scope (or none chosen) is refused in Chinese on the same sheet.
 */
@Path("/programmes/{programme}/notice")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class ApplicationNoticePage {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance notice(String tenantName, String programmeId, Notice n, LocalDate today, String error);
    }

    @Inject
    TenantAccess access;

    @Inject
    CurrentUser user;

    @Inject
    ApplicationService applications;

    @Inject
    AppClock clock;

    @GET
    public Response notice(@PathParam("programme") String programme, @QueryParam("year") String year, @QueryParam("village") String village) {
        TenantInfo tenant = access.bind(null);
        user.requireAnyRole(RegistryService.READERS);
        try {
            Notice n = applications.notice(programme, ProgrammeYears.number(year, "年度"), village);
            return Response.ok(Templates.notice(tenant.name(), programme, n, clock.today(), null)).build();
        } catch (RuntimeException failure) {
            ApiException e = FormSubmit.refusal(failure);
            return Response.status(e.code().status()).entity(Templates.notice(tenant.name(), programme, null, clock.today(),
                    cn.fpjc.ui.common.Forms.allMessages(e))).build();
        }
    }
}
