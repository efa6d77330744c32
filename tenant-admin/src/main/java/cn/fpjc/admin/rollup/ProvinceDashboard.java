package cn.fpjc.admin.rollup;

import cn.fpjc.admin.error.AdminError;
import cn.fpjc.core.funds.spending.ProgressRules;
import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.platform.error.PlatformError;
import cn.fpjc.core.platform.metrics.CountyMetrics;
import cn.fpjc.core.platform.metrics.Figure;
import cn.fpjc.core.platform.metrics.MetricDefinition;
import cn.fpjc.core.platform.metrics.MetricReport;
import cn.fpjc.core.platform.metrics.MetricReport.Shown;
import cn.fpjc.core.platform.metrics.MetricRows;
import cn.fpjc.core.platform.metrics.MetricValue;
import cn.fpjc.core.platform.plugin.ProvincePluginRegistry;
import cn.fpjc.core.platform.security.CurrentUser;
import cn.fpjc.core.platform.security.Roles;
import cn.fpjc.core.policy.param.EffectiveParameter;
import cn.fpjc.core.policy.param.EffectiveParameters;
import cn.fpjc.core.policy.param.ParameterOrigin;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The province's view of its counties, read from the snapshots in the control database only (never a county's database,
 * so a county that is down or on another server leaves its last good figures standing). Figures are summed from the
 * stored numerators and denominators with the same {@link MetricRows} arithmetic the county's own page uses.
 */
@ApplicationScoped
public class ProvinceDashboard {
    @Inject
    AgroalDataSource control;

    @Inject
    CountyMetrics metrics;

    @Inject
    CurrentUser user;

    @Inject
    ProvincePluginRegistry provinces;

    @Inject
    EffectiveParameters parameters;

    @Inject
    cn.fpjc.core.platform.clock.AppClock clock;

    public record Column(String key, String label, String definition, String source, String kind, String unit, String numeratorLabel,
            String denominatorLabel) {
        static Column of(MetricDefinition d) {
            return new Column(d.key(), d.label(), d.definition(), d.source(), d.kind().name(), d.unit(), d.numeratorLabel(), d.denominatorLabel());
        }
    }

    /**
     * A county's row: its latest good snapshot's day and figures (headlines, as its own page shows them), the latest
     * failure if one came after it, and whether the snapshot is older than {@link #STALE_DAYS} days. The province total
     * counts active counties only.
     */
    public record CountyRow(String code, String name, String status, LocalDate asOf, Long snapshotId, boolean sharesTownships,
            LocalDate failedOn, String failure, boolean stale, Map<String, Shown> figures, Funds funds) {
    }

    /** A county whose latest good snapshot is older than this many days is flagged (数据较旧). */
    static final int STALE_DAYS = 2;

    static final String CHECKPOINTS = "funds.checkpoint-progress";

    /** 支出进度 today, the progress on the day of the province's checkpoint in force (the last one passed) against its target, and the next one. */
    public record Funds(BigDecimal progress, String checkpoint, LocalDate checkpointOn, BigDecimal atCheckpoint, BigDecimal target, String result,
            String next, LocalDate nextOn, BigDecimal nextTarget, String citation) {
    }

    public record Trend(String key, List<MetricReport.Breakdown> months) {
    }

    public record Dashboard(String province, String provinceName, List<Column> metrics, List<CountyRow> counties, Map<String, Shown> totals,
            List<Trend> trends, String note) {
    }

    /** A county's snapshot opened up: every metric by township (where shared), month and category. */
    public record CountyDetail(String province, String code, String name, LocalDate asOf, boolean sharesTownships, List<MetricReport> metrics) {
    }

    // ---------------------------------------------------------------- scope

