package cn.fpjc.core.monitoring;

import cn.fpjc.core.platform.jobs.CountyJob;
import cn.fpjc.core.platform.jobs.JobFailedException;
import cn.fpjc.core.platform.tenancy.TenantInfo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The nightly deadline scan of every active county (default 01:30 Beijing time, {@code fpjc.deadline-scan.nightly-cron}). */
@ApplicationScoped
public class DeadlineScanJob implements CountyJob {
    @Inject
    DeadlineScanService scans;

    @ConfigProperty(name = "fpjc.deadline-scan.nightly-cron", defaultValue = "0 30 1 * * ?")
    String cron;

    @Override
    public String id() {
        return "deadline-scan";
    }

    @Override
    public String label() {
        return "期限扫描";
    }

    @Override
    public String cron() {
        return cron;
    }

    @Override
    public void run(TenantInfo tenant) throws JobFailedException {
        DeadlineScanService.ScanView scan = scans.scan(tenant, "NIGHTLY");
        if (!"DONE".equals(scan.status())) {
            throw new JobFailedException("期限扫描失败（扫描记录" + scan.id() + "），已撤销本次结果，下次定时扫描会重新进行");
        }
    }
}
