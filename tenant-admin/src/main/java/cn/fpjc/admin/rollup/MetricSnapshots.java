package cn.fpjc.admin.rollup;

import cn.fpjc.core.platform.clock.AppClock;
import cn.fpjc.core.platform.jobs.JobFailedException;
import cn.fpjc.core.platform.metrics.CountyMetrics;
import cn.fpjc.core.platform.metrics.MetricDefinition;
import cn.fpjc.core.platform.metrics.MetricRows;
import cn.fpjc.core.platform.metrics.MetricValue;
import cn.fpjc.core.platform.tenancy.TenantInfo;
import cn.fpjc.core.platform.org.OrgLevel;
import cn.fpjc.core.platform.org.OrgUnit;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * Takes a county's snapshot: every {@link cn.fpjc.core.platform.metrics.CountyMetric} over the whole county, summed to
 * its townships (or to the county where it does not share that level), stored in the control database as numbers only.
 * The county's database is read in one transaction and the control database written in another; a snapshot is stored
 * whole or not at all, and a failure is recorded beside the last good snapshot without touching it.
 */
@ApplicationScoped
public class MetricSnapshots {
    private static final Logger LOG = Logger.getLogger(MetricSnapshots.class);

    @Inject
    CountyMetrics metrics;

    @Inject
    AppClock clock;

    @Inject
    AgroalDataSource control;

    public record Taken(long snapshotId, LocalDate asOf, int rows, long millis) {
    }

    /** How long every daily snapshot is kept; after that, the last one of each month only (the monthly trend). */
    static final int KEEP_DAYS = 35;

