package cn.fpjc.ui.policy;

import cn.fpjc.core.policy.param.EffectiveParameter;
import cn.fpjc.core.policy.param.EffectiveParameters;
import cn.fpjc.core.policy.param.ParameterOrigin;
import cn.fpjc.core.platform.tenancy.TenantAccess;
import cn.fpjc.core.platform.tenancy.TenantInfo;
import cn.fpjc.ui.common.PdfDocuments;
import cn.fpjc.ui.common.ProvinceDocuments;
import cn.fpjc.ui.common.QrCodes;
import cn.fpjc.ui.common.UiConfig;
import cn.fpjc.core.platform.clock.AppClock;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * 明白纸: the plain-language leaflet for households, generated for the caller's county and a year
 * from the parameters in force (print view, A4). A missing threshold is printed as "not yet
 * published", never guessed. Public document: no personal data at all. A province plug-in may
 * replace the wording with its own template (documentTemplate("leaflet")), given the same data.
 */
@Path("/parameters/leaflet")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class LeafletPage {
    /** The document name plug-ins use in documentTemplate(...) to replace this page's wording. */
    public static final String DOCUMENT = "leaflet";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance leaflet();
    }

    @Inject
    AppClock clock;

    @Inject
    TenantAccess access;

    @Inject
    EffectiveParameters parameters;

    @Inject
    ProvinceDocuments documents;

    @Inject
    UiConfig ui;

    @Inject
    PdfDocuments pdf;

    /** The same 明白纸 as a PDF with the font embedded (the QR code drawn as an image). */
    @GET
    @Path("/pdf")
    @Produces("application/pdf")
    public Response pdf(@QueryParam("year") Integer year, @Context UriInfo uri) {
        return pdf.download(show(year, uri));
    }

    @GET
    public TemplateInstance show(@QueryParam("year") Integer year, @Context UriInfo uri) {
        TenantInfo tenant = access.bind(null);
        int shown = year == null ? clock.year() : year;
        Map<String, EffectiveParameter> p = parameters.resolveAll(tenant.provinceId(), tenant.code(), shown).stream()
                .collect(Collectors.toMap(EffectiveParameter::key, Function.identity()));
        List<String> used = List.of("monitoring.threshold", "monitoring.self-report-channel", "monitoring.clue-verify-days",
                "monitoring.check-feedback-working-days", "monitoring.village-notice-days", "monitoring.approval-working-days",
                "monitoring.identification-max-days", "assistance.plan-days");
        Set<String> sources = new LinkedHashSet<>();
        used.stream().map(p::get).filter(e -> e.origin() != ParameterOrigin.NOT_SET).forEach(e -> sources.add(e.citation()));
        String base = ui.publicUrl().map(u -> u.replaceAll("/+$", "")).orElseGet(() -> uri.getBaseUri().toString().replaceAll("/+$", ""));
        String reportUrl = base + "/report/" + tenant.code();
        TemplateInstance page = documents.template(tenant, DOCUMENT, Templates::leaflet);
        return page.data("tenantName", tenant.name()).data("year", shown)
                .data("threshold", value(p, "monitoring.threshold"))
                .data("channel", value(p, "monitoring.self-report-channel"))
                .data("verifyDays", value(p, "monitoring.clue-verify-days"))
                .data("feedbackDays", value(p, "monitoring.check-feedback-working-days"))
                .data("noticeDays", value(p, "monitoring.village-notice-days"))
                .data("approvalDays", value(p, "monitoring.approval-working-days"))
                .data("identificationDays", value(p, "monitoring.identification-max-days"))
                .data("planDays", value(p, "assistance.plan-days"))
                .data("sources", sources)
                .data("reportUrl", reportUrl)
                .data("reportQr", QrCodes.svg(reportUrl, 132));
    }

    private static String value(Map<String, EffectiveParameter> p, String key) {
        return p.get(key).value();
    }
}
