package cn.fpjc.admin.tenant;

import cn.fpjc.core.monitoring.DeadlineScanService;
import cn.fpjc.core.registry.quality.DataQualityService;
import cn.fpjc.core.platform.tenancy.TenantInfo;
import cn.fpjc.core.platform.tenancy.TenantScope;
import cn.fpjc.core.platform.tenancy.TenantStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The nightly work of every active county, one county after another, so the morning's figures are fresh without anyone
 * pressing a button: the deadline scan (01:30) and the data-quality checks (02:30). One county failing does not stop
 * the others.
 */
@ApplicationScoped
public class NightlyJobs {
    private static final Logger LOG = Logger.getLogger(NightlyJobs.class);

    @Inject
    DeadlineScanService deadlines;

    @Inject
    DataQualityService dataQuality;

    interface CountyJob {
        void run(TenantInfo tenant) throws Exception;
    }

    @Scheduled(cron = "${fpjc.deadline-scan.nightly-cron:0 30 1 * * ?}", timeZone = "Asia/Shanghai",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deadlineScan() {
        forEachActiveCounty("deadline scan", tenant -> deadlines.scan(tenant, "NIGHTLY"));
    }

    @Scheduled(cron = "${fpjc.data-quality.nightly-cron:0 30 2 * * ?}", timeZone = "Asia/Shanghai",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void dataQuality() {
        forEachActiveCounty("data quality", tenant -> dataQuality.runNow(tenant, "NIGHTLY", "system"));
    }

    private static void forEachActiveCounty(String what, CountyJob job) {
        List<TenantInfo> active = QuarkusTransaction.requiringNew().call(() -> Tenant.<Tenant>listAll().stream().map(Tenant::toInfo)
                .filter(t -> t.status() == TenantStatus.ACTIVE).toList());
        for (TenantInfo tenant : active) {
            // Bound so that the county's own date applies (AppClock) to everything the job does.
            TenantScope.run(tenant.code(), () -> {
                try {
                    job.run(tenant);
                } catch (Exception e) {
                    LOG.errorf(e, "nightly %s of %s failed", what, tenant.code());
                }
            });
        }
    }
}