    /**
     * Snapshots {@code tenant} as of {@code asOf}; the caller has bound the county
     * ({@link cn.fpjc.core.platform.tenancy.TenantScope}). A second snapshot of the same day replaces the first once it is
     * stored; two runs for one county at once are serialized on the county's registry row.
     */
    @ActivateRequestContext // Hibernate asks for the tenant only where a request context is active; a pool thread has none
    public Taken take(TenantInfo tenant, LocalDate asOf) throws JobFailedException {
        long started = System.nanoTime();
        boolean shares;
        Map<String, BigDecimal[]> sums = new TreeMap<>();
        Map<String, String> townships = new TreeMap<>();
        try {
            shares = sharesTownships(tenant.code());
            if (shares) {
                townships.putAll(townshipNames(tenant));
            }
            for (MetricRows m : metrics.compute(tenant, asOf, tenant.code()).values()) {
                MetricDefinition d = m.definition();
                for (MetricValue v : m.rows()) {
                    String area = shares && v.village() != null ? MetricRows.township(v.village()) : "";
                    String key = d.key() + "\t" + area + "\t" + nz(v.month()) + "\t" + nz(v.category());
                    BigDecimal[] s = sums.computeIfAbsent(key, k -> new BigDecimal[] {BigDecimal.ZERO, null});
                    s[0] = s[0].add(v.numerator());
                    if (v.denominator() != null) {
                        s[1] = (s[1] == null ? BigDecimal.ZERO : s[1]).add(v.denominator());
                    }
                }
            }
        } catch (RuntimeException | SQLException e) {
            LOG.errorf(e, "metric snapshot of %s failed", tenant.code());
            String reason = "计算指标出错（" + e.getClass().getSimpleName() + "），本县上一份成功的快照保持不变";
            recordFailure(tenant, asOf, reason);
            throw new JobFailedException(reason);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        try {
            long id = store(tenant, asOf, shares, sums, townships, millis);
            return new Taken(id, asOf, sums.size(), millis);
        } catch (SQLException e) {
            LOG.errorf(e, "metric snapshot of %s could not be stored", tenant.code());
            String reason = "保存指标快照出错，本县上一份成功的快照保持不变";
            recordFailure(tenant, asOf, reason);
            throw new JobFailedException(reason);
        }
    }

    private long store(TenantInfo tenant, LocalDate asOf, boolean shares, Map<String, BigDecimal[]> sums, Map<String, String> townships,
            long millis) throws SQLException {
        try (Connection c = control.getConnection()) {
            c.setAutoCommit(false);
            try {
                // One store per county at a time (the nightly job and a province admin's run may meet): the registry row is the lock.
                try (PreparedStatement st = c.prepareStatement("SELECT code FROM tenant WHERE code = ? FOR UPDATE")) {
                    st.setString(1, tenant.code());
                    st.executeQuery().close();
                }
                long id;
                try (PreparedStatement st = c.prepareStatement("INSERT INTO metric_snapshot (county_code, province_id, as_of, status,"
                        + " shares_townships, rows_stored, millis, computed_at) VALUES (?, ?, ?, 'OK', ?, ?, ?, ?)",
                        Statement.RETURN_GENERATED_KEYS)) {
                    st.setString(1, tenant.code());
                    st.setString(2, tenant.provinceId());
                    st.setObject(3, asOf);
                    st.setBoolean(4, shares);
                    st.setInt(5, sums.size());
                    st.setLong(6, millis);
                    st.setObject(7, clock.nowUtc());
                    st.executeUpdate();
                    try (ResultSet k = st.getGeneratedKeys()) {
                        k.next();
                        id = k.getLong(1);
                    }
                }
                try (PreparedStatement st = c.prepareStatement("INSERT INTO metric_value (snapshot_id, metric_key, area_code, month, category,"
                        + " numerator, denominator) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                    int n = 0;
                    for (Map.Entry<String, BigDecimal[]> e : sums.entrySet()) {
                        String[] k = e.getKey().split("\t", -1);
                        st.setLong(1, id);
                        st.setString(2, k[0]);
                        st.setString(3, k[1]);
                        st.setString(4, k[2]);
                        st.setString(5, k[3]);
                        st.setBigDecimal(6, e.getValue()[0]);
                        st.setBigDecimal(7, e.getValue()[1]);
                        st.addBatch();
                        if (++n % 1000 == 0) {
                            st.executeBatch();
                        }
                    }
                    st.executeBatch();
                }
                try (PreparedStatement st = c.prepareStatement("INSERT INTO metric_area (snapshot_id, area_code, name) VALUES (?, ?, ?)")) {
                    for (Map.Entry<String, String> t : townships.entrySet()) {
                        st.setLong(1, id);
                        st.setString(2, t.getKey());
                        st.setString(3, t.getValue());
                        st.addBatch();
                    }
                    st.executeBatch();
                }
                // The day's earlier snapshot goes only now that the new one is whole; past KEEP_DAYS, the last of each month stays.
                prune(c, tenant.code(), id, "s.as_of = ? AND s.status = 'OK'", asOf);
                prune(c, tenant.code(), id, "s.as_of < ? AND s.id NOT IN (SELECT id FROM (SELECT MAX(id) AS id FROM metric_snapshot"
                        + " WHERE county_code = '" + tenant.code().replace("'", "") + "' AND status = 'OK' GROUP BY DATE_FORMAT(as_of, '%Y-%m')) m)",
                        asOf.minusDays(KEEP_DAYS));
                c.commit();
                return id;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** Deletes the county's snapshots (other than {@code keep}) that {@code which} selects, with their rows. */
    private static void prune(Connection c, String county, long keep, String which, LocalDate day) throws SQLException {
        for (String table : new String[] {"metric_value", "metric_area"}) {
            try (PreparedStatement st = c.prepareStatement("DELETE x FROM " + table + " x JOIN metric_snapshot s ON s.id = x.snapshot_id"
                    + " WHERE s.county_code = ? AND s.id <> ? AND " + which)) {
                st.setString(1, county);
                st.setLong(2, keep);
                st.setObject(3, day);
                st.executeUpdate();
            }
        }
        try (PreparedStatement st = c.prepareStatement("DELETE s FROM metric_snapshot s WHERE s.county_code = ? AND s.id <> ? AND " + which)) {
            st.setString(1, county);
            st.setLong(2, keep);
            st.setObject(3, day);
            st.executeUpdate();
        }
    }

    private void recordFailure(TenantInfo tenant, LocalDate asOf, String reason) {
        try (Connection c = control.getConnection(); PreparedStatement st = c.prepareStatement("INSERT INTO metric_snapshot (county_code,"
                + " province_id, as_of, status, message, shares_townships, computed_at) VALUES (?, ?, ?, 'FAILED', ?, FALSE, ?)")) {
            st.setString(1, tenant.code());
            st.setString(2, tenant.provinceId());
            st.setObject(3, asOf);
            st.setString(4, reason);
            st.setObject(5, clock.nowUtc());
            st.executeUpdate();
        } catch (SQLException e) {
            LOG.errorf(e, "could not record the failed snapshot of %s", tenant.code());
        }
    }

    /** The county's townships by code and name (administrative names, not personal data). */
    private static Map<String, String> townshipNames(TenantInfo tenant) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, String> out = new TreeMap<>();
            for (Object[] r : OrgUnit.getEntityManager().createQuery("select o.code, o.name from OrgUnit o where o.level = :level",
                    Object[].class).setParameter("level", OrgLevel.TOWNSHIP).getResultList()) {
                out.put((String) r[0], (String) r[1]);
            }
            return out;
        });
    }

    boolean sharesTownships(String county) throws SQLException {
        try (Connection c = control.getConnection(); PreparedStatement st = c.prepareStatement("SELECT shares_townships FROM tenant WHERE code = ?")) {
            st.setString(1, county);
            try (ResultSet rs = st.executeQuery()) {
                return !rs.next() || rs.getBoolean(1);
            }
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
