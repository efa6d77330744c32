package cn.fpjc.core.platform.tenancy;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/** Runs {@link TenantAccess#bind} for every {@link TenantScoped} resource. */
@Provider
@TenantScoped
@Priority(Priorities.AUTHORIZATION + 10)
public class TenantGuardFilter implements ContainerRequestFilter {
    @Inject
    TenantAccess access;

    @Override
    public void filter(ContainerRequestContext ctx) {
        access.bind(ctx.getUriInfo().getPathParameters().getFirst("county"));
    }
}
