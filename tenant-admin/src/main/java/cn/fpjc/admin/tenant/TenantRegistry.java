package cn.fpjc.admin.tenant;

import cn.fpjc.core.platform.clock.AppClock;
import cn.fpjc.core.platform.tenancy.TenantDirectory;
import cn.fpjc.core.platform.tenancy.TenancyConfig;
import cn.fpjc.core.platform.tenancy.TenantInfo;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import cn.fpjc.core.platform.tenancy.TenantStatus;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The request path's view of the registry: an in-memory snapshot, so checking an ACTIVE tenant costs no SQL. Every change
 * made through {@link TenantService} refreshes the entry it touched at once; a full {@link #reload()} runs at startup and
 * then every fpjc.tenancy.registry-refresh (10 s), so a suspension made on one replica reaches the others within that
 * interval.
 * <p>
 * What this replica does not know yet is read from the control database on demand: a county onboarded on another
 * replica serves here on its first request, and a county this replica holds as not ACTIVE (being provisioned, failed,
 * suspended) is read again, so its resumption arrives as fast. Both reads are bounded to one per county per
 * fpjc.tenancy.registry-recheck (3 s), the unknown answer included, so requests for random codes cannot hammer the
 * database.
 */
@ApplicationScoped
public class TenantRegistry implements TenantDirectory {
    /** County codes are six digits (GB/T 2260); nothing else is worth a query. */
    private static final Pattern CODE = Pattern.compile("\\d{6}");
    /** Above this many remembered reads, the expired ones are dropped (a scan of every code stays bounded). */
    private static final int MAX_RECHECKS = 10_000;

    private final Map<String, TenantInfo> snapshot = new ConcurrentHashMap<>();
    /** When each county not in the snapshot as ACTIVE was last read from the database (machine millis). */
    private final Map<String, Long> checkedAt = new ConcurrentHashMap<>();

    @Inject
    AppClock clock;

    @Inject
    TenancyConfig config;

    @Override
    public Optional<TenantInfo> find(String tenantCode) {
        if (tenantCode == null) {
            return Optional.empty();
        }
        TenantInfo known = snapshot.get(tenantCode);
        if ((known != null && known.status() == TenantStatus.ACTIVE) || !CODE.matcher(tenantCode).matches() || !claimRead(tenantCode)) {
            return Optional.ofNullable(known);
        }
        Optional<TenantInfo> row = QuarkusTransaction.requiringNew().call(() -> Tenant.<Tenant>findByIdOptional(tenantCode).map(Tenant::toInfo));
        row.ifPresentOrElse(t -> snapshot.put(t.code(), t), () -> snapshot.remove(tenantCode));
        return row;
    }

    /**
     * Whether this caller reads {@code code} from the database now: not within fpjc.tenancy.registry-recheck of the last
     * read, and only one of several requests arriving together (the others answer from the snapshot).
     */
    private boolean claimRead(String code) {
        long now = clock.machineNow().toEpochMilli();
        long recheck = config.registryRecheck().toMillis();
        Long last = checkedAt.get(code);
        if (last != null && now - last < recheck) {
            return false;
        }
        boolean claimed = last == null ? checkedAt.putIfAbsent(code, now) == null : checkedAt.replace(code, last, now);
        if (claimed && checkedAt.size() > MAX_RECHECKS) {
            checkedAt.values().removeIf(at -> now - at >= recheck);
        }
        return claimed;
    }

    @Override
    public List<TenantInfo> active() {
        return QuarkusTransaction.requiringNew().call(() -> Tenant.<Tenant>listAll().stream().map(Tenant::toInfo)
                .filter(t -> t.status() == TenantStatus.ACTIVE).sorted(Comparator.comparing(TenantInfo::code)).toList());
    }

    @Scheduled(every = "${fpjc.tenancy.registry-refresh:10s}", delayed = "${fpjc.tenancy.registry-refresh:10s}",
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
