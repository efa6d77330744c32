package cn.fpjc.core.monitoring;

import cn.fpjc.core.platform.clock.AppClock;
import cn.fpjc.core.platform.error.PlatformError;

import cn.fpjc.core.monitoring.ClueRequests.AlertBatch;
import cn.fpjc.core.monitoring.ClueRequests.RecordClue;
import cn.fpjc.core.monitoring.ClueRequests.Verification;
import cn.fpjc.core.monitoring.ClueViews.AlertIntake;
import cn.fpjc.core.monitoring.ClueViews.ClueView;
import cn.fpjc.core.platform.tenancy.TenantScoped;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.platform.error.ErrorBody.FieldError;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * 风险线索: recorded by staff in their scope, verified at home and closed with the finding; department alerts come in
 * batches ({@code POST …/clue-alerts}) and every unmatched row is answered with why. Lists are ordered by due date
 * and say for each clue whether it is due soon or overdue.
 */
@Path("/api/counties/{county}")
@TenantScoped
@Authenticated
public class ClueResource {
    /** Both bodies of POST …/clue-alerts are one operation; its id must not depend on which method the scanner saw last. */
    static final String ALERTS_OPERATION = "ClueResource_alerts";

    @Inject
    AppClock clock;

    @Inject
    ClueService service;

    @Inject
    cn.fpjc.core.platform.files.FileLimits fileLimits;

    /** Clues in the caller's scope; {@code status}, {@code channel}, {@code village}, {@code overdue=true}; X-Total-Count. */
    @GET
    @Path("/clues")
    public Response list(@PathParam("county") String county, @QueryParam("status") String status, @QueryParam("channel") String channel,
            @QueryParam("village") String village, @QueryParam("overdue") @DefaultValue("false") boolean overdue,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        return service.list(status, channel, village, overdue, page, size).toResponse();
    }

    @POST
    @Path("/clues")
    public Response record(@PathParam("county") String county, RecordClue request) {
        ClueView created = service.record(request);
        return Response.created(URI.create("/api/counties/" + county + "/clues/" + created.id())).entity(created).build();
    }

    @GET
    @Path("/clues/{id}")
    public ClueView get(@PathParam("county") String county, @PathParam("id") long id) {
        return service.get(id);
    }

    @POST
    @Path("/clues/{id}/verification")
    public ClueView verify(@PathParam("county") String county, @PathParam("id") long id, Verification request) {
        return service.verify(id, request == null ? new Verification(null, null, null, null) : request);
    }

    @POST
    @Path("/clue-alerts")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = ALERTS_OPERATION) // one OpenAPI operation with alertFile (same path, two body types)
    public AlertIntake alerts(@PathParam("county") String county, AlertBatch batch) {
        return service.intakeAlerts(batch);
    }

    /** The same batch as the department's own file (.csv or .xlsx, header 身份证号/姓名/风险类别/情况说明); rows keep their numbers. */
    @POST
    @Path("/clue-alerts")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(operationId = ALERTS_OPERATION)
    public AlertIntake alertFile(@PathParam("county") String county, @RestForm String department, @RestForm String reportedOn,
            @RestForm("file") FileUpload file) {
        if (file == null || file.size() == 0) {
            throw new ApiException(PlatformError.IMPORT_FILE_MISSING);
        }
        return service.intakeAlerts(new AlertBatch(department, date(reportedOn), AlertFiles.read(file.uploadedFile(), file.fileName(), fileLimits)));
    }

    private static java.time.LocalDate date(String reportedOn) {
        try {
            return reportedOn == null || reportedOn.isBlank() ? null : java.time.LocalDate.parse(reportedOn.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new ApiException(PlatformError.VALIDATION_FAILED, null, List.of(new FieldError("reportedOn", "日期格式应为 2024-09-28")));
        }
    }

    /**
     * The national system's 数据比对 result list (.xlsx or .csv; header 身份证号 or 证件号码, optional 姓名, 村代码/所在村, 比对类型,
     * 风险类别, 比对情况) as risk clues of the channel 部门筛查预警: every row answered, accepted with its tracking number or
     * refused with why; one transaction.
     */
    @POST
    @Path("/monitoring/national-comparison")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public ClueViews.ComparisonIntake nationalComparison(@PathParam("county") String county, @RestForm String reportedOn,
            @RestForm("file") FileUpload file) {
        service.requireComparisonImporter();
        return service.importComparison(date(reportedOn), file == null || file.size() == 0 ? null : file.uploadedFile(),
                file == null ? null : file.fileName());
    }

    /** This year's (or {@code year}'s) centralized screening campaigns against the minimum a year. */
    @GET
    @Path("/screening-campaigns")
    public ClueViews.Campaigns campaigns(@PathParam("county") String county, @QueryParam("year") Integer year) {
        return service.campaigns(year == null ? clock.year() : year);
    }
}
