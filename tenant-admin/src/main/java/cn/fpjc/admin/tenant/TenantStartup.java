package cn.fpjc.admin.tenant;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * At startup, after Quarkus has migrated the control database: load the registry, then migrate
 * every tenant sequentially. A failing tenant is marked FAILED and startup carries on.
 */
@ApplicationScoped
public class TenantStartup {
    public static final int PRIORITY = 100;

    @Inject
    TenantRegistry registry;

    @Inject
    TenantService tenants;

    void onStart(@Observes @Priority(PRIORITY) StartupEvent event) {
        registry.reload();
        tenants.migrateAll();
    }
}
