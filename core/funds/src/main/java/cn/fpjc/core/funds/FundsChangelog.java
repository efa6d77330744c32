package cn.fpjc.core.funds;

import cn.fpjc.core.platform.tenancy.TenantChangelog;
import jakarta.enterprise.context.ApplicationScoped;

/** 衔接资金: allocations, the project library, spending, project assets. Reads the registry's households only. */
@ApplicationScoped
public class FundsChangelog implements TenantChangelog {
    @Override
    public String path() {
        return "db/funds/changelog.xml";
    }

    @Override
    public int order() {
        return 600;
    }
}
