package cn.fpjc.ui.publicpages;

import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.ui.common.FormSubmit;
import cn.fpjc.core.monitoring.ClueRequests.SelfReport;
import cn.fpjc.core.monitoring.ClueService;
import cn.fpjc.core.monitoring.ClueViews.PublicStatus;
import cn.fpjc.core.monitoring.SelfReportLimiter;
import cn.fpjc.core.platform.org.OrgLevel;
import cn.fpjc.core.platform.org.OrgUnit;
import cn.fpjc.core.platform.tenancy.TenantAccess;
import cn.fpjc.core.platform.tenancy.TenantInfo;
import cn.fpjc.ui.common.Forms;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * 一键申报 for people without an account (a QR code on the village board points here): the county's villages to choose
 * from (grouped by township), name, ID number, phone and what happened; the answer is a tracking number, and the status
 * page shows the status and dates only. Rate-limited like the API ({@link SelfReportLimiter}). A refusal shows the form
 * again with everything typed, the ID number included (that answer is not stored by the browser: no-store); nothing
 * typed is echoed back after success.
 */
@Path("/report/{county}")
@Produces(MediaType.TEXT_HTML)
@PermitAll
@SecurityRequirements // public: the contract says `security: []`
public class SelfReportPage {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form();

        static native TemplateInstance status();
    }

    public record Village(String code, String name) {
    }

    /** A township and its villages, for one {@code <optgroup>} of the village list. */
    public record Township(String name, List<Village> villages) {
    }

    @Inject
    TenantAccess access;

    @Inject
    ClueService clues;

    @Inject
    SelfReportLimiter limiter;

    @GET
    @APIResponse(responseCode = "200", description = "页面", content = @Content(mediaType = MediaType.TEXT_HTML))
    @APIResponse(responseCode = "404", description = "没有这个县（区），或它暂不受理")
    public TemplateInstance form(@PathParam("county") String county) {
        TenantInfo tenant = access.bindPublic(county);
        return page(tenant, Map.of(), Map.of(), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response report(@PathParam("county") String county, MultivaluedMap<String, String> form, @Context HttpServerRequest http) {
        TenantInfo tenant = access.bindPublic(county);
        Map<String, String> values = new HashMap<>();
        for (String k : List.of("name", "idNumber", "phone", "villageCode", "description")) {
            values.put(k, form.getFirst(k) == null ? "" : form.getFirst(k));
        }
        try {
            limiter.acquire(county, http);
            PublicStatus received = clues.selfReport(new SelfReport(Forms.text(form, "name"), Forms.text(form, "idNumber"),
                    Forms.text(form, "phone"), Forms.text(form, "villageCode"), Forms.text(form, "description")));
            return Response.seeOther(java.net.URI.create("/report/" + county + "/status?no=" + received.trackingNo() + "&new=1")).build();
        } catch (RuntimeException failure) {
            ApiException e = FormSubmit.refusal(failure);
            return Response.status(e.code().status()).entity(QuarkusTransaction.requiringNew()
                    .call(() -> page(tenant, values, Forms.errors(e, "", ""), Forms.summary(e)))).header("Cache-Control", "no-store").build();
        }
    }

    @GET
    @Path("/status")
    @APIResponse(responseCode = "200", description = "页面", content = @Content(mediaType = MediaType.TEXT_HTML))
    @APIResponse(responseCode = "404", description = "没有这个县（区），或它暂不受理")
    public TemplateInstance status(@PathParam("county") String county, @QueryParam("no") String trackingNo, @QueryParam("new") String fresh) {
        TenantInfo tenant = access.bindPublic(county);
        PublicStatus status = null;
        if (trackingNo != null && !trackingNo.isBlank()) {
            try {
                status = clues.publicStatus(trackingNo.strip()); // its own transaction; an unknown number is simply not found
            } catch (RuntimeException failure) {
                ApiException e = FormSubmit.refusal(failure);
                status = null;
            }
        }
        return Templates.status().data("tenantName", tenant.name()).data("county", county).data("no", trackingNo == null ? "" : trackingNo)
                .data("s", status).data("fresh", fresh != null);
    }

    private TemplateInstance page(TenantInfo tenant, Map<String, String> values, Map<String, String> errors, String error) {
        List<Township> townships = QuarkusTransaction.requiringNew().call(() -> {
            List<OrgUnit> units = OrgUnit.list("level in (?1, ?2)", Sort.by("code"), OrgLevel.TOWNSHIP, OrgLevel.VILLAGE);
            Map<String, List<Village>> byTownship = new HashMap<>();
            units.stream().filter(u -> u.level == OrgLevel.VILLAGE)
                    .forEach(u -> byTownship.computeIfAbsent(u.parentCode, k -> new ArrayList<>()).add(new Village(u.code, u.name)));
            return units.stream().filter(u -> u.level == OrgLevel.TOWNSHIP && byTownship.containsKey(u.code))
                    .map(u -> new Township(u.name, byTownship.get(u.code))).toList();
        });
        return Templates.form().data("tenantName", tenant.name()).data("county", tenant.code()).data("townships", townships).data("v", values)
                .data("err", errors).data("error", error);
    }
}