    /** The province, if the caller may see it: its own province admin, or a platform admin. */
    public String checkScope(String province) {
        user.requireAnyRole(Roles.PLATFORM_ADMIN, Roles.PROVINCE_ADMIN);
        if (provinces.find(province).isEmpty()) {
            throw new ApiException(PlatformError.NOT_FOUND, "省份 " + province);
        }
        if (!user.hasRole(Roles.PLATFORM_ADMIN) && !province.equals(user.province())) {
            throw new ApiException(AdminError.PROVINCE_SCOPE);
        }
        return province;
    }

    // ---------------------------------------------------------------- the dashboard

    public Dashboard dashboard(String province) {
        checkScope(province);
        List<MetricDefinition> defs = metrics.definitions();
        try (Connection c = control.getConnection()) {
            List<CountyRow> rows = new ArrayList<>();
            Map<String, TenantRow> tenants = tenants(c, province);
            Map<String, Failure> failures = failures(c, province);
            Map<String, Latest> latest = latest(c, province);
            Map<Long, Map<String, List<MetricValue>>> heads = headlines(c, latest.values().stream().map(Latest::id).toList());
            Map<String, BigDecimal[]> total = new TreeMap<>();
            LocalDate today = clock.today();
            for (Map.Entry<String, TenantRow> t : tenants.entrySet()) {
                TenantRow tenant = t.getValue();
                Latest snap = latest.get(t.getKey());
                LocalDate asOf = snap == null ? null : snap.asOf();
                Map<String, Shown> figures = new LinkedHashMap<>();
                Map<String, List<MetricValue>> values = snap == null ? Map.of() : heads.getOrDefault(snap.id(), Map.of());
                if (snap != null) {
                    for (MetricDefinition d : defs) {
                        Figure f = MetricReport.headlineRows(new MetricRows(d, values.getOrDefault(d.key(), List.of())), asOf).total();
                        figures.put(d.key(), Shown.of(d, f));
                        if ("ACTIVE".equals(tenant.status())) {
                            // The province's total: active counties only (a suspended county's last figures are not this year's work).
                            BigDecimal[] tt = total.computeIfAbsent(d.key(), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                            tt[0] = tt[0].add(f.numerator());
                            tt[1] = tt[1].add(f.denominator() == null ? BigDecimal.ZERO : f.denominator());
                        }
                    }
                }
                Failure failed = failures.get(t.getKey());
                if (failed != null && snap != null && failed.id() < snap.id()) {
                    failed = null; // a good snapshot came after it
                }
                rows.add(new CountyRow(t.getKey(), tenant.name(), statusLabel(tenant.status()), asOf, snap == null ? null : snap.id(),
                        tenant.sharesTownships(), failed == null ? null : failed.on(), failed == null ? null : failed.message(),
                        asOf != null && asOf.isBefore(today.minusDays(STALE_DAYS)), figures,
                        asOf == null ? null : funds(province, t.getKey(), asOf, figures.get("funds.spending-progress"),
                                values.getOrDefault(CHECKPOINTS, List.of()))));
            }
            Map<String, Shown> totals = new LinkedHashMap<>();
            for (MetricDefinition d : defs) {
                BigDecimal[] s = total.get(d.key());
                totals.put(d.key(), Shown.of(d, Figure.of(d.kind(), s == null ? BigDecimal.ZERO : s[0], s == null ? BigDecimal.ZERO : s[1])));
            }
            LocalDate newest = latest.values().stream().map(Latest::asOf).max(LocalDate::compareTo).orElse(null);
            List<Trend> trends = newest == null ? List.of() : trends(c, province, defs, latest, newest);
            return new Dashboard(province, provinces.find(province).map(p -> p.displayName()).orElse(province), defs.stream().map(Column::of).toList(), rows,
                    totals, trends, "各县数字取自该县最近一份成功的指标快照（每晚自动生成，省级管理员也可随时发起）；快照只含数字，不含姓名、身份证号等个人信息。");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A county's latest good snapshot opened up by township (where the county shares that level), month and category. */
    public CountyDetail county(String province, String county) {
        checkScope(province);
        try (Connection c = control.getConnection()) {
            TenantRow tenant = tenants(c, province).get(county);
            if (tenant == null) {
                throw new ApiException(PlatformError.NOT_FOUND, "本省的县 " + county);
            }
            Latest snap = latest(c, province).get(county);
            if (snap == null) {
                return new CountyDetail(province, county, tenant.name(), null, tenant.sharesTownships(), List.of());
            }
            return details(c, province, Map.of(county, tenant), Map.of(county, snap)).get(0);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every county of the province that has a good snapshot, opened up as {@link #county} does, read in two queries (the workbook). */
    public List<CountyDetail> counties(String province) {
        checkScope(province);
        try (Connection c = control.getConnection()) {
            return details(c, province, tenants(c, province), latest(c, province));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<CountyDetail> details(Connection c, String province, Map<String, TenantRow> tenants, Map<String, Latest> latest) throws SQLException {
        List<Long> ids = latest.values().stream().map(Latest::id).toList();
        Map<Long, Map<String, List<MetricValue>>> values = new HashMap<>();
        Map<Long, Map<String, String>> names = new HashMap<>();
        if (!ids.isEmpty()) {
            String in = ids.stream().map(i -> "?").collect(Collectors.joining(","));
            try (PreparedStatement st = c.prepareStatement("SELECT snapshot_id, metric_key, area_code, month, category, numerator, denominator"
                    + " FROM metric_value WHERE snapshot_id IN (" + in + ")")) {
                bind(st, ids);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        values.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).computeIfAbsent(rs.getString(2), k -> new ArrayList<>())
                                .add(new MetricValue(blank(rs.getString(3)), blank(rs.getString(4)), blank(rs.getString(5)), rs.getBigDecimal(6),
                                        rs.getBigDecimal(7)));
                    }
                }
            }
            try (PreparedStatement st = c.prepareStatement("SELECT snapshot_id, area_code, name FROM metric_area WHERE snapshot_id IN (" + in + ")")) {
                bind(st, ids);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        names.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getString(2), rs.getString(3));
                    }
                }
            }
        }
        List<MetricDefinition> defs = metrics.definitions();
        List<CountyDetail> out = new ArrayList<>();
        for (Map.Entry<String, Latest> e : new TreeMap<>(latest).entrySet()) {
            Latest snap = e.getValue();
            TenantRow tenant = tenants.get(e.getKey());
            Map<String, List<MetricValue>> byMetric = values.getOrDefault(snap.id(), Map.of());
            Map<String, String> areaNames = names.getOrDefault(snap.id(), Map.of());
            List<MetricReport> reports = new ArrayList<>();
            for (MetricDefinition d : defs) {
                reports.add(MetricReport.of(new MetricRows(d, byMetric.getOrDefault(d.key(), List.of())), snap.asOf(),
                        snap.sharesTownships() ? MetricValue::village : null, areaNames));
            }
            out.add(new CountyDetail(province, e.getKey(), tenant == null ? e.getKey() : tenant.name(), snap.asOf(), snap.sharesTownships(), reports));
        }
        return out;
    }

    // ---------------------------------------------------------------- reads

    private record TenantRow(String name, String status, boolean sharesTownships) {
    }

    private record Failure(long id, LocalDate on, String message) {
    }

    private record Latest(long id, LocalDate asOf, boolean sharesTownships) {
    }

    private static void bind(PreparedStatement st, List<Long> ids) throws SQLException {
        for (int i = 0; i < ids.size(); i++) {
            st.setLong(i + 1, ids.get(i));
        }
    }

    /** The province's counties by code. */
    private static Map<String, TenantRow> tenants(Connection c, String province) throws SQLException {
        Map<String, TenantRow> out = new TreeMap<>();
        try (PreparedStatement st = c.prepareStatement("SELECT code, name, status, shares_townships FROM tenant WHERE province_id = ? ORDER BY code")) {
            st.setString(1, province);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), new TenantRow(rs.getString(2), rs.getString(3), rs.getBoolean(4)));
                }
            }
        }
        return out;
    }

    /** Each county's latest failed snapshot. */
    private static Map<String, Failure> failures(Connection c, String province) throws SQLException {
        Map<String, Failure> out = new HashMap<>();
        try (PreparedStatement st = c.prepareStatement("SELECT s.county_code, s.id, s.as_of, s.message FROM metric_snapshot s JOIN"
                + " (SELECT county_code, MAX(id) AS id FROM metric_snapshot WHERE province_id = ? AND status = 'FAILED' GROUP BY county_code) f"
                + " ON f.id = s.id")) {
            st.setString(1, province);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), new Failure(rs.getLong(2), rs.getObject(3, LocalDate.class), rs.getString(4)));
                }
            }
        }
        return out;
    }

    private static String statusLabel(String status) {
        return switch (status) {
            case "ACTIVE" -> "正常";
            case "SUSPENDED" -> "已暂停";
            default -> "未就绪";
        };
    }

    /** Each county's latest good snapshot. */
    private static Map<String, Latest> latest(Connection c, String province) throws SQLException {
        Map<String, Latest> out = new TreeMap<>();
        try (PreparedStatement st = c.prepareStatement("SELECT s.county_code, s.id, s.as_of, s.shares_townships FROM metric_snapshot s JOIN"
                + " (SELECT county_code, MAX(id) AS id FROM metric_snapshot WHERE province_id = ? AND status = 'OK' GROUP BY county_code) l"
                + " ON l.id = s.id")) {
            st.setString(1, province);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), new Latest(rs.getLong(2), rs.getObject(3, LocalDate.class), rs.getBoolean(4)));
                }
            }
        }
        return out;
    }

    /**
     * snapshot -> metric -> its rows summed over areas (the year of a month kept, so {@link MetricReport#headlineRows} can
     * pick the as-of year's; the category kept for checkpoints and categories).
     */
    private static Map<Long, Map<String, List<MetricValue>>> headlines(Connection c, List<Long> ids) throws SQLException {
        Map<Long, Map<String, List<MetricValue>>> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        String in = ids.stream().map(i -> "?").collect(Collectors.joining(","));
        try (PreparedStatement st = c.prepareStatement("SELECT snapshot_id, metric_key, LEFT(month, 4), category, SUM(numerator), SUM(denominator)"
                + " FROM metric_value WHERE snapshot_id IN (" + in + ") GROUP BY snapshot_id, metric_key, LEFT(month, 4), category")) {
            bind(st, ids);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).computeIfAbsent(rs.getString(2), k -> new ArrayList<>())
                            .add(new MetricValue(null, blank(rs.getString(3)), blank(rs.getString(4)), rs.getBigDecimal(5), rs.getBigDecimal(6)));
                }
            }
        }
        return out;
    }

    /**
     * The province's figure by month: for a metric counted by month, the month rows of each county's latest snapshot; for a
     * figure on a day (households, rates on the day), each county's last good snapshot in that month.
     */
    private List<Trend> trends(Connection c, String province, List<MetricDefinition> defs, Map<String, Latest> latest, LocalDate newest)
            throws SQLException {
        List<String> months = CountyMetrics.months(newest);
        Map<String, List<MetricValue>> rows = new HashMap<>();
        List<Long> ids = latest.values().stream().map(Latest::id).toList();
        if (!ids.isEmpty()) {
            String in = ids.stream().map(i -> "?").collect(Collectors.joining(","));
            try (PreparedStatement st = c.prepareStatement("SELECT metric_key, month, SUM(numerator), SUM(denominator) FROM metric_value"
                    + " WHERE snapshot_id IN (" + in + ") AND month <> '' GROUP BY metric_key, month")) {
                bind(st, ids);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        rows.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new MetricValue(null, rs.getString(2), null,
                                rs.getBigDecimal(3), rs.getBigDecimal(4)));
                    }
                }
            }
        }
        try (PreparedStatement st = c.prepareStatement("SELECT v.metric_key, m.month, SUM(v.numerator), SUM(v.denominator) FROM metric_value v JOIN"
                + " (SELECT DATE_FORMAT(as_of, '%Y-%m') AS month, MAX(id) AS id FROM metric_snapshot WHERE province_id = ? AND status = 'OK'"
                + " AND as_of >= ? GROUP BY county_code, DATE_FORMAT(as_of, '%Y-%m')) m ON m.id = v.snapshot_id WHERE v.month = ''"
                + " GROUP BY v.metric_key, m.month")) {
            st.setString(1, province);
            st.setObject(2, Date.valueOf(LocalDate.of(newest.getYear() - 1, 1, 1)));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rows.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new MetricValue(null, rs.getString(2), null,
                            rs.getBigDecimal(3), rs.getBigDecimal(4)));
                }
            }
        }
        List<Trend> out = new ArrayList<>();
        for (MetricDefinition d : defs) {
            MetricDefinition monthly = d.byMonth() ? d : new MetricDefinition(d.key(), d.label(), d.definition(), d.source(), d.kind(), d.unit(),
                    d.numeratorLabel(), d.denominatorLabel(), java.util.Set.of(cn.fpjc.core.platform.metrics.Dimension.MONTH), false, Map.of());
            MetricRows r = new MetricRows(monthly, rows.getOrDefault(d.key(), List.of()));
            List<MetricReport.Breakdown> parts = new ArrayList<>();
            r.byMonth(months).forEach((m, f) -> parts.add(new MetricReport.Breakdown(m, m.substring(0, 4) + "年" + Integer.parseInt(m.substring(5)) + "月",
                    Shown.of(d, f))));
            out.add(new Trend(d.key(), parts));
        }
        return out;
    }

    /**
     * 支出进度 against the checkpoint in force on the county's day (the last one passed that the province set), judged as the
     * spending page judges it: the progress on that checkpoint's day (from {@link #CHECKPOINTS}), met when it reaches the
     * target, not met when nothing had arrived by then.
     */
    private Funds funds(String province, String county, LocalDate asOf, Shown progress, List<MetricValue> checkpoints) {
        String name = null;
        LocalDate on = null;
        BigDecimal target = null;
        String citation = null;
        String key = null;
        String next = null;
        LocalDate nextOn = null;
        BigDecimal nextTarget = null;
        for (ProgressRules.Point p : ProgressRules.POINTS) {
            LocalDate due = p.dueIn(asOf.getYear());
            EffectiveParameter v = parameters.resolve(province, county, p.key(), asOf.getYear());
            if (v.origin() == ParameterOrigin.NOT_SET || v.value() == null) {
                continue;
            }
            if (!due.isAfter(asOf)) {
                name = p.label();
                on = due;
                target = new BigDecimal(v.value().strip());
                citation = v.citation();
                key = p.key();
            } else if (next == null) {
                next = p.label();
                nextOn = due;
                nextTarget = new BigDecimal(v.value().strip());
            }
        }
        BigDecimal atCheckpoint = null;
        for (MetricValue m : checkpoints) {
            if (m.category() != null && m.category().equals(key)) {
                atCheckpoint = Figure.of(cn.fpjc.core.platform.metrics.MetricKind.RATIO, m.numerator(), m.denominator()).value();
            }
        }
        Boolean met = ProgressRules.met(atCheckpoint, target);
        String result = target == null ? "本省未设定已到期的检查点" : met ? "达到" : atCheckpoint == null ? "未达到（检查点当日无到账资金）" : "未达到";
        return new Funds(progress == null ? null : progress.value(), name, on, atCheckpoint, target, result, next, nextOn, nextTarget, citation);
    }

    private static String blank(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
