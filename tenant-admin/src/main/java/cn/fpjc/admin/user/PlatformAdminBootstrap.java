package cn.fpjc.admin.user;

import cn.fpjc.core.platform.clock.AppClock;
import cn.fpjc.admin.audit.PlatformAudit;
import cn.fpjc.admin.tenant.TenantStartup;
import cn.fpjc.core.platform.security.Roles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * A production database starts without users. When FPJC_BOOTSTRAP_ADMIN_PASSWORD is set and no
 * platform admin exists yet, the first start creates one (username from
 * FPJC_BOOTSTRAP_ADMIN_USERNAME, default "admin"); later starts leave users alone.
 */
@ApplicationScoped
public class PlatformAdminBootstrap {
    @Inject
    AppClock clock;

    private static final Logger LOG = Logger.getLogger(PlatformAdminBootstrap.class);

    @ConfigProperty(name = "fpjc.bootstrap.admin-username", defaultValue = "admin")
    String username;

    @ConfigProperty(name = "fpjc.bootstrap.admin-password")
    Optional<String> password;

    @Inject
    PasswordHasher hasher;

    @Inject
    PlatformAudit audit;

    void onStart(@Observes @Priority(TenantStartup.PRIORITY + 5) StartupEvent event) {
        if (password.isEmpty() || password.get().isBlank()) {
            return;
        }
        if (password.get().length() < 12) {
            throw new IllegalStateException("FPJC_BOOTSTRAP_ADMIN_PASSWORD must be at least 12 characters");
        }
        QuarkusTransaction.requiringNew().run(() -> {
            if (UserAccount.count("roles like ?1", "%" + Roles.PLATFORM_ADMIN + "%") > 0) {
                return;
            }
            UserAccount admin = new UserAccount();
            admin.username = username;
            admin.displayName = "平台管理员";
            admin.roles = Roles.PLATFORM_ADMIN;
            admin.passwordHash = hasher.hash(password.get());
            admin.createdAt = clock.now();
            admin.persist();
            audit.record("system", "BOOTSTRAP", "app_user", username, null, Map.of("roles", Roles.PLATFORM_ADMIN));
            LOG.infof("Created the first platform admin '%s'", username);
        });
    }
}
