package cn.fpjc.admin.tenant;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * At startup, after Quarkus has migrated the control database: load the registry, then leave up-to-date tenants alone
 * and queue the others for background migration ({@link TenantService#startupMigrations()}).
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
        tenants.startupMigrations();
    }
}
