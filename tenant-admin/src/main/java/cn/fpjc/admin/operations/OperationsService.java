package cn.fpjc.admin.operations;

import cn.fpjc.admin.tenant.Tenant;
import cn.fpjc.admin.cluster.ClusterServers;
import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.platform.error.PlatformError;
import cn.fpjc.core.platform.jobs.BackgroundJobs;
import cn.fpjc.core.platform.jobs.NightlyJobSummary;
import cn.fpjc.core.platform.plugin.ProvincePlugin;
import cn.fpjc.core.platform.plugin.ProvincePluginRegistry;
import cn.fpjc.core.platform.tenancy.TenantStatus;
import cn.fpjc.core.platform.web.Page;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every county's operational status on one page of the registry (README "Platform operations view"): the registry's row,
 * the server and size of its database, its last migration and its nightly jobs. A page costs a fixed number of queries
 * whatever its length: the registry page, one information_schema query, one UNION over the page's changelog tables and
 * two grouped queries over background_run.
 */
@ApplicationScoped
public class OperationsService {
    /** At most this many counties per page: each page reads every one of their DATABASECHANGELOG tables. */
    public static final int MAX_PAGE = 50;
    /** How far back failed nightly runs are counted. */
    public static final Duration FAILURE_WINDOW = Duration.ofDays(7);

    @Inject
    ProvincePluginRegistry plugins;

    @Inject
    ClusterServers servers;

    @Inject
    TenantDatabaseStats databases;

    @Inject
    BackgroundJobs jobs;

    /** Counties with {@code status} (null: all) in {@code province} (a plug-in id; null or blank: all), in code order. */
    public Page<TenantOperationsView> search(TenantStatus status, String province, int page, int size) {
        String provinceId = province == null || province.isBlank() ? null : province.strip();
        if (provinceId != null && plugins.find(provinceId).isEmpty()) {
            throw new ApiException(PlatformError.VALIDATION_FAILED, "未知省份 " + provinceId + "，可用："
                    + plugins.all().stream().map(ProvincePlugin::id).sorted().collect(Collectors.joining("、")));
        }
        // The registry page in a short control-plane transaction; the metadata reads below run outside it, on their own pools.
        Page<Tenant> tenants = QuarkusTransaction.requiringNew().call(() -> {
            StringBuilder where = new StringBuilder("1 = 1");
            Map<String, Object> params = new HashMap<>();
            if (status != null) {
                where.append(" and status = :status");
                params.put("status", status);
            }
            if (provinceId != null) {
                where.append(" and provinceId = :province");
                params.put("province", provinceId);
            }
            return Page.of(Tenant.<Tenant>find(where.toString(), Sort.ascending("code"), params), page, size, MAX_PAGE, rows -> rows);
        });
        List<Tenant> rows = tenants.items();
        // Each cluster's databases are measured on that cluster: one grouped read per cluster on the page.
        Map<String, DatabaseFacts> facts = new java.util.HashMap<>();
        rows.stream().collect(Collectors.groupingBy(t -> t.clusterName, java.util.TreeMap::new, Collectors.mapping(t -> t.databaseName, Collectors.toList())))
                .forEach((cluster, names) -> facts.putAll(databases.read(cluster, names)));
        Map<String, List<NightlyJobSummary>> nightly = jobs.nightlySummary(rows.stream().map(t -> t.code).toList(), FAILURE_WINDOW)
                .stream().collect(Collectors.groupingBy(NightlyJobSummary::county));
        Map<String, String> serverByCluster = servers.serversOf(rows.stream().map(t -> t.clusterName).collect(Collectors.toSet()));
        List<TenantOperationsView> views = rows.stream().map(t -> view(t, serverByCluster.get(t.clusterName),
                facts.getOrDefault(t.databaseName, DatabaseFacts.MISSING), nightly.getOrDefault(t.code, List.of()))).toList();
        return new Page<>(views, tenants.total(), tenants.page(), tenants.size());
    }

    private TenantOperationsView view(Tenant t, String server, DatabaseFacts db, List<NightlyJobSummary> nightly) {
        String provinceName = plugins.find(t.provinceId).map(ProvincePlugin::displayName).orElse(t.provinceId);
        int failures = nightly.stream().mapToInt(NightlyJobSummary::recentFailures).sum();
        return new TenantOperationsView(t.code, t.name, t.provinceId, provinceName, t.status, t.status.label(), server,
                t.databaseName, t.schemaVersion, db.lastMigrationAt(), db.changesets(), db.tables(), db.bytes(),
                Math.round(db.bytes() / 104_857.6) / 10.0, db.rows(), db.problem(), t.lastError, nightly, failures, failures > 0);
    }
}
