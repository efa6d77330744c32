package cn.fpjc.admin.rollup;

import cn.fpjc.core.platform.jobs.BackgroundJobs;
import cn.fpjc.core.platform.security.CurrentUser;
import cn.fpjc.core.platform.tenancy.TenantDirectory;
import cn.fpjc.core.platform.tenancy.TenantInfo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * Snapshots a province admin starts: one background run per active county of the province, two at a time, each as of
 * the county's today (the same day its own 工作指标 page shows).
 */
@ApplicationScoped
public class SnapshotRuns {
    static final int PARALLEL = 2;

    @Inject
    BackgroundJobs jobs;

    @Inject
    TenantDirectory tenants;

    @Inject
    MetricSnapshots snapshots;

    @Inject
    CurrentUser user;

    @Inject
    cn.fpjc.core.platform.clock.AppClock clock;

    public record Started(String county, String name, long runId) {
    }

    public List<Started> start(String province) {
        List<Started> out = new ArrayList<>();
        for (TenantInfo t : tenants.active()) {
            if (!t.provinceId().equals(province)) {
                continue;
            }
            long run = jobs.submit(MetricSnapshotJob.ID, MetricSnapshotJob.LABEL, t, user.username(), null, PARALLEL, () -> {
                MetricSnapshots.Taken taken = snapshots.take(t, clock.today());
                return "截至" + taken.asOf() + "，" + taken.rows() + "行数字，用时" + taken.millis() + "毫秒";
            });
            out.add(new Started(t.code(), t.name(), run));
        }
        return out;
    }
}
