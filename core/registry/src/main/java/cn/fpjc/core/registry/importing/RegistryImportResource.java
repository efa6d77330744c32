package cn.fpjc.core.registry.importing;

import cn.fpjc.core.registry.RegistryError;

import cn.fpjc.core.registry.importing.ImportJobView.Mode;
import cn.fpjc.core.platform.tenancy.TenantAccess;
import cn.fpjc.core.platform.tenancy.TenantScoped;
import cn.fpjc.core.platform.web.Downloads;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.net.URI;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * 农户信息导入: download the template, upload an .xlsx or .csv (multipart field {@code file}) with a
 * {@code mode} — VALIDATE_ONLY (check, then confirm with {@code /commit}), ALL_OR_NOTHING, VALID_ONLY — and
 * follow the job until it is done; the report lists every row with its result. Uploads are limited to the
 * county staff's org scope like every registry write.
 */
@Path("/api/counties/{county}/household-imports")
@TenantScoped
@Authenticated
public class RegistryImportResource {
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    RegistryImportService service;

    @Inject
    TenantAccess access;

    @GET
    @Path("/template.xlsx")
    @Produces(XLSX)
    public Response template(@PathParam("county") String county) {
        StreamingOutput body = out -> service.template(out);
        return Downloads.attachment(Response.ok(body), access.current().name() + "农户信息导入模板.xlsx");
    }

    /** Starts a job; answers 202 with the job, whose {@code status} moves on as the worker goes. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@PathParam("county") String county, @RestForm("file") FileUpload file,
            @RestForm("mode") @DefaultValue("VALIDATE_ONLY") String mode) {
        ImportJobView job = service.start(file == null ? null : file.fileName(), file == null ? null : file.uploadedFile(), Mode.parse(mode));
        return Response.accepted(job).location(URI.create("/api/counties/" + county + "/household-imports/" + job.id())).build();
    }

    @GET
    public List<ImportJobView> list(@PathParam("county") String county, @QueryParam("limit") @DefaultValue("20") int limit) {
        return service.list(limit);
    }

    @GET
    @Path("/{id}")
    public ImportJobView get(@PathParam("county") String county, @PathParam("id") long id) {
        return service.get(id);
    }

    /** Writes a checked job: ALL_OR_NOTHING or VALID_ONLY; the registry is compared again first. */
    @POST
    @Path("/{id}/commit")
    public Response commit(@PathParam("county") String county, @PathParam("id") long id, @QueryParam("mode") String mode) {
        return Response.accepted(service.commit(id, Mode.parse(mode))).build();
    }

    /** Result rows as JSON (after {@code after}, at most {@code limit}); {@code problems=true} for the rows not imported. */
    @GET
    @Path("/{id}/rows")
    public List<ImportStaging.ReportRow> rows(@PathParam("county") String county, @PathParam("id") long id,
            @QueryParam("after") @DefaultValue("0") int after, @QueryParam("limit") @DefaultValue("100") int limit,
            @QueryParam("problems") @DefaultValue("false") boolean problems) {
        return service.rows(id, after, Math.min(Math.max(limit, 1), 1000), problems);
    }

    @GET
    @Path("/{id}/report.xlsx")
    @Produces(XLSX)
    public Response report(@PathParam("county") String county, @PathParam("id") long id,
            @QueryParam("problems") @DefaultValue("false") boolean problems) {
        ImportJobView job = service.get(id);
        if (!job.reportAvailable()) {
            // Refused before any byte is streamed.
            throw new cn.fpjc.core.platform.error.ApiException(RegistryError.IMPORT_STATE_CONFLICT, job.statusLabel());
        }
        StreamingOutput body = out -> service.report(id, problems, out);
        return Downloads.attachment(Response.ok(body), "导入结果-" + id + ".xlsx");
    }
}
