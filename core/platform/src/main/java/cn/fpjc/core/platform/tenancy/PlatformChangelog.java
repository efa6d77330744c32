package cn.fpjc.core.platform.tenancy;

import jakarta.enterprise.context.ApplicationScoped;

/** The org tree and the audit log. */
@ApplicationScoped
public class PlatformChangelog implements TenantChangelog {
    @Override
    public String path() {
        return "db/platform/changelog.xml";
    }

    @Override
    public int order() {
        return 100;
    }
}
