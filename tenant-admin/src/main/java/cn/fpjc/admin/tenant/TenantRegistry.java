package cn.fpjc.admin.tenant;

import cn.fpjc.core.tenancy.TenantDirectory;
import cn.fpjc.core.tenancy.TenantInfo;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The request path's view of the registry: an in-memory snapshot, so checking a tenant costs no
 * SQL. Every change made through {@link TenantService} refreshes the entry it touched; a full
 * {@link #reload()} runs at startup.
 */
@ApplicationScoped
public class TenantRegistry implements TenantDirectory {
    private final Map<String, TenantInfo> snapshot = new ConcurrentHashMap<>();

    @Override
    public Optional<TenantInfo> find(String tenantCode) {
        return Optional.ofNullable(tenantCode == null ? null : snapshot.get(tenantCode));
    }

    public void reload() {
        var all = QuarkusTransaction.requiringNew().call(() -> Tenant.<Tenant>listAll().stream().map(Tenant::toInfo).toList());
        snapshot.clear();
        all.forEach(t -> snapshot.put(t.code(), t));
    }

    void put(TenantInfo info) {
        snapshot.put(info.code(), info);
    }
}
