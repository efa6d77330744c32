package cn.fpjc.admin.tenant;

import cn.fpjc.core.error.ApiException;
import cn.fpjc.core.error.ErrorCode;
import cn.fpjc.core.security.CurrentUser;
import cn.fpjc.core.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/**
 * The tenant registry for platform admins (all counties) and province admins (their province's
 * counties only). Onboarding is an API call: the county is serving when it returns.
 */
@Path("/api/admin/tenants")
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.PROVINCE_ADMIN})
public class TenantResource {
    @Inject
    TenantService service;

    @Inject
    CurrentUser user;

    @GET
    @Transactional
    public List<TenantView> list() {
        return service.list(provinceScope());
    }

    @GET
    @Path("/{code}")
    @Transactional
    public TenantView get(@PathParam("code") String code) {
        return checkScope(service.get(code));
    }

    /** 201 with the new tenant; 200 with the existing one when the same county is onboarded again. */
    @POST
    public Response onboard(@Valid OnboardRequest request) {
        String scope = provinceScope();
        if (scope != null && !scope.equals(request.province())) {
            throw new ApiException(ErrorCode.PROVINCE_SCOPE);
        }
        TenantService.Onboarded result = service.onboard(user.username(), request);
        if (result.tenant().status() != cn.fpjc.core.tenancy.TenantStatus.ACTIVE && result.tenant().lastError() != null) {
            throw new ApiException(ErrorCode.TENANT_PROVISIONING_FAILED, result.tenant().code());
        }
        return (result.created() ? Response.created(URI.create("/api/admin/tenants/" + result.tenant().code())) : Response.ok())
                .entity(result.tenant()).build();
    }

    @POST
    @Path("/{code}/suspend")
    public TenantView suspend(@PathParam("code") String code) {
        get(code);
        return service.suspend(user.username(), code);
    }

    @POST
    @Path("/{code}/resume")
    public TenantView resume(@PathParam("code") String code) {
        get(code);
        return service.resume(user.username(), code);
    }

    /** null for platform admins (all provinces), the admin's province otherwise. */
    private String provinceScope() {
        if (user.hasRole(Roles.PLATFORM_ADMIN)) {
            return null;
        }
        String province = user.province();
        if (province == null) {
            throw new ApiException(ErrorCode.FORBIDDEN);
        }
        return province;
    }

    private TenantView checkScope(TenantView tenant) {
        String scope = provinceScope();
        if (scope != null && !scope.equals(tenant.provinceId())) {
            // Same answer as for a code that does not exist: other provinces' counties are not disclosed.
            throw new ApiException(ErrorCode.NOT_FOUND, "县（区）" + tenant.code());
        }
        return tenant;
    }
}
