package cn.fpjc.core.registry;

import cn.fpjc.core.platform.jobs.CountyJob;
import cn.fpjc.core.platform.tenancy.TenantConnections;
import cn.fpjc.core.platform.tenancy.TenantInfo;
import cn.fpjc.core.platform.tx.DeadlockRetry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sets every household's {@code head_name} that differs from its members (default 03:10 Beijing time,
 * {@code fpjc.registry.head-name-repair-cron}). The release that added the column keeps it on every write
 * ({@link RegistryService#keepHeadNames}); households written before it have none until the first run (the inbox reads
 * their 户主 from the members meanwhile), and during a rolling upgrade a replica of the release before still edits
 * members without it (a head renamed, replaced, removed): the inbox shows the old 户主 until this run. A downgrade or an
 * edit by hand has the same effect. In ranges of {@value #RANGE} household ids, each its own autocommit statement, so
 * registry writes wait for one range at most and a county's first run is not one transaction of every household (a
 * Galera write set of hundreds of MB); a range that deadlocks with a registry write (which locks member rows, then the
 * household, the other way round) is run again.
 */
@ApplicationScoped
public class HeadNameRepairJob implements CountyJob {
    private static final Logger LOG = Logger.getLogger(HeadNameRepairJob.class);
    static final int RANGE = 5_000;

    @Inject
    TenantConnections connections;

    @Inject
    DeadlockRetry retry;

    @ConfigProperty(name = "fpjc.registry.head-name-repair-cron", defaultValue = "0 10 3 * * ?")
    String cron;

    @Override
    public String id() {
        return "head-name-repair";
    }

    @Override
    public String label() {
        return "户主姓名校核";
    }

    @Override
    public String cron() {
        return cron;
    }

    @Override
    public void run(TenantInfo tenant) throws Exception {
        long repaired = 0;
        try (Connection c = connections.open(tenant)) {
            c.setAutoCommit(true);
            long last;
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(id), 0) FROM household")) {
                rs.next();
                last = rs.getLong(1);
            }
            try (PreparedStatement st = c.prepareStatement(RegistryService.HEAD_NAME_UPDATE
                    + " WHERE h.id > ? AND h.id <= ? AND NOT (h.head_name <=> " + RegistryService.HEAD_NAME_OF_H + ")")) {
                for (long from = 0; from < last; from += RANGE) {
                    st.setLong(1, from);
                    st.setLong(2, from + RANGE);
                    repaired += retry.call("HeadNameRepairJob.run", st::executeUpdate);
                }
            }
        }
        if (repaired > 0) {
            LOG.infof("county %s: %d households' 户主 name put right", tenant.code(), repaired);
        }
    }
}
