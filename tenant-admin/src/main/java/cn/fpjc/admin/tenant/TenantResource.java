package cn.fpjc.admin.tenant;

import cn.fpjc.core.platform.web.Page;
import cn.fpjc.admin.error.AdminError;
import cn.fpjc.core.platform.error.PlatformError;

import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.platform.security.CurrentUser;
import cn.fpjc.core.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import cn.fpjc.core.platform.tenancy.TenantStatus;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;

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

    /**
     * Counties in the caller's reach, optionally filtered by a code or name fragment ({@code q})
     * and a status, paged ({@code page} from 0, {@code size} up to 200). The total is in X-Total-Count.
     */
    @GET
    @Transactional
    public Response list(@QueryParam("q") String q, @QueryParam("status") String status,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        return search(q, parseStatus(status), page, size).toResponse();
    }

    /** null for blank; a clear 400 for a status that does not exist. */
    public static TenantStatus parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return TenantStatus.valueOf(status.strip());
        } catch (IllegalArgumentException e) {
            throw new ApiException(PlatformError.VALIDATION_FAILED, "未知状态 " + status + "，可用：" + java.util.Arrays.toString(TenantStatus.values()));
        }
    }

    /** The same search, for pages. */
    @Transactional
    public Page<TenantView> search(String q, TenantStatus status, int page, int size) {
        return search(q, status, TenantService.BY_CODE, page, size);
    }

    /** The same search in the order asked for ({@link TenantService#SORTS}), for the page. */
    @Transactional
    public Page<TenantView> search(String q, TenantStatus status, cn.fpjc.core.platform.web.SortBy sort, int page, int size) {
        return service.search(provinceScope(), q, status, sort, page, Math.min(Math.max(size, 1), 200));
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
            throw new ApiException(AdminError.PROVINCE_SCOPE);
        }
        if (request.cluster() != null && !request.cluster().isBlank() && !user.hasRole(Roles.PLATFORM_ADMIN)) {
            throw new ApiException(PlatformError.FORBIDDEN, "只有平台管理员可以指定数据库集群");
        }
        TenantService.Onboarded result = service.onboard(user.username(), request);
        if (result.tenant().status() != cn.fpjc.core.platform.tenancy.TenantStatus.ACTIVE && result.tenant().lastError() != null) {
            throw new ApiException(AdminError.TENANT_PROVISIONING_FAILED, result.tenant().code());
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
            throw new ApiException(PlatformError.FORBIDDEN);
        }
        return province;
    }

    private TenantView checkScope(TenantView tenant) {
        String scope = provinceScope();
        if (scope != null && !scope.equals(tenant.provinceId())) {
            // Same answer as for a code that does not exist: other provinces' counties are not disclosed.
            throw new ApiException(PlatformError.NOT_FOUND, "县（区）" + tenant.code());
        }
        return tenant;
    }
}
