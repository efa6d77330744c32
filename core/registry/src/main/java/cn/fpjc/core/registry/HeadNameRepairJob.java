package cn.fpjc.core.registry;

import cn.fpjc.core.platform.jobs.CountyJob;
import cn.fpjc.core.platform.tenancy.TenantConnections;
import cn.fpjc.core.platform.tenancy.TenantInfo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Puts right every household whose {@code head_name} differs from its members (default 03:10 Beijing time,
 * {@code fpjc.registry.head-name-repair-cron}). The release that added the column keeps it on every write
 * ({@link RegistryService#keepHeadNames}); during a rolling upgrade a replica of the release before still edits members
 * without it (a head renamed, replaced, removed), and the inbox would show the old 户主 until this run. In ranges of
 * {@value #RANGE} household ids, each its own autocommit statement, so registry writes wait for one range at most.
 */
@ApplicationScoped
public class HeadNameRepairJob implements CountyJob {
    private static final Logger LOG = Logger.getLogger(HeadNameRepairJob.class);
    static final int RANGE = 5_000;

    @Inject
    TenantConnections connections;

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
    public void run(TenantInfo tenant) throws SQLException {
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
                    repaired += st.executeUpdate();
                }
            }
        }
        if (repaired > 0) {
            LOG.infof("county %s: %d households' 户主 name put right", tenant.code(), repaired);
        }
    }
}
