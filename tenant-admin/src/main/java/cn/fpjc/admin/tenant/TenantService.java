package cn.fpjc.admin.tenant;

import cn.fpjc.core.platform.clock.AppClock;
import cn.fpjc.admin.error.AdminError;
import cn.fpjc.core.platform.error.PlatformError;

import cn.fpjc.admin.audit.PlatformAudit;
import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.platform.plugin.ProvincePlugin;
import cn.fpjc.core.platform.plugin.ProvincePluginRegistry;
import cn.fpjc.core.platform.tenancy.TenancyConfig;
import cn.fpjc.core.platform.tenancy.TenantStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import cn.fpjc.core.platform.web.Page;
import java.util.List;
import java.util.Map;
import cn.fpjc.core.platform.jobs.JobFailedException;
import org.jboss.logging.Logger;

/**
 * Onboarding, suspension and migration of county tenants. Registry rows change in short
 * control-plane transactions; the DDL of a migration runs between them, outside any transaction.
 */
@ApplicationScoped
public class TenantService {
    @Inject
    AppClock clock;

    private static final Logger LOG = Logger.getLogger(TenantService.class);
    static final String ENTITY = "tenant";

    @Inject
    ProvincePluginRegistry plugins;

    @Inject
    TenantMigrator migrator;

    @Inject
    TenantPlacement clusters;

    @Inject
    cn.fpjc.core.platform.jobs.BackgroundJobs jobs;

    @Inject
    TenantRegistry registry;

    @Inject
    TenancyConfig tenancy;

    @Inject
    PlatformAudit audit;

    /** The result of an onboarding call: the tenant, and whether this call created it. */
    public record Onboarded(TenantView tenant, boolean created) {
    }

    public List<TenantView> list(String provinceFilter) {
        return search(provinceFilter, null, null, 0, Integer.MAX_VALUE).items();
    }

    /**
     * Counties matching a code or name fragment and a status, in code order.
     *
     * @param provinceFilter null for all provinces
     */
    public Page<TenantView> search(String provinceFilter, String text, TenantStatus status, int page, int size) {
        return search(provinceFilter, text, status, BY_CODE, page, size);
    }

    /** The columns the registry may be sorted by (代码 is the key; ties by code the same way round). */
    public static final Map<String, String> SORTS = cn.fpjc.core.platform.web.SortBy.columns("code", "代码", "name", "名称",
            "provinceId", "省份");

    /** The registry's default order: by code. */
    public static final cn.fpjc.core.platform.web.SortBy BY_CODE = new cn.fpjc.core.platform.web.SortBy("code", false);

    /** The same search in the order asked for ({@link #SORTS}). */
    public Page<TenantView> search(String provinceFilter, String text, TenantStatus status, cn.fpjc.core.platform.web.SortBy sort, int page,
            int size) {
        if (!SORTS.containsKey(sort.column())) {
            throw new IllegalArgumentException("not a tenant sort: " + sort.column());
        }
        Sort.Direction direction = sort.descending() ? Sort.Direction.Descending : Sort.Direction.Ascending;
        Sort order = sort.column().equals("code") ? Sort.by("code", direction) : Sort.by(sort.column(), direction).and("code", direction);
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (provinceFilter != null) {
            where.append(" and provinceId = :province");
            params.put("province", provinceFilter);
        }
        if (text != null && !text.isBlank()) {
            where.append(" and (code like :text or name like :text)");
            params.put("text", "%" + text.strip().replace("%", "").replace("_", "") + "%");
        }
        if (status != null) {
            where.append(" and status = :status");
            params.put("status", status);
        }
        var query = Tenant.<Tenant>find(where.toString(), order, params);
        return Page.of(query, page, size, Integer.MAX_VALUE, rows -> rows.stream().map(this::view).toList());
    }

    public TenantView get(String code) {
        return view(find(code));
    }

