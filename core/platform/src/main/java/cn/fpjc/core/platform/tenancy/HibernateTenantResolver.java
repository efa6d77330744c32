package cn.fpjc.core.platform.tenancy;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableContext;
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
        String bound = TenantScope.bound();
        if (bound != null) {
            return bound;
        }
        InjectableContext requestContext = Arc.container().getActiveContext(jakarta.enterprise.context.RequestScoped.class);
        if (requestContext != null) {
            TenantInfo tenant = Arc.container().instance(RequestTenant.class).get().get();
            if (tenant != null) {
                return tenant.code();
            }
        }
        throw new IllegalStateException("No tenant bound: tenant data was used outside a @TenantScoped request or TenantScope");
    }
}
