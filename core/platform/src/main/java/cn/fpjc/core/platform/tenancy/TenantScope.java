package cn.fpjc.core.platform.tenancy;

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

    public static <T> T call(String tenantCode, Supplier<T> work) {
        String previous = BOUND.get();
        BOUND.set(tenantCode);
        try {
            return work.get();
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
