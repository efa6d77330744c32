package cn.fpjc.core.monitoring;

import cn.fpjc.core.platform.clock.AppClock;
import cn.fpjc.core.platform.error.PlatformError;

import cn.fpjc.core.platform.calendar.Due;
import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.policy.param.EffectiveParameter;
import cn.fpjc.core.policy.param.EffectiveParameters;
import cn.fpjc.core.platform.security.CurrentUser;
import cn.fpjc.core.platform.security.OrgScope;
import cn.fpjc.core.platform.security.Roles;
import cn.fpjc.core.platform.tenancy.TenantAccess;
import cn.fpjc.core.platform.tenancy.TenantConnections;
import cn.fpjc.core.platform.tenancy.TenantInfo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The nightly deadline scan of a county: every current step past its due date, every 一户一策 past its due date (new or to
 * be adjusted after 回退/再标注), every plan not re-adjusted by this year's deadline, every visit past its interval. Each
 * kind is one set-based INSERT … SELECT into overdue_flag, so the morning's overdue counts come from one scan rather
 * than from every page; the last three scans are kept.
 */
@ApplicationScoped
public class DeadlineScanService {
    @Inject
    AppClock clock;

    private static final Logger LOG = Logger.getLogger(DeadlineScanService.class);
    static final int KEEP_SCANS = 3;

    @Inject
    TenantConnections connections;

    @Inject
    EffectiveParameters parameters;

    @Inject
    PlanService planService;

    @Inject
    TenantAccess access;

    @Inject
    CurrentUser user;

    public record ScanView(long id, String trigger, LocalDate scannedOn, Instant startedAt, Instant finishedAt, String status, int steps,
            int plans, int readjustments, int visits, Long millis) {
    }

    public record Flag(String kind, String kindLabel, long caseId, String villageCode, String item, LocalDate dueOn, long daysOverdue) {
    }

    /** The latest finished scan, and its flags in the caller's scope (most overdue first). */
    public record Latest(ScanView scan, List<Flag> flags) {
    }

