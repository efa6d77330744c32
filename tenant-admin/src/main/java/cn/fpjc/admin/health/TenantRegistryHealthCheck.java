package cn.fpjc.admin.health;

import cn.fpjc.admin.tenant.Tenant;
import cn.fpjc.core.platform.tenancy.TenantStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness: the registry is readable; reports how many tenants are in each state and names the
 * FAILED ones. A failed tenant does not make the instance unready: the other counties are served.
 */
@Readiness
@ApplicationScoped
public class TenantRegistryHealthCheck implements HealthCheck {
    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("tenant-registry");
        try {
            List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> Tenant.getEntityManager()
                    .createQuery("select t.status, count(t) from Tenant t group by t.status", Object[].class).getResultList());
            Map<TenantStatus, Long> counts = new EnumMap<>(TenantStatus.class);
            rows.forEach(r -> counts.put((TenantStatus) r[0], (Long) r[1]));
            for (TenantStatus s : TenantStatus.values()) {
                builder.withData(s.name(), counts.getOrDefault(s, 0L));
            }
            if (counts.getOrDefault(TenantStatus.FAILED, 0L) > 0) {
                List<String> failed = QuarkusTransaction.requiringNew().call(() -> Tenant.<Tenant>list("status", TenantStatus.FAILED)
                        .stream().map(t -> t.code).toList());
                builder.withData("failedTenants", String.join(",", failed));
            }
            return builder.up().build();
        } catch (RuntimeException e) {
            return builder.down().withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
