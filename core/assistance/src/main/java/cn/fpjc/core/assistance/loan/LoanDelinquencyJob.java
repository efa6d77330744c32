package cn.fpjc.core.assistance.loan;

import cn.fpjc.core.platform.jobs.CountyJob;
import cn.fpjc.core.platform.tenancy.TenantInfo;
import cn.fpjc.core.platform.tenancy.TenantScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The nightly delinquency scan of every active county's loans (default 02:00 Beijing time, {@code fpjc.loan-delinquency.nightly-cron}). */
@ApplicationScoped
public class LoanDelinquencyJob implements CountyJob {
    @Inject
    LoanBookService book;

    @ConfigProperty(name = "fpjc.loan-delinquency.nightly-cron", defaultValue = "0 0 2 * * ?")
    String cron;

    @Override
    public String id() {
        return "loan-delinquency";
    }

    @Override
    public String label() {
        return "小额信贷逾期计算";
    }

    @Override
    public String cron() {
        return cron;
    }

    @Override
    public void run(TenantInfo tenant) {
        // The tenant is bound first so that the transaction (opened by the @Transactional scan) reaches its database.
        TenantScope.run(tenant.code(), () -> book.scan(tenant, "NIGHTLY"));
    }
}
