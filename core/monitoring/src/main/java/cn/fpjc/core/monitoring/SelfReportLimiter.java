package cn.fpjc.core.monitoring;

import cn.fpjc.core.platform.clock.AppClock;
import cn.fpjc.core.platform.error.ApiException;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Rate limit of the public self-report form: at most {@code fpjc.self-report.per-client} reports per client address
 * within any {@code fpjc.self-report.window} (default 5 per hour), per county, counted in the control database so every
 * replica shares it.
 * <p>
 * Each (county, client) has {@code per-client} numbered slots in {@code self_report_slot}, each holding when it was last
 * used. A report takes a free slot: a number with no row yet (INSERT, the primary key lets one request through) or one
 * last used before the window (an UPDATE whose WHERE re-checks that, so of two requests only one changes the row). No
 * free slot means the client used all of them within the window: 429. The database closes the race, whichever replica
 * the requests reach; a request that lost a race reads again. On Galera the loser of two concurrent writes to one row
 * gets a certification failure (reported as a deadlock), which is the same lost race. Bookkeeping runs on the machine's
 * time ({@link AppClock#machineNow()}): a county's date moved for a demo must not open or close the window.
 */
@ApplicationScoped
public class SelfReportLimiter {
    private static final Logger LOG = Logger.getLogger(SelfReportLimiter.class);
    /** Client addresses are IPv4 or IPv6 text (at most 45 characters); the column holds 64. */
    static final int CLIENT_LENGTH = 64;
    static final int PRUNE_BATCH = 1000;

    @ConfigProperty(name = "fpjc.self-report.per-client", defaultValue = "5")
    int perClient;

    @ConfigProperty(name = "fpjc.self-report.window", defaultValue = "1h")
    Duration window;

    @Inject
    AgroalDataSource control;

    @Inject
    AppClock clock;

    private enum Outcome {
        ADMITTED, FULL, RACED
    }

    /** Counts a report from {@code request}'s client address (the page and the API share the limit). */
    public void acquire(String county, io.vertx.core.http.HttpServerRequest request) {
        acquire(county, request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress());
    }

    /** Counts one report from {@code client} to {@code county}, or refuses with 429 when its slots are all in use. */
    public void acquire(String county, String client) {
        String who = client.length() > CLIENT_LENGTH ? client.substring(0, CLIENT_LENGTH) : client;
        // Every lost race means another request of this same client took a slot, so the client gets fewer chances, never more:
        // a few rounds suffice, and a client racing itself harder than this is a flood anyway.
        for (int round = 0; round < perClient + 3; round++) {
            Outcome outcome;
            try {
                outcome = QuarkusTransaction.requiringNew().call(() -> take(county, who));
            } catch (RuntimeException e) {
                if (!conflict(e)) {
                    throw e;
                }
                outcome = Outcome.RACED;
            }
            if (outcome == Outcome.ADMITTED) {
                return;
            }
            if (outcome == Outcome.FULL) {
                break;
            }
        }
        throw new ApiException(MonitoringError.SELF_REPORT_RATE_LIMITED);
    }

    /** One read and one claim, in a transaction of its own so the next round reads what other requests committed. */
    private Outcome take(String county, String client) throws SQLException {
        LocalDateTime now = utc(clock.machineNow());
        LocalDateTime horizon = now.minus(window);
        Map<Integer, LocalDateTime> used = new HashMap<>();
        try (Connection c = control.getConnection()) {
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT slot, used_at FROM self_report_slot WHERE county_code = ? AND client = ? AND slot < ?")) {
                st.setString(1, county);
                st.setString(2, client);
                st.setInt(3, perClient);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        used.put(rs.getInt(1), rs.getObject(2, LocalDateTime.class));
                    }
                }
            }
            Integer stale = null;
            for (int slot = 0; slot < perClient; slot++) {
                LocalDateTime at = used.get(slot);
                if (at == null) {
                    return insert(c, county, client, slot, now);
                }
                if (at.isBefore(horizon) && (stale == null || at.isBefore(used.get(stale)))) {
                    stale = slot;
                }
            }
            if (stale == null) {
                return Outcome.FULL;
            }
            try (PreparedStatement st = c.prepareStatement(
                    "UPDATE self_report_slot SET used_at = ? WHERE county_code = ? AND client = ? AND slot = ? AND used_at < ?")) {
                st.setObject(1, now);
                st.setString(2, county);
                st.setString(3, client);
                st.setInt(4, stale);
                st.setObject(5, horizon);
                return st.executeUpdate() == 1 ? Outcome.ADMITTED : Outcome.RACED;
            }
        }
    }

    private static Outcome insert(Connection c, String county, String client, int slot, LocalDateTime now) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO self_report_slot (county_code, client, slot, used_at) VALUES (?, ?, ?, ?)")) {
            st.setString(1, county);
            st.setString(2, client);
            st.setInt(3, slot);
            st.setObject(4, now);
            st.executeUpdate();
            return Outcome.ADMITTED;
        } catch (SQLIntegrityConstraintViolationException taken) {
            return Outcome.RACED;
        }
    }

    /**
     * Forgets slots last used before the window (they would be free anyway), in bounded deletes so no statement holds
     * many locks: every replica runs it, which costs nothing when another one just did.
     */
    @Scheduled(every = "${fpjc.self-report.prune-every:10m}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void pruneOnSchedule() {
        prune();
    }

    /** Removes the expired slots; answers how many. */
    public int prune() {
        LocalDateTime horizon = utc(clock.machineNow()).minus(window);
        int total = 0;
        for (int batch = 0; batch < 1000; batch++) {
            int deleted = QuarkusTransaction.requiringNew().call(() -> {
                try (Connection c = control.getConnection();
                        PreparedStatement st = c.prepareStatement("DELETE FROM self_report_slot WHERE used_at < ? LIMIT " + PRUNE_BATCH)) {
                    st.setObject(1, horizon);
                    return st.executeUpdate();
                }
            });
            total += deleted;
            if (deleted < PRUNE_BATCH) {
                break;
            }
        }
        if (total > 0) {
            LOG.debugf("self-report limit: %d expired slots removed", total);
        }
        return total;
    }

    /** A lost race the database reported: a deadlock or a Galera certification failure (SQLState 40001, error 1213). */
    static boolean conflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && ("40001".equals(s.getSQLState()) || s.getErrorCode() == 1213)) {
                return true;
            }
        }
        return false;
    }

    private static LocalDateTime utc(Instant t) {
        // DATETIME(6) keeps microseconds: compare what is stored with what would be stored.
        return LocalDateTime.ofInstant(t.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }
}
