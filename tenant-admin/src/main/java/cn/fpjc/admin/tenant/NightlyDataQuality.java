package cn.fpjc.admin.tenant;

import cn.fpjc.core.registry.quality.DataQualityService;
import cn.fpjc.core.tenancy.TenantInfo;
import cn.fpjc.core.tenancy.TenantStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Runs the data-quality checks (疑点) for every active county each night, one county after another, so the
 * morning's findings are fresh without anyone pressing a button. One county failing does not stop the others.
 */
@ApplicationScoped
public class NightlyDataQuality {
    private static final Logger LOG = Logger.getLogger(NightlyDataQuality.class);

    @Inject
    DataQualityService dataQuality;

    @Scheduled(cron = "${fpjc.data-quality.nightly-cron:0 30 2 * * ?}", timeZone = "Asia/Shanghai",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void runAll() {
        List<TenantInfo> active = QuarkusTransaction.requiringNew().call(() -> Tenant.<Tenant>listAll().stream().map(Tenant::toInfo)
                .filter(t -> t.status() == TenantStatus.ACTIVE).toList());
        for (TenantInfo tenant : active) {
            try {
                dataQuality.runNow(tenant, "NIGHTLY", "system");
            } catch (Exception e) {
                LOG.errorf(e, "nightly data quality of %s failed", tenant.code());
            }
        }
    }
}
