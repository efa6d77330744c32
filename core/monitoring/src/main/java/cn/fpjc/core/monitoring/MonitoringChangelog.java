package cn.fpjc.core.monitoring;

import cn.fpjc.core.platform.tenancy.TenantChangelog;
import jakarta.enterprise.context.ApplicationScoped;

/** Clues, cases and their steps, plans, visits and the deadline scan. */
@ApplicationScoped
public class MonitoringChangelog implements TenantChangelog {
    @Override
    public String path() {
        return "db/monitoring/changelog.xml";
    }

    @Override
    public int order() {
        return 400;
    }
}
