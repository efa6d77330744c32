package cn.fpjc.core.platform.tenancy;

import cn.fpjc.core.platform.error.PlatformError;

import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.platform.security.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * The single gate between a request and a tenant database: the tenant is the one in the verified
 * token, it must match the county in the path (if any), be known to the registry and be ACTIVE (or MOVING, for reads).
 * All checks run before any tenant SQL.
 */
@RequestScoped
public class TenantAccess {
    @Inject
    CurrentUser user;

    @Inject
    TenantDirectory directory;

    @Inject
    RequestTenant requestTenant;

    /**
     * Binds the caller's tenant to this request.
     *
     * @param pathCounty the county code named in the URL, or null when the URL names none
     */
    public TenantInfo bind(String pathCounty) {
        user.requireAuthenticated();
        String tenantCode = user.tenant();
        if (tenantCode == null) {
            throw new ApiException(PlatformError.TENANT_SCOPE_REQUIRED);
        }
        if (pathCounty != null && !pathCounty.equals(tenantCode)) {
            throw new ApiException(PlatformError.TENANT_MISMATCH);
        }
        TenantInfo tenant = directory.find(tenantCode).orElseThrow(() -> new ApiException(PlatformError.TENANT_UNKNOWN));
        switch (tenant.status()) {
            case ACTIVE -> {
            }
            case MOVING -> {
                if (!readOnlyRequest()) {
                    throw new ApiException(PlatformError.TENANT_READ_ONLY);
                }
            }
            case SUSPENDED -> throw new ApiException(PlatformError.TENANT_SUSPENDED);
            default -> throw new ApiException(PlatformError.TENANT_UNAVAILABLE);
        }
        requestTenant.set(tenant);
        return tenant;
    }

    /**
     * Binds the county named in a public URL (no token: e.g. the self-report form). It must be a known, ACTIVE tenant;
     * anything else is "not found", so the public learns nothing about a county's state.
     */
    public TenantInfo bindPublic(String county) {
        TenantInfo tenant = county == null ? null : directory.find(county).orElse(null);
        if (tenant == null || tenant.status() != TenantStatus.ACTIVE) {
            throw new ApiException(PlatformError.NOT_FOUND);
        }
        requestTenant.set(tenant);
        return tenant;
    }

    @Inject
    io.quarkus.vertx.http.runtime.CurrentVertxRequest httpRequest;

    /** GET / HEAD only: what a county being moved may still serve (the copy stays equal to its source). */
    private boolean readOnlyRequest() {
        var context = httpRequest.getCurrent();
        if (context == null) {
            return false;
        }
        var method = context.request().method();
        return method == io.vertx.core.http.HttpMethod.GET || method == io.vertx.core.http.HttpMethod.HEAD;
    }

    public TenantInfo current() {
        return requestTenant.get();
    }
}