    /**
     * Onboards a county: validates, records it PROVISIONING, creates and migrates its database,
     * then marks it ACTIVE (or FAILED with the error). Calling it again with the same code, name
     * and province returns the existing tenant, retrying the migration if it had not succeeded.
     */
    public Onboarded onboard(String actor, OnboardRequest request) {
        String code = request.code().strip();
        if (!code.matches("\\d{6}") || code.endsWith("00")) {
            throw new ApiException(AdminError.COUNTY_CODE_INVALID, code);
        }
        ProvincePlugin plugin = plugins.find(request.province())
                .orElseThrow(() -> new ApiException(AdminError.PROVINCE_PLUGIN_MISSING, request.province()));
        if (!code.startsWith(plugin.provinceCode())) {
            throw new ApiException(AdminError.COUNTY_CODE_PROVINCE_MISMATCH,
                    plugin.displayName() + "的代码以 " + plugin.provinceCode() + " 开头");
        }
        String name = request.name().strip();
        boolean created = QuarkusTransaction.requiringNew().call(() -> {
            Tenant existing = Tenant.findById(code);
            if (existing != null) {
                if (!existing.provinceId.equals(plugin.id()) || !existing.name.equals(name)) {
                    throw new ApiException(AdminError.COUNTY_CODE_TAKEN, code + "（" + existing.name + "）");
                }
                return false;
            }
            Tenant tenant = new Tenant();
            tenant.code = code;
            tenant.name = name;
            tenant.provinceId = plugin.id();
            tenant.status = TenantStatus.PROVISIONING;
            tenant.databaseName = tenancy.databaseFor(code);
            tenant.clusterName = clusters.place(request.cluster());
            tenant.createdAt = clock.now();
            tenant.updatedAt = tenant.createdAt;
            tenant.persist();
            audit.record(actor, "ONBOARD", ENTITY, code, null, snapshot(tenant));
            registry.put(tenant.toInfo());
            return true;
        });
        TenantStatus status = QuarkusTransaction.requiringNew().call(() -> find(code).status);
        if (status == TenantStatus.PROVISIONING || status == TenantStatus.FAILED) {
            migrate(code);
        }
        return new Onboarded(QuarkusTransaction.requiringNew().call(() -> get(code)), created);
    }

    public TenantView suspend(String actor, String code) {
        return changeStatus(actor, code, "SUSPEND", TenantStatus.SUSPENDED, List.of(TenantStatus.ACTIVE, TenantStatus.FAILED));
    }

    public TenantView resume(String actor, String code) {
        return changeStatus(actor, code, "RESUME", TenantStatus.ACTIVE, List.of(TenantStatus.SUSPENDED));
    }

    /**
     * At startup: a tenant whose recorded fingerprint equals this build's ({@link TenantMigrator#fingerprint}) and that is
     * ACTIVE or SUSPENDED is up to date and not checked again. The others are marked MIGRATING at once — they answer 503,
     * every other county serves — and migrate one after another on a background thread; a failing one is marked FAILED
     * with its error. Returns the codes queued, in order.
     */
    public List<String> startupMigrations() {
        long start = System.nanoTime();
        List<Tenant> tenants = QuarkusTransaction.requiringNew().call(() -> Tenant.<Tenant>listAll(Sort.ascending("code")));
        List<String> outdated = new java.util.ArrayList<>();
        for (Tenant t : tenants) {
            var plugin = plugins.find(t.provinceId);
            boolean settled = t.status == TenantStatus.ACTIVE || t.status == TenantStatus.SUSPENDED;
            if (!(settled && plugin.isPresent() && migrator.fingerprint(t.code, plugin.get()).equals(t.schemaFingerprint))) {
                outdated.add(t.code);
            }
        }
        if (!outdated.isEmpty()) {
            QuarkusTransaction.requiringNew().run(() -> Tenant.update("status = ?1, updatedAt = ?2 where code in ?3 and status = ?4",
                    TenantStatus.MIGRATING, clock.now(), outdated, TenantStatus.ACTIVE));
            registry.reload();
            for (String code : outdated) {
                // One run per county, one at a time (Liquibase is not safe to run concurrently in one JVM): each county's
                // upgrade is in its list of background runs, and a crash mid-way is found by the jobs' sweep.
                registry.find(code).ifPresent(info -> jobs.submit("tenant-migration", "数据库升级", info, "system", null, 1, () -> {
                    if (!migrate(code)) {
                        throw new JobFailedException("升级失败：" + QuarkusTransaction.requiringNew().call(() -> find(code).lastError));
                    }
                    return "已升级到当前版本";
                }));
            }
        }
        LOG.infof("Startup: %d tenants, %d up to date, %d queued for migration in the background (checked in %d ms)",
                tenants.size(), tenants.size() - outdated.size(), outdated.size(), (System.nanoTime() - start) / 1_000_000);
        return outdated;
    }

