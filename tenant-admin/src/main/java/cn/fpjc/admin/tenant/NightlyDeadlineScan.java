package cn.fpjc.admin.tenant;

import cn.fpjc.core.monitoring.DeadlineScanService;
import cn.fpjc.core.tenancy.TenantInfo;
import cn.fpjc.core.tenancy.TenantStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Scans every active county's deadlines each night (before the data-quality run), so the morning's overdue counts and
 * flags are ready. One county failing does not stop the others.
 */
@ApplicationScoped
public class NightlyDeadlineScan {
    private static final Logger LOG = Logger.getLogger(NightlyDeadlineScan.class);

    @Inject
    DeadlineScanService scans;

    @Scheduled(cron = "${fpjc.deadline-scan.nightly-cron:0 30 1 * * ?}", timeZone = "Asia/Shanghai",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void runAll() {
        List<TenantInfo> active = QuarkusTransaction.requiringNew().call(() -> Tenant.<Tenant>listAll().stream().map(Tenant::toInfo)
                .filter(t -> t.status() == TenantStatus.ACTIVE).toList());
        for (TenantInfo tenant : active) {
            try {
                scans.scan(tenant, "NIGHTLY");
            } catch (Exception e) {
                LOG.errorf(e, "nightly deadline scan of %s failed", tenant.code());
            }
        }
    }
}
