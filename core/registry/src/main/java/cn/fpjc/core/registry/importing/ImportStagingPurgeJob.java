package cn.fpjc.core.registry.importing;

import cn.fpjc.core.platform.clock.AppClock;
import cn.fpjc.core.platform.jobs.CountyJob;
import cn.fpjc.core.platform.tenancy.TenantConnections;
import cn.fpjc.core.platform.tenancy.TenantInfo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Clears import staging every night (default 02:50 Beijing time, {@code fpjc.import.staging-purge-cron}): recovers jobs
 * interrupted with their process (as viewing them would), purges the jobs finished, or waiting for confirmation, more
 * than {@code fpjc.import.keep-days} ago, and deletes the rows of every purged job still stored. An import does the
 * purging too, but only when one is uploaded: without this a county that stops importing would keep its last jobs' rows
 * (names, encrypted ID numbers) past the days allowed, and so would the jobs an upload purged and was then refused, or a
 * delete that a restart or an error cut short.
 */
@ApplicationScoped
public class ImportStagingPurgeJob implements CountyJob {
    private static final Logger LOG = Logger.getLogger(ImportStagingPurgeJob.class);

    @Inject
    TenantConnections connections;

    @Inject
    ImportConfig config;

    @Inject
    AppClock clock;

    @Inject
    RegistryImportService imports;

    @Override
    public String id() {
        return "import-staging-purge";
    }

    @Override
    public String label() {
        return "导入暂存清理";
    }

    @Override
    public String cron() {
        return config.stagingPurgeCron();
    }

    @Override
    public void run(TenantInfo tenant) throws Exception {
        try (Connection c = connections.open(tenant)) {
            c.setAutoCommit(true);
            int recovered = imports.recoverInterrupted(c, tenant);
            int jobs = ImportStaging.purge(c, clock.now().minus(Duration.ofDays(config.keepDays())));
            long rows = ImportStaging.deletePurgedRows(c);
            if (recovered > 0 || jobs > 0 || rows > 0) {
                LOG.infof("county %s: %d interrupted import jobs recovered, %d past %d days purged, %d staged rows deleted", tenant.code(),
                        recovered, jobs, config.keepDays(), rows);
            }
        }
    }
}