    /**
     * Migrates one tenant; returns false (and records FAILED) if its changelogs could not be
     * applied. While it runs the tenant is PROVISIONING (first time) or MIGRATING; a suspended
     * tenant stays SUSPENDED throughout.
     */
    boolean migrate(String code) {
        TenantStatus initial = QuarkusTransaction.requiringNew().call(() -> find(code).status);
        boolean suspended = initial == TenantStatus.SUSPENDED;
        TenantStatus during = suspended || initial == TenantStatus.PROVISIONING ? initial : TenantStatus.MIGRATING;
        TenantStatus onSuccess = suspended ? TenantStatus.SUSPENDED : TenantStatus.ACTIVE;
        Tenant tenant = setStatus(code, during, null, null, null);
        var plugin = plugins.find(tenant.provinceId);
        if (plugin.isEmpty()) {
            setStatus(code, TenantStatus.FAILED, null, null, "省份插件 " + tenant.provinceId + " 未安装");
            LOG.errorf("Tenant %s: province plug-in %s is not installed", code, tenant.provinceId);
            return false;
        }
        try {
            String fingerprint = migrator.fingerprint(code, plugin.get());
            String version = migrator.migrate(code, tenant.clusterName, tenant.databaseName, plugin.get());
            setStatus(code, onSuccess, version, fingerprint, null);
            return true;
        } catch (Exception e) {
            String error = e.getClass().getSimpleName() + ": " + rootMessage(e);
            LOG.errorf("Tenant %s: migration failed: %s", code, error);
            setStatus(code, TenantStatus.FAILED, null, null, error);
            return false;
        }
    }

    private TenantView changeStatus(String actor, String code, String action, TenantStatus target, List<TenantStatus> from) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Tenant tenant = find(code);
            if (!from.contains(tenant.status)) {
                throw new ApiException(AdminError.TENANT_STATE_CONFLICT, "当前状态：" + tenant.status.label());
            }
            var before = snapshot(tenant);
            tenant.status = target;
            tenant.updatedAt = clock.now();
            audit.record(actor, action, ENTITY, code, before, snapshot(tenant));
            registry.put(tenant.toInfo());
            return view(tenant);
        });
    }

    private Tenant setStatus(String code, TenantStatus status, String schemaVersion, String fingerprint, String error) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Tenant tenant = find(code);
            tenant.status = status;
            if (schemaVersion != null) {
                tenant.schemaVersion = schemaVersion;
                tenant.schemaFingerprint = fingerprint;
            }
            tenant.lastError = error;
            tenant.updatedAt = clock.now();
            registry.put(tenant.toInfo());
            return tenant;
        });
    }

    private static Tenant find(String code) {
        Tenant tenant = Tenant.findById(code);
        if (tenant == null) {
            throw new ApiException(PlatformError.NOT_FOUND, "县（区）" + code);
        }
        return tenant;
    }

    private static java.util.Map<String, Object> snapshot(Tenant t) {
        return java.util.Map.of("code", t.code, "name", t.name, "province", t.provinceId, "status", t.status.name());
    }

    private TenantView view(Tenant t) {
        String provinceName = plugins.find(t.provinceId).map(ProvincePlugin::displayName).orElse(t.provinceId);
        return new TenantView(t.code, t.name, t.provinceId, provinceName, t.status, t.status.label(), t.databaseName, t.clusterName,
                t.schemaVersion, t.lastError, t.createdAt, t.updatedAt);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.length() > 2000 ? message.substring(0, 2000) : message;
    }
}
