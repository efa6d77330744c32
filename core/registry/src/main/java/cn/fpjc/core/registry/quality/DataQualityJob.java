package cn.fpjc.core.registry.quality;

import cn.fpjc.core.platform.jobs.CountyJob;
import cn.fpjc.core.platform.jobs.JobFailedException;
import cn.fpjc.core.platform.tenancy.TenantInfo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The nightly 疑点 checks of every active county (default 02:30 Beijing time, {@code fpjc.data-quality.nightly-cron}). */
@ApplicationScoped
public class DataQualityJob implements CountyJob {
    static final String ID = "data-quality";
    static final String LABEL = "疑点筛查";

    @Inject
    DataQualityService dataQuality;

    @ConfigProperty(name = "fpjc.data-quality.nightly-cron", defaultValue = "0 30 2 * * ?")
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
    public void run(TenantInfo tenant) throws SQLException, JobFailedException {
        DataQualityService.RunView run = dataQuality.runNow(tenant, "NIGHTLY", "system");
        if (!"DONE".equals(run.status())) {
            throw new JobFailedException(run.message());
        }
    }
}
