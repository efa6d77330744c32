package cn.fpjc.core.platform.jobs;

import cn.fpjc.core.platform.tenancy.TenantInfo;

/**
 * A module's recurring work for every active county (the nightly deadline scan, the 疑点 checks, later payments and
 * roll-ups). Declare it as a bean; {@link BackgroundJobs} schedules it, loops over the active counties and makes sure
 * each (job, county, scheduled time) runs once across all replicas. Nobody else needs to know the job exists.
 */
public interface CountyJob {
    /** Stable identifier, part of the run's unique key (e.g. {@code deadline-scan}); never rename a released one. */
    String id();

    /** What people see in the county's list of background runs (Chinese). */
    String label();

    /** Quartz-style cron expression in Beijing time, usually read from the module's configuration. */
    String cron();

    /**
     * Does the work for one county, on a background thread without request context, in transactions of its own.
     * Throw {@link JobFailedException} with a Chinese reason when the work did not get done.
     */
    void run(TenantInfo tenant) throws Exception;
}
