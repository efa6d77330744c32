package cn.fpjc.core.platform.tenancy;

import jakarta.enterprise.context.RequestScoped;

/** The tenant that {@link TenantAccess} checked for the current HTTP request. */
@RequestScoped
public class RequestTenant {
    private TenantInfo tenant;

    public TenantInfo get() {
        return tenant;
    }

    void set(TenantInfo tenant) {
        this.tenant = tenant;
    }
}
