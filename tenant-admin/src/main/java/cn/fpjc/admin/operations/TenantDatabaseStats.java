package cn.fpjc.admin.operations;

import cn.fpjc.core.platform.tenancy.TenantConnections;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Size and migration history of tenant databases, read from the server's metadata: one grouped query over
 * {@code information_schema.TABLES} for a whole page of tenants (server metadata, no business data), then the page's
 * {@code DATABASECHANGELOG} tables in one UNION ALL round trip (each county's own table, read by its qualified name; if
 * that fails, table by table so one broken county shows its own problem). Runs outside any transaction on the pool
 * of the cluster the databases live on.
 */
@ApplicationScoped
public class TenantDatabaseStats {
    private static final Logger LOG = Logger.getLogger(TenantDatabaseStats.class);
    private static final String CHANGELOG = "DATABASECHANGELOG";

    @Inject
    TenantConnections connections;

    /** Facts for each of {@code databases} (at most a page of them); a database the server does not have is {@link DatabaseFacts#MISSING}. */
    Map<String, DatabaseFacts> read(String cluster, List<String> databases) {
        List<String> names = databases.stream().filter(TenantDatabaseStats::safeName).distinct().toList();
        Map<String, DatabaseFacts> out = new HashMap<>();
        if (names.isEmpty()) {
            return out;
        }
        try (Connection c = connections.openServer(cluster)) {
            Map<String, Size> sizes = sizes(c, names);
            List<String> withChangelog = new ArrayList<>();
            sizes.forEach((db, s) -> {
                if (s.hasChangelog()) {
                    withChangelog.add(db);
                }
            });
            Collections.sort(withChangelog);
            Map<String, History> history = history(c, withChangelog);
            for (String db : names) {
                Size s = sizes.get(db);
                if (s == null) {
                    out.put(db, DatabaseFacts.MISSING);
                    continue;
                }
                History h = history.get(db);
                String problem = h == null ? "无法读取迁移记录（DATABASECHANGELOG）" : null;
                out.put(db, new DatabaseFacts(true, s.tables(), s.bytes(), s.rows(), h == null ? null : h.changesets(),
                        h == null ? null : h.last(), problem));
            }
        } catch (SQLException e) {
            LOG.errorf(e, "operations view: could not read tenant database metadata");
            for (String db : names) {
                out.put(db, new DatabaseFacts(false, 0, 0, 0, null, null, "无法读取数据库信息：" + e.getMessage()));
            }
        }
        return out;
    }

    private record Size(long bytes, long rows, int tables, boolean hasChangelog) {
    }

    private record History(int changesets, Instant last) {
    }

    /** Per schema with at least one table (a schema with none is absent, like one that does not exist). */
    private static Map<String, Size> sizes(Connection c, List<String> names) throws SQLException {
        String in = String.join(", ", Collections.nCopies(names.size(), "?"));
        Map<String, Size> sizes = new HashMap<>();
        try (PreparedStatement st = c.prepareStatement("SELECT TABLE_SCHEMA, COALESCE(SUM(DATA_LENGTH + INDEX_LENGTH), 0),"
                + " COALESCE(SUM(TABLE_ROWS), 0), COUNT(*), SUM(CASE WHEN TABLE_NAME = '" + CHANGELOG + "' THEN 1 ELSE 0 END)"
                + " FROM information_schema.TABLES WHERE TABLE_TYPE = 'BASE TABLE' AND TABLE_SCHEMA IN (" + in + ") GROUP BY TABLE_SCHEMA")) {
            for (int i = 0; i < names.size(); i++) {
                st.setString(i + 1, names.get(i));
            }
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    sizes.put(rs.getString(1), new Size(rs.getLong(2), rs.getLong(3), rs.getInt(4), rs.getLong(5) > 0));
                }
            }
        }
        return sizes;
    }

    /**
     * Per schema: changesets applied and the time of the latest. DATEEXECUTED holds the server's local time of the session that wrote it
     * (Liquibase writes NOW() on this same pool); UNIX_TIMESTAMP reads it back in that session time zone, giving an instant.
     */
    private static Map<String, History> history(Connection c, List<String> databases) {
        Map<String, History> out = new HashMap<>();
        if (databases.isEmpty()) {
            return out;
        }
        StringBuilder sql = new StringBuilder();
        for (String db : databases) {
            sql.append(sql.isEmpty() ? "" : " UNION ALL ").append(historyQuery(db));
        }
        try {
            collect(c, sql.toString(), databases, out);
        } catch (SQLException union) {
            LOG.warnf("operations view: reading %d changelogs at once failed (%s); reading them one by one", databases.size(),
                    union.getMessage());
            for (String db : databases) {
                try {
                    collect(c, historyQuery(db), List.of(db), out);
                } catch (SQLException e) {
                    LOG.warnf("operations view: %s.%s unreadable: %s", db, CHANGELOG, e.getMessage());
                }
            }
        }
        return out;
    }

    private static String historyQuery(String db) {
        return "SELECT ?, COUNT(*), FLOOR(UNIX_TIMESTAMP(MAX(DATEEXECUTED))) FROM `" + db + "`.`" + CHANGELOG + "`";
    }

    private static void collect(Connection c, String sql, List<String> databases, Map<String, History> out) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < databases.size(); i++) {
                st.setString(i + 1, databases.get(i));
            }
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    BigDecimal epoch = rs.getBigDecimal(3);
                    out.put(rs.getString(1), new History(rs.getInt(2), epoch == null ? null : Instant.ofEpochSecond(epoch.longValue())));
                }
            }
        }
    }

    /** Database names come from the registry; never build SQL from anything else (the migrator creates them by the same rule). */
    private static boolean safeName(String name) {
        return name != null && name.matches("[a-z0-9_]{1,64}");
    }
}
