package cn.fpjc.ui.admin;

import cn.fpjc.core.platform.error.PlatformError;
import cn.fpjc.ui.common.FormSubmit;

import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.platform.org.OrgUnitRequests;
import cn.fpjc.core.platform.org.OrgTreeImport;
import cn.fpjc.core.platform.org.OrgUnitService;
import cn.fpjc.core.platform.security.CurrentUser;
import cn.fpjc.core.platform.security.Roles;
import cn.fpjc.core.platform.tenancy.TenantAccess;
import cn.fpjc.core.platform.tenancy.TenantInfo;
import cn.fpjc.ui.common.PageUser;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.jboss.resteasy.reactive.RestForm;

/** The county's townships and villages, as far as the user's org unit reaches; the county admin adds units. */
@Path("/org-units")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class OrgUnitPage {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance units();
    }

    @Inject
    TenantAccess access;

    @Inject
    OrgUnitService service;

    @Inject
    CurrentUser user;

    @Inject
    OrgTreeImport tree;

    @Inject
    cn.fpjc.core.platform.files.FileLimits limits;

    @GET
    @Transactional
    public TemplateInstance list() {
        return page(access.bind(null));
    }

    @POST
    public Response add(@RestForm String code, @RestForm String name) {
        TenantInfo tenant = access.bind(null);
        try {
            if (!user.hasRole(Roles.COUNTY_ADMIN)) {
                throw new ApiException(PlatformError.FORBIDDEN);
            }
            service.create(tenant.code(), new OrgUnitRequests.Create(code == null ? "" : code.strip(), name == null ? "" : name.strip()));
            return Response.seeOther(URI.create("/org-units")).build();
        } catch (RuntimeException failure) {
            ApiException e = FormSubmit.refusal(failure);
            return Response.status(e.code().status()).entity(page(tenant).data("error", e.humanMessage())).build();
        }
    }

    /** 导入乡镇和村: a sheet with 代码 and 名称, each row reported (县级管理员). */
    @POST
    @Path("/import")
    @jakarta.ws.rs.Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response importTree(@RestForm("file") org.jboss.resteasy.reactive.multipart.FileUpload file) {
        TenantInfo tenant = access.bind(null);
        try {
            if (file == null || file.size() == 0) {
                throw new ApiException(PlatformError.VALIDATION_FAILED, null, java.util.List.of(new cn.fpjc.core.platform.error.ErrorBody.FieldError(
                        "file", "请选择文件（.xlsx或.csv，表头为“代码”“名称”）")));
            }
            java.util.List<OrgTreeImport.RowResult> results = tree.importTree(tenant.code(), file.uploadedFile(), file.fileName(), limits);
            return Response.ok(page(tenant).data("results", results)).build();
        } catch (RuntimeException failure) {
            ApiException e = FormSubmit.refusal(failure);
            return Response.status(e.code().status()).entity(page(tenant).data("error", cn.fpjc.ui.common.Forms.allMessages(e))).build();
        }
    }

    private TemplateInstance page(TenantInfo tenant) {
        return Templates.units().data("user", PageUser.of(user)).data("tenantName", tenant.name())
                .data("units", service.listVisible(user.orgCode())).data("canEdit", user.hasRole(Roles.COUNTY_ADMIN));
    }
}
