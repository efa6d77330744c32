package cn.fpjc.ui.monitoring;

import cn.fpjc.core.monitoring.NoticeService;
import cn.fpjc.core.platform.clock.AppClock;
import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.platform.error.ErrorBody.FieldError;
import cn.fpjc.core.platform.error.PlatformError;
import cn.fpjc.core.platform.tenancy.TenantAccess;
import cn.fpjc.core.platform.tenancy.TenantInfo;
import cn.fpjc.ui.common.PdfDocuments;
import cn.fpjc.ui.common.ProvinceDocuments;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** The public documents: 村内公示 (one village's households to be announced) and 县级公告 (the county's, over a period). */
@Path("/documents")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class PublicDocumentPage {
    /** Document names plug-ins use in documentTemplate(...) (same data as core's templates). */
    public static final String VILLAGE_NOTICE = "village-notice";
    public static final String COUNTY_ANNOUNCEMENT = "county-announcement";

    /** Documents a plug-in may reword: their data is given by name (see ProvinceDocuments), its types declared in the templates. */
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance villageNotice();

        static native TemplateInstance countyAnnouncement();
    }

    @Inject
    TenantAccess access;

    @Inject
    NoticeService notices;

    @Inject
    ProvinceDocuments documents;

    @Inject
    AppClock clock;

    @Inject
    PdfDocuments pdf;

    @GET
    @Path("/village-notice")
    @Transactional
    public TemplateInstance villageNotice(@QueryParam("village") String village, @QueryParam("contact") String contact) {
        TenantInfo tenant = access.bind(null);
        NoticeService.VillageNotice n = notices.villageNotice(village);
        return documents.template(tenant, VILLAGE_NOTICE, Templates::villageNotice).data("tenantName", tenant.name()).data("n", n)
                .data("contact", contact == null || contact.isBlank() ? null : contact.strip()).data("today", clock.today());
    }

    /** The same 公示 as a PDF with the font embedded, for offices that file PDFs. */
    @GET
    @Path("/village-notice/pdf")
    @Produces("application/pdf")
    @Transactional
    public Response villageNoticePdf(@QueryParam("village") String village, @QueryParam("contact") String contact) {
        return pdf.download(villageNotice(village, contact));
    }

    @GET
    @Path("/county-announcement")
    @Transactional
    public TemplateInstance countyAnnouncement(@QueryParam("from") String from, @QueryParam("to") String to) {
        TenantInfo tenant = access.bind(null);
        LocalDate today = clock.today();
        LocalDate f;
        LocalDate t;
        try {
            f = from == null || from.isBlank() ? today.withDayOfMonth(1) : LocalDate.parse(from);
            t = to == null || to.isBlank() ? today : LocalDate.parse(to);
        } catch (DateTimeParseException e) {
            throw new ApiException(PlatformError.VALIDATION_FAILED, null, List.of(new FieldError("from", "日期格式应为 2025-03-31")));
        }
        return documents.template(tenant, COUNTY_ANNOUNCEMENT, Templates::countyAnnouncement).data("tenantName", tenant.name())
                .data("a", notices.countyAnnouncement(f, t)).data("today", today);
    }

    /** The same 公告 as a PDF. */
    @GET
    @Path("/county-announcement/pdf")
    @Produces("application/pdf")
    @Transactional
    public Response countyAnnouncementPdf(@QueryParam("from") String from, @QueryParam("to") String to) {
        return pdf.download(countyAnnouncement(from, to));
    }
}
