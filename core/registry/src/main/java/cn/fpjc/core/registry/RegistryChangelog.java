package cn.fpjc.core.registry;

import cn.fpjc.core.platform.tenancy.TenantChangelog;
import jakarta.enterprise.context.ApplicationScoped;

/** Households, members, incomes, 三保障, import staging and 疑点. */
@ApplicationScoped
public class RegistryChangelog implements TenantChangelog {
    @Override
    public String path() {
        return "db/registry/changelog.xml";
    }

    @Override
    public int order() {
        return 300;
    }
}
