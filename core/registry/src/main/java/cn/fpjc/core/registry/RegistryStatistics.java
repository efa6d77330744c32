package cn.fpjc.core.registry;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.jboss.logging.Logger;

/**
 * Refreshes the optimizer's statistics of the registry tables after a bulk write (synthetic data, a large import).
 * InnoDB recalculates them by itself only later, in the background; until then MariaDB plans with the counts of the
 * nearly empty table and may scan the whole member table for a page of households.
 */
public final class RegistryStatistics {
    private static final Logger LOG = Logger.getLogger(RegistryStatistics.class);
    /** Writes smaller than this leave the statistics to InnoDB. */
    public static final int BULK = 1000;

    private RegistryStatistics() {
    }

    /** ANALYZE TABLE on the registry tables (needs SELECT and INSERT on them, which the application user has). */
    public static void refresh(Connection c) {
        long t0 = System.nanoTime();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("ANALYZE TABLE household, member, income_record, guarantee_status")) {
            while (rs.next()) {
                if ("error".equalsIgnoreCase(rs.getString(3))) {
                    LOG.warnf("ANALYZE TABLE %s: %s", rs.getString(1), rs.getString(4));
                }
            }
            LOG.debugf("registry statistics refreshed in %d ms", (System.nanoTime() - t0) / 1_000_000);
        } catch (SQLException e) {
            // Only the plans suffer; the data is written.
            LOG.warnf("could not refresh the registry statistics: %s", e.getMessage());
        }
    }
}
