package cn.fpjc.core.platform.tenancy;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * Binds a tenant explicitly for work outside an HTTP request (startup, schedulers, seeding). The
 * binding is per thread and always undone; open a new transaction inside so the Hibernate session
 * is created while the tenant is bound.
 */
public final class TenantScope {
    private static final ThreadLocal<String> BOUND = new ThreadLocal<>();

    private TenantScope() {
    }

    public static String bound() {
        return BOUND.get();
    }

    /**
     * The tenant the current work belongs to: an explicit binding (jobs) wins, otherwise the tenant that
     * {@link TenantAccess} bound to the current request; null with neither.
     */
    public static String current() {
        String bound = BOUND.get();
        if (bound != null) {
            return bound;
        }
        ArcContainer arc = Arc.container();
        if (arc != null && arc.requestContext().isActive()) {
            TenantInfo tenant = arc.instance(RequestTenant.class).get().get();
            return tenant == null ? null : tenant.code();
        }
        return null;
    }

    public static <T> T call(String tenantCode, Supplier<T> work) {
        try {
            return callChecked(tenantCode, work::get);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e); // a Supplier throws nothing checked
        }
    }

    /** The same for work that may throw checked exceptions (background tasks). */
    public static <T> T callChecked(String tenantCode, Callable<T> work) throws Exception {
        String previous = BOUND.get();
        BOUND.set(tenantCode);
        try {
            return work.call();
        } finally {
            if (previous == null) {
                BOUND.remove();
            } else {
                BOUND.set(previous);
            }
        }
    }

    public static void run(String tenantCode, Runnable work) {
        call(tenantCode, () -> {
            work.run();
            return null;
        });
    }
}
