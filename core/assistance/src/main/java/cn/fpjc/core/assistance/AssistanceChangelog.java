package cn.fpjc.core.assistance;

import cn.fpjc.core.platform.tenancy.TenantChangelog;
import jakarta.enterprise.context.ApplicationScoped;

/** Programmes and entitlement, payments, loans: applied after monitoring's tables, whose cases and households they read. */
@ApplicationScoped
public class AssistanceChangelog implements TenantChangelog {
    @Override
    public String path() {
        return "db/assistance/changelog.xml";
    }

    @Override
    public int order() {
        return 500;
    }
}
