package cn.fpjc.admin.tenant;

import cn.fpjc.core.platform.tenancy.TenantDirectory;
import cn.fpjc.core.platform.tenancy.TenantInfo;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import cn.fpjc.core.platform.tenancy.TenantStatus;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The request path's view of the registry: an in-memory snapshot, so checking a tenant costs no
 * SQL. Every change made through {@link TenantService} refreshes the entry it touched at once; a
 * full {@link #reload()} runs at startup and then every fpjc.tenancy.registry-refresh (30 s), so a
 * suspension made on one replica reaches the others within that interval.
 */
@ApplicationScoped
public class TenantRegistry implements TenantDirectory {
    private final Map<String, TenantInfo> snapshot = new ConcurrentHashMap<>();

    @Override
    public Optional<TenantInfo> find(String tenantCode) {
        return Optional.ofNullable(tenantCode == null ? null : snapshot.get(tenantCode));
    }

    @Override
    public List<TenantInfo> active() {
        return QuarkusTransaction.requiringNew().call(() -> Tenant.<Tenant>listAll().stream().map(Tenant::toInfo)
                .filter(t -> t.status() == TenantStatus.ACTIVE).sorted(Comparator.comparing(TenantInfo::code)).toList());
    }

    @Scheduled(every = "${fpjc.tenancy.registry-refresh:30s}", delayed = "${fpjc.tenancy.registry-refresh:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void reload() {
        var all = QuarkusTransaction.requiringNew().call(() -> Tenant.<Tenant>listAll().stream().map(Tenant::toInfo).toList());
        // Replace entry by entry: a request never sees an empty registry in between.
        all.forEach(t -> snapshot.put(t.code(), t));
        snapshot.keySet().retainAll(all.stream().map(TenantInfo::code).toList());
    }

    /** Puts a changed tenant in this replica's snapshot at once (the others see it at their next refresh). */
    public void put(TenantInfo info) {
        snapshot.put(info.code(), info);
    }
}
