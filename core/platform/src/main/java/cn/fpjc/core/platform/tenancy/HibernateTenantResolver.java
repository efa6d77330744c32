package cn.fpjc.core.platform.tenancy;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.hibernate.orm.runtime.tenant.TenantResolver;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Tells Hibernate which tenant a new session belongs to: an explicit {@link TenantScope} binding
 * (jobs) wins, otherwise the tenant that {@link TenantAccess} bound to the current request.
 * With neither, opening a tenant session is a programming error and fails loudly.
 */
@ApplicationScoped
@PersistenceUnitExtension
public class HibernateTenantResolver implements TenantResolver {
    /** Used only by Hibernate at boot; connections for it stay on the control database. */
    public static final String NO_TENANT = "__none__";

    @Override
    public String getDefaultTenantId() {
        return NO_TENANT;
    }

    @Override
    public String resolveTenantId() {
        String tenant = TenantScope.current();
        if (tenant != null) {
            return tenant;
        }
        throw new IllegalStateException("No tenant bound: tenant data was used outside a @TenantScoped request or TenantScope");
    }
}
