package cn.fpjc.core.policy.form;

import cn.fpjc.core.platform.error.PlatformError;

import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.platform.tenancy.TenantAccess;
import cn.fpjc.core.platform.tenancy.TenantInfo;
import cn.fpjc.core.platform.tenancy.TenantScoped;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;

/** The extra fields a form has in the caller's county, so any client can render and pre-check them. */
@Path("/api/counties/{county}/forms/{form}/fields")
@TenantScoped
@Authenticated
public class FormExtensionResource {
    @Inject
    FormExtensions extensions;

    @Inject
    TenantAccess access;

    @GET
    public List<FormField> fields(@PathParam("county") String county, @PathParam("form") String form) {
        if (!FormExtensionCatalogue.isKnownForm(form)) {
            throw new ApiException(PlatformError.NOT_FOUND, "表单 " + form);
        }
        TenantInfo tenant = access.current();
        return extensions.fields(tenant.provinceId(), tenant.code(), form);
    }
}
