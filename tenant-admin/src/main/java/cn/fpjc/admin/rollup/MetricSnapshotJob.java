package cn.fpjc.admin.rollup;

import cn.fpjc.core.platform.clock.AppClock;
import cn.fpjc.core.platform.jobs.CountyJob;
import cn.fpjc.core.platform.jobs.JobFailedException;
import cn.fpjc.core.platform.tenancy.TenantInfo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every active county's nightly snapshot (default 04:30 Beijing time, after the deadline, 疑点 and loan scans whose
 * results it counts; {@code fpjc.metric-snapshot.nightly-cron}), run once per county across replicas. It is taken as of
 * the day that has just ended (the county's yesterday), so a day's figures are whole and 31 December is the year's last.
 */
@ApplicationScoped
public class MetricSnapshotJob implements CountyJob {
    static final String ID = "metric-snapshot";
    static final String LABEL = "指标快照";

    @Inject
    MetricSnapshots snapshots;

    @Inject
    AppClock clock;

    @ConfigProperty(name = "fpjc.metric-snapshot.nightly-cron", defaultValue = "0 30 4 * * ?")
    String cron;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return LABEL;
    }

    @Override
    public String cron() {
        return cron;
    }

    @Override
    public void run(TenantInfo tenant) throws JobFailedException {
        snapshots.take(tenant, clock.today().minusDays(1));
    }
}