    /** Scans a county now, on this thread (the nightly job, an admin's request, the benchmark). */
    public ScanView scan(TenantInfo tenant, String trigger) {
        LocalDate today = clock.today();
        long started = System.nanoTime();
        try (Connection c = connections.open(tenant)) {
            long id;
            try (PreparedStatement st = c.prepareStatement("INSERT INTO deadline_scan (trigger_kind, scanned_on, started_at, status)"
                    + " VALUES (?, ?, ?, 'RUNNING')", Statement.RETURN_GENERATED_KEYS)) {
                st.setString(1, trigger);
                st.setDate(2, Date.valueOf(today));
                st.setObject(3, clock.nowUtc());
                st.executeUpdate();
                try (ResultSet keys = st.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            try {
                int steps = insert(c, "INSERT INTO overdue_flag (scan_id, kind, case_id, village_code, item, due_on) SELECT ?, 'STEP', c.id,"
                        + " c.village_code, s.label, c.current_due FROM monitoring_case c JOIN case_step s ON s.case_id = c.id"
                        + " AND s.step_id = c.current_step WHERE c.status = 'IN_PROGRESS' AND c.current_due < ?", id, today);
                int plans = insert(c, "INSERT INTO overdue_flag (scan_id, kind, case_id, village_code, item, due_on) SELECT ?, 'PLAN', c.id,"
                        + " c.village_code, IF(p.id IS NULL, '制定帮扶计划', '按新情况调整帮扶计划'), c.plan_due FROM monitoring_case c"
                        + " LEFT JOIN assistance_plan p ON p.case_id = c.id WHERE c.parent_case_id IS NULL AND c.risk_state = 'UNRESOLVED'"
                        + " AND (p.id IS NULL OR p.adjustment_required) AND c.plan_due < ?", id, today);
                int readjustments = 0;
                LocalDate readjustDue = planService.readjustDue(tenant, today).map(Due::date).orElse(null);
                if (readjustDue != null && readjustDue.isBefore(today)) {
                    readjustments = insert(c, "INSERT INTO overdue_flag (scan_id, kind, case_id, village_code, item, due_on) SELECT ?, 'READJUST',"
                            + " c.id, c.village_code, '年度动态调整', '" + readjustDue + "' FROM monitoring_case c JOIN assistance_plan p"
                            + " ON p.case_id = c.id WHERE c.parent_case_id IS NULL AND c.risk_state = 'UNRESOLVED' AND NOT p.adjustment_required"
                            + " AND p.adjusted_on < ?", id, LocalDate.of(today.getYear(), 1, 1));
                }
                int visits = 0;
                for (VisitService.CadenceRule rule : VisitService.CADENCE) { // the same rules as the cadence page
                    visits += visits(c, id, today, rule, param(tenant, rule.param(), today));
                }
                long millis = (System.nanoTime() - started) / 1_000_000;
                try (PreparedStatement st = c.prepareStatement("UPDATE deadline_scan SET status = 'DONE', finished_at = ?, steps = ?, plans = ?,"
                        + " readjustments = ?, visits = ?, millis = ? WHERE id = ?")) {
                    st.setObject(1, clock.nowUtc());
                    st.setInt(2, steps);
                    st.setInt(3, plans);
                    st.setInt(4, readjustments);
                    st.setInt(5, visits);
                    st.setLong(6, millis);
                    st.setLong(7, id);
                    st.executeUpdate();
                }
                try (PreparedStatement st = c.prepareStatement("DELETE f FROM overdue_flag f JOIN (SELECT id FROM deadline_scan WHERE status = 'DONE'"
                        + " ORDER BY id DESC LIMIT 1000 OFFSET " + KEEP_SCANS + ") old ON old.id = f.scan_id")) {
                    st.executeUpdate();
                }
                LOG.infof("deadline scan %d of %s: %d steps, %d plans, %d re-adjustments, %d visits overdue in %d ms", id, tenant.code(), steps,
                        plans, readjustments, visits, millis);
            } catch (SQLException | RuntimeException e) {
                LOG.errorf(e, "deadline scan %d of %s failed", id, tenant.code());
                try (PreparedStatement st = c.prepareStatement("DELETE FROM overdue_flag WHERE scan_id = ?")) {
                    st.setLong(1, id);
                    st.executeUpdate();
                }
                try (PreparedStatement st = c.prepareStatement("UPDATE deadline_scan SET status = 'FAILED', finished_at = ? WHERE id = ?")) {
                    st.setObject(1, clock.nowUtc());
                    st.setLong(2, id);
                    st.executeUpdate();
                }
            }
            return find(c, id);
        } catch (SQLException e) {
            throw new IllegalStateException("deadline scan of " + tenant.code(), e);
        }
    }

    /** A county admin or approver scans the county now (the nightly job does it by itself). */
    public ScanView scanNow() {
        user.requireAnyRole(Roles.COUNTY_ADMIN, Roles.COUNTY_APPROVER);
        return scan(access.current(), "ON_DEMAND");
    }

    /** The latest finished scan and its flags in the caller's scope. */
    public Latest latest(int limit) {
        user.requireAnyRole(ClueService.readers());
        TenantInfo tenant = access.current();
        try (Connection c = connections.open(tenant)) {
            ScanView scan = null;
            try (PreparedStatement st = c.prepareStatement("SELECT id FROM deadline_scan WHERE status = 'DONE' ORDER BY id DESC LIMIT 1");
                    ResultSet rs = st.executeQuery()) {
                if (rs.next()) {
                    scan = find(c, rs.getLong(1));
                }
            }
            List<Flag> flags = new ArrayList<>();
            if (scan != null) {
                try (PreparedStatement st = c.prepareStatement("SELECT kind, case_id, village_code, item, due_on FROM overdue_flag"
                        + " WHERE scan_id = ? AND village_code LIKE ? ORDER BY due_on, case_id LIMIT ?")) {
                    st.setLong(1, scan.id());
                    st.setString(2, OrgScope.likePrefix(user.orgCode()));
                    st.setInt(3, Math.min(Math.max(limit, 1), 2000));
                    try (ResultSet rs = st.executeQuery()) {
                        while (rs.next()) {
                            LocalDate due = rs.getDate(5).toLocalDate();
                            flags.add(new Flag(rs.getString(1), kindLabel(rs.getString(1)), rs.getLong(2), rs.getString(3), rs.getString(4), due,
                                    java.time.temporal.ChronoUnit.DAYS.between(due, scan.scannedOn())));
                        }
                    }
                }
            }
            return new Latest(scan, flags);
        } catch (SQLException e) {
            throw new ApiException(PlatformError.INTERNAL_ERROR, e.getMessage());
        }
    }

    static String kindLabel(String kind) {
        return switch (kind) {
            case "STEP" -> "办理步骤";
            case "PLAN" -> "帮扶计划";
            case "READJUST" -> "年度调整";
            default -> "走访";
        };
    }

    /** Visits of one kind past their interval, counted from the last such visit or from the approval or latest marking. */
    private static int visits(Connection c, long scan, LocalDate today, VisitService.CadenceRule rule, EffectiveParameter interval)
            throws SQLException {
        if (interval.value() == null) {
            return 0;
        }
        int months = Integer.parseInt(interval.value());
        VisitKind kind = rule.kind();
        String states = String.join(", ", rule.states().stream().map(s -> "'" + s.name() + "'").toList());
        return insert(c, "INSERT INTO overdue_flag (scan_id, kind, case_id, village_code, item, due_on) SELECT ?, 'VISIT', c.id, c.village_code, '"
                + kind.label() + "', DATE_ADD(GREATEST(c.risk_state_on, COALESCE(v.last_visit, c.risk_state_on)), INTERVAL " + months + " MONTH)"
                + " FROM monitoring_case c LEFT JOIN (SELECT case_id, MAX(visited_on) last_visit FROM followup_visit WHERE kind = '" + kind.name()
                + "' GROUP BY case_id) v ON v.case_id = c.id WHERE c.parent_case_id IS NULL AND c.risk_state IN (" + states + ")"
                + " AND DATE_ADD(GREATEST(c.risk_state_on, COALESCE(v.last_visit, c.risk_state_on)), INTERVAL " + months + " MONTH) < ?", scan, today);
    }

    private EffectiveParameter param(TenantInfo tenant, String key, LocalDate today) {
        return parameters.resolve(tenant.provinceId(), tenant.code(), key, today.getYear());
    }

    private static int insert(Connection c, String sql, long scan, LocalDate date) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setLong(1, scan);
            st.setDate(2, Date.valueOf(date));
            return st.executeUpdate();
        }
    }

    private static ScanView find(Connection c, long id) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT id, trigger_kind, scanned_on, started_at, finished_at, status, steps, plans,"
                + " readjustments, visits, millis FROM deadline_scan WHERE id = ?")) {
            st.setLong(1, id);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                LocalDateTime finished = rs.getObject(5, LocalDateTime.class);
                long millis = rs.getLong(11);
                return new ScanView(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate(),
                        rs.getObject(4, LocalDateTime.class).toInstant(ZoneOffset.UTC), finished == null ? null : finished.toInstant(ZoneOffset.UTC),
                        rs.getString(6), rs.getInt(7), rs.getInt(8), rs.getInt(9), rs.getInt(10), rs.wasNull() ? null : millis);
            }
        }
    }
}
