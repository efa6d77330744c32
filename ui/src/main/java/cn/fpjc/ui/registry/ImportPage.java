package cn.fpjc.ui.registry;

import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.ui.common.FormSubmit;
import cn.fpjc.core.registry.RegistryService;
import cn.fpjc.core.registry.importing.ImportJobView;
import cn.fpjc.core.registry.importing.RegistryImportService;
import cn.fpjc.core.platform.security.CurrentUser;
import cn.fpjc.core.platform.tenancy.TenantAccess;
import cn.fpjc.core.platform.tenancy.TenantInfo;
import cn.fpjc.ui.common.Names;
import cn.fpjc.ui.common.PageUser;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * 批量导入 pages: upload a file with the user's choice of how to write, then a job page that refreshes itself
 * while the worker runs (a plain meta refresh: nothing to install on a slow laptop), shows the counts and the
 * rows with problems, offers the result report and, for a checked job, the choice to write it.
 */
@Path("/households/import")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class ImportPage {
    static final int PREVIEW_ROWS = 100;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance imports();

        static native TemplateInstance job();
    }

    @Inject
    Names names;

    @Inject
    TenantAccess access;

    @Inject
    RegistryImportService imports;

    @Inject
    CurrentUser user;

    @GET
    public Response list() {
        return page(null, 200);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@RestForm("file") FileUpload file, @RestForm("mode") String mode) {
        access.bind(null);
        try {
            ImportJobView job = imports.start(file == null || file.fileName() == null || file.fileName().isBlank() ? null : file.fileName(),
                    file == null || file.fileName() == null || file.fileName().isBlank() ? null : file.uploadedFile(), ImportJobView.Mode.parse(mode));
            return Response.seeOther(URI.create("/households/import/" + job.id())).build();
        } catch (RuntimeException failure) {
            ApiException e = FormSubmit.refusal(failure);
            return page(e.humanMessage(), e.code().status());
        }
    }

    private Response page(String error, int status) {
        TenantInfo tenant = access.bind(null);
        user.requireAnyRole(RegistryService.WRITERS);
        List<ImportJobView> jobs = imports.list(20);
        return Response.status(status).entity(Templates.imports().data("user", PageUser.of(user)).data("tenantName", tenant.name())
                .data("jobs", jobs).data("users", names.users(jobs.stream().map(ImportJobView::createdBy))).data("modes", Arrays.asList(ImportJobView.Mode.values())).data("error", error)).build();
    }

    @GET
    @Path("/{id}")
    public Response job(@PathParam("id") long id) {
        return jobPage(id, null, 200);
    }

    @POST
    @Path("/{id}/commit")
    public Response commit(@PathParam("id") long id, @RestForm String mode) {
        access.bind(null);
        try {
            imports.commit(id, ImportJobView.Mode.parse(mode));
            return Response.seeOther(URI.create("/households/import/" + id)).build();
        } catch (RuntimeException failure) {
            ApiException e = FormSubmit.refusal(failure);
            return jobPage(id, e.humanMessage(), e.code().status());
        }
    }

    private Response jobPage(long id, String error, int status) {
        TenantInfo tenant = access.bind(null);
        ImportJobView job = imports.get(id);
        List<?> problems = job.reportAvailable() ? imports.rows(id, 0, PREVIEW_ROWS, true) : List.of();
        Response.ResponseBuilder r = Response.status(status).entity(Templates.job().data("user", PageUser.of(user))
                .data("tenantName", tenant.name()).data("job", job).data("users", names.users(java.util.stream.Stream.of(job.createdBy())))
                .data("problems", problems).data("previewRows", PREVIEW_ROWS)
                .data("error", error));
        if (job.running()) {
            // The page polls itself while the worker runs (2 s: light on the server and on a slow laptop).
            r.header("Refresh", "2");
        }
        return r.header("Cache-Control", "no-store").build();
    }
}
