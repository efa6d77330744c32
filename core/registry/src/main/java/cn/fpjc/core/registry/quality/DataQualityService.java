package cn.fpjc.core.registry.quality;

import cn.fpjc.core.platform.web.Page;
import cn.fpjc.core.platform.clock.AppClock;
import cn.fpjc.core.platform.error.PlatformError;

import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.policy.param.EffectiveParameter;
import cn.fpjc.core.policy.param.EffectiveParameters;
import cn.fpjc.core.policy.param.ParameterOrigin;
import cn.fpjc.core.registry.IdNumber;
import cn.fpjc.core.registry.PersonalDataCipher;
import cn.fpjc.core.registry.RegistryService;
import cn.fpjc.core.platform.jobs.BackgroundJobs;
import cn.fpjc.core.platform.jobs.JobFailedException;
import cn.fpjc.core.platform.security.CurrentUser;
import cn.fpjc.core.platform.security.OrgScope;
import cn.fpjc.core.platform.tenancy.TenantAccess;
import cn.fpjc.core.platform.tenancy.TenantConnections;
import cn.fpjc.core.platform.tenancy.TenantInfo;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
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
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Runs the {@link DataQualityRule} catalogue over a whole county (on demand, or nightly for every county) and
 * keeps the findings of the latest runs; reading them is limited to the caller's org scope. Runs use plain
 * JDBC on one connection, rule by rule, each an INSERT … SELECT into {@code dq_finding}.
 */
@ApplicationScoped
public class DataQualityService {
    @Inject
    AppClock clock;

    private static final Logger LOG = Logger.getLogger(DataQualityService.class);
    /** Runs whose findings are kept; older ones are deleted when a run finishes. */
    static final int KEEP_RUNS = 3;
    /** The largest page of findings: the export reads them in pages of this size. */
    static final int EXPORT_PAGE = 5000;

    public record RunView(long id, String trigger, String actor, String status, int findings, String message, Instant startedAt,
            Instant finishedAt) {
        /** When it finished, Beijing time, to the minute (for pages). */
        public String finishedAtText() {
            return cn.fpjc.core.platform.web.Times.minute(finishedAt);
        }
    }

    public record RuleCount(String code, String label, String why, long count) {
    }

    public record Summary(RunView latest, RunView running, List<RuleCount> rules) {
    }

    public record Finding(long id, String rule, String ruleLabel, long householdId, String householdNo, Long memberId, String villageCode,
            String villageName, String detail) {
    }

    @Inject
    TenantConnections connections;

    @Inject
    PersonalDataCipher cipher;

    @Inject
    EffectiveParameters parameters;

    @Inject
    CurrentUser user;

    @Inject
    TenantAccess access;

    @Inject
    BackgroundJobs jobs;

    // ---------------------------------------------------------------- running

    /** Starts a run of the caller's county in the background; answers at once with the run (status RUNNING). */
    public RunView start() {
        user.requireAnyRole(RegistryService.WRITERS);
        TenantInfo tenant = access.current();
        try (Connection c = connections.open(tenant)) {
            RunView running = latest(c, "RUNNING");
            if (running != null && running.startedAt().isAfter(clock.now().minusSeconds(3600))) {
                return running;
            }
            long id = insertRun(c, "ON_DEMAND", user.username());
            // One on-demand run at a time per process, as before; the run shows in the county's background runs.
            jobs.submit(DataQualityJob.ID, DataQualityJob.LABEL, tenant, user.username(), "dq_run " + id, 1, () -> {
                execute(tenant, id);
                RunView done = find(tenant, id);
                if (!"DONE".equals(done.status())) {
                    throw new JobFailedException(done.message());
                }
                return done.findings() + "条疑点";
            });
            return find(c, id);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs every rule for a county now, on this thread (the nightly job; tests). */
    public RunView runNow(TenantInfo tenant, String trigger, String actor) throws SQLException {
        long id;
        try (Connection c = connections.open(tenant)) {
            id = insertRun(c, trigger, actor);
        }
        execute(tenant, id);
        return find(tenant, id);
    }

    private RunView find(TenantInfo tenant, long id) throws SQLException {
        try (Connection c = connections.open(tenant)) {
            return find(c, id);
        }
    }

    void execute(TenantInfo tenant, long runId) {
        long started = System.nanoTime();
        try (Connection c = connections.open(tenant)) {
            try {
                LocalDate today = clock.today();
                Map<DataQualityRule, Integer> counts = new EnumMap<>(DataQualityRule.class);
                for (DataQualityRule rule : DataQualityRule.values()) {
                    long t0 = System.nanoTime();
                    int n = switch (rule) {
                        case ID_BIRTH_SEX -> idBirthSex(c, runId);
                        case BELOW_THRESHOLD_UNMONITORED -> belowThreshold(c, runId, tenant);
                        default -> insert(c, runId, rule, rule.sql(), today);
                    };
                    counts.put(rule, n);
                    LOG.debugf("data quality %s rule %s: %d findings in %d ms", tenant.code(), rule, n, (System.nanoTime() - t0) / 1_000_000);
                }
                int total = counts.values().stream().mapToInt(Integer::intValue).sum();
                finish(c, runId, "DONE", total, null);
                try (PreparedStatement st = c.prepareStatement("DELETE f FROM dq_finding f JOIN (SELECT id FROM dq_run WHERE status = 'DONE'"
                        + " ORDER BY id DESC LIMIT 100 OFFSET " + KEEP_RUNS + ") old ON old.id = f.run_id")) {
                    st.executeUpdate();
                }
                LOG.infof("data quality run %d of %s: %d findings in %d ms %s", runId, tenant.code(), total,
                        (System.nanoTime() - started) / 1_000_000, counts);
            } catch (SQLException | RuntimeException e) {
                LOG.errorf(e, "data quality run %d of %s failed", runId, tenant.code());
                try (PreparedStatement st = c.prepareStatement("DELETE FROM dq_finding WHERE run_id = ?")) {
                    st.setLong(1, runId);
                    st.executeUpdate();
                }
                finish(c, runId, "FAILED", 0, "检查失败（" + e.getClass().getSimpleName() + "），请稍后重试");
            }
        } catch (SQLException e) {
            LOG.errorf(e, "data quality run %d of %s: could not record the outcome", runId, tenant.code());
        }
    }

    private static int insert(Connection c, long runId, DataQualityRule rule, String select, LocalDate today) throws SQLException {
        String sql = "INSERT INTO dq_finding (run_id, rule_code, household_id, member_id, village_code, detail) SELECT " + runId + ", '"
                + rule.name() + "', x.* FROM (" + select + ") x";
        try (PreparedStatement st = c.prepareStatement(sql)) {
            int params = (int) select.chars().filter(ch -> ch == '?').count();
            for (int i = 1; i <= params; i++) {
                st.setDate(i, Date.valueOf(today));
            }
            return st.executeUpdate();
        }
    }

    /** The ID number is encrypted, so this rule decrypts each member's number and compares what it says with the stored birth date and sex. */
    private int idBirthSex(Connection c, long runId) throws SQLException {
        List<Object[]> findings = new ArrayList<>();
        long after = 0;
        while (true) {
            int seen = 0;
            try (PreparedStatement st = c.prepareStatement("SELECT m.id, m.household_id, h.village_code, m.name, m.id_cipher, m.birth_date, m.sex"
                    + " FROM member m JOIN household h ON h.id = m.household_id WHERE m.active = TRUE AND h.active = TRUE AND m.id > ?"
                    + " ORDER BY m.id LIMIT 5000")) {
                st.setLong(1, after);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        seen++;
                        after = rs.getLong(1);
                        IdNumber id = cipher.decrypt(rs.getBytes(5));
                        LocalDate birth = rs.getObject(6, LocalDate.class);
                        String sex = rs.getString(7);
                        List<String> wrong = new ArrayList<>();
                        if (!id.birthDate().equals(birth)) {
                            wrong.add("出生日期登记为" + birth);
                        }
                        if (!id.sex().equals(sex)) {
                            wrong.add("性别登记为" + ("M".equals(sex) ? "男" : "女"));
                        }
                        if (!wrong.isEmpty()) {
                            findings.add(new Object[] { rs.getLong(2), rs.getLong(1), rs.getString(3),
                                    rs.getString(4) + "：" + String.join("、", wrong) + "，与身份证号不符" });
                        }
                    }
                }
            }
            if (seen < 5000) {
                break;
            }
        }
        try (PreparedStatement st = c.prepareStatement("INSERT INTO dq_finding (run_id, rule_code, household_id, member_id, village_code, detail)"
                + " VALUES (?, 'ID_BIRTH_SEX', ?, ?, ?, ?)")) {
            for (Object[] f : findings) {
                st.setLong(1, runId);
                st.setLong(2, (Long) f[0]);
                st.setLong(3, (Long) f[1]);
                st.setString(4, (String) f[2]);
                st.setString(5, (String) f[3]);
                st.addBatch();
            }
            st.executeBatch();
        }
        return findings.size();
    }

    /** The latest year's per-capita income of each household against that year's threshold (a parameter per year). */
    private int belowThreshold(Connection c, long runId, TenantInfo tenant) throws SQLException {
        List<Integer> years = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT DISTINCT income_year FROM income_record")) {
            while (rs.next()) {
                years.add(rs.getInt(1));
            }
        }
        StringBuilder thresholds = new StringBuilder();
        for (int year : years) {
            // Province yearly values live in the control database: read them in a transaction of their own.
            EffectiveParameter p = QuarkusTransaction.requiringNew()
                    .call(() -> parameters.resolve(tenant.provinceId(), tenant.code(), "monitoring.threshold", year));
            if (p.origin() != ParameterOrigin.NOT_SET) {
                thresholds.append(thresholds.isEmpty() ? "" : " UNION ALL ").append("SELECT ").append(year).append(" AS y, ")
                        .append(new BigDecimal(p.value()).toPlainString()).append(" AS t");
            }
        }
        if (thresholds.isEmpty()) {
            return 0;
        }
        String select = "SELECT h.id, NULL, h.village_code, CONCAT(i.income_year, '年人均纯收入', i.per_capita, '元，低于当年监测范围', th.t,"
                + " '元，但不是监测户') FROM income_record i"
                + " JOIN (SELECT household_id, MAX(income_year) AS y FROM income_record GROUP BY household_id) l"
                + " ON l.household_id = i.household_id AND l.y = i.income_year"
                + " JOIN (" + thresholds + ") th ON th.y = i.income_year JOIN household h ON h.id = i.household_id"
                + " WHERE h.active = TRUE AND h.category <> 'MONITORED' AND i.per_capita < th.t";
        return insert(c, runId, DataQualityRule.BELOW_THRESHOLD_UNMONITORED, select, clock.today());
    }

    // ---------------------------------------------------------------- reading

    /** The latest finished run, a run in progress if any, and each rule's number of findings within the caller's scope. */
    public Summary summary() {
        user.requireAnyRole(RegistryService.READERS);
        TenantInfo tenant = access.current();
        try (Connection c = connections.open(tenant)) {
            RunView latest = latest(c, "DONE");
            RunView running = latest(c, "RUNNING");
            Map<String, Long> counts = new LinkedHashMap<>();
            if (latest != null) {
                try (PreparedStatement st = c.prepareStatement("SELECT rule_code, COUNT(*) FROM dq_finding WHERE run_id = ? AND village_code LIKE ?"
                        + " GROUP BY rule_code")) {
                    st.setLong(1, latest.id());
                    st.setString(2, OrgScope.likePrefix(user.orgCode()));
                    try (ResultSet rs = st.executeQuery()) {
                        while (rs.next()) {
                            counts.put(rs.getString(1), rs.getLong(2));
                        }
                    }
                }
            }
            List<RuleCount> rules = new ArrayList<>();
            for (DataQualityRule r : DataQualityRule.values()) {
                rules.add(new RuleCount(r.name(), r.label(), r.why(), counts.getOrDefault(r.name(), 0L)));
            }
            return new Summary(latest, running, rules);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Findings of the latest finished run within the caller's scope, optionally of one rule and one village/township, paged. */
    public Page<Finding> findings(String rule, String village, int page, int size) {
        return findings(rule, village, BY_VILLAGE, page, size);
    }

    /** The columns the findings may be sorted by (村 and 规则 are indexed with the run; 户编号 is the household's). */
    public static final Map<String, String> SORTS = cn.fpjc.core.platform.web.SortBy.columns("village", "村", "householdNo", "户编号",
            "rule", "规则");

    /** The default order: by village, then 户编号 and rule. */
    public static final cn.fpjc.core.platform.web.SortBy BY_VILLAGE = new cn.fpjc.core.platform.web.SortBy("village", false);

    /**
     * The SQL order of each column in {@link #SORTS}: the column, then the others as the default order has them, then the
     * finding's id, all the same way round (so pages never overlap). Only these fixed strings reach the query.
     */
    private static final Map<String, List<String>> ORDER = Map.of(
            "village", List.of("f.village_code", "h.household_no", "f.rule_code", "f.id"),
            "householdNo", List.of("h.household_no", "f.rule_code", "f.id"),
            "rule", List.of("f.rule_code", "f.village_code", "h.household_no", "f.id"));

    /** The findings in the order asked for ({@link #SORTS}). */
    public Page<Finding> findings(String rule, String village, cn.fpjc.core.platform.web.SortBy sort, int page, int size) {
        List<String> orderColumns = ORDER.get(sort.column());
        if (orderColumns == null) {
            throw new IllegalArgumentException("not a finding sort: " + sort.column());
        }
        String orderBy = orderColumns.stream().map(c -> c + " " + sort.dir()).collect(java.util.stream.Collectors.joining(", "));
        user.requireAnyRole(RegistryService.READERS);
        Page.Window w = Page.window(page, size, EXPORT_PAGE);
        TenantInfo tenant = access.current();
        DataQualityRule r = rule == null || rule.isBlank() ? null : DataQualityRule.parse(rule);
        if (rule != null && !rule.isBlank() && r == null) {
            throw new ApiException(PlatformError.VALIDATION_FAILED, "没有这条检查规则：" + rule);
        }
        try (Connection c = connections.open(tenant)) {
            RunView latest = latest(c, "DONE");
            if (latest == null) {
                return Page.empty(w.size());
            }
            String where = " FROM dq_finding f JOIN household h ON h.id = f.household_id LEFT JOIN org_unit o ON o.code = f.village_code"
                    + " WHERE f.run_id = ? AND f.village_code LIKE ?" + (r == null ? "" : " AND f.rule_code = ?")
                    + (village == null || village.isBlank() ? "" : " AND f.village_code LIKE ?");
            List<Object> params = new ArrayList<>(List.of(latest.id(), OrgScope.likePrefix(user.orgCode())));
            if (r != null) {
                params.add(r.name());
            }
            if (village != null && !village.isBlank()) {
                params.add(OrgScope.likePrefix(village.strip()));
            }
            long total;
            try (PreparedStatement st = c.prepareStatement("SELECT COUNT(*)" + where)) {
                bind(st, params);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<Finding> items = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("SELECT f.id, f.rule_code, f.household_id, h.household_no, f.member_id,"
                    + " f.village_code, o.name, f.detail" + where + " ORDER BY " + orderBy + " LIMIT ? OFFSET ?")) {
                List<Object> all = new ArrayList<>(params);
                all.add(w.size());
                all.add(w.offset());
                bind(st, all);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        DataQualityRule fr = DataQualityRule.valueOf(rs.getString(2));
                        items.add(new Finding(rs.getLong(1), fr.name(), fr.label(), rs.getLong(3), rs.getString(4),
                                (Long) rs.getObject(5), rs.getString(6), rs.getString(7), rs.getString(8)));
                    }
                }
            }
            return new Page<>(items, total, w.page(), w.size());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- runs

    private long insertRun(Connection c, String trigger, String actor) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO dq_run (trigger_kind, actor, status, started_at) VALUES (?, ?, 'RUNNING', ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            st.setString(1, trigger);
            st.setString(2, actor);
            st.setObject(3, clock.nowUtc());
            st.executeUpdate();
            try (ResultSet keys = st.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private void finish(Connection c, long id, String status, int findings, String message) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("UPDATE dq_run SET status = ?, findings = ?, message = ?, finished_at = ? WHERE id = ?")) {
            st.setString(1, status);
            st.setInt(2, findings);
            st.setString(3, message);
            st.setObject(4, clock.nowUtc());
            st.setLong(5, id);
            st.executeUpdate();
        }
    }

    private static RunView latest(Connection c, String status) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT id FROM dq_run WHERE status = ? ORDER BY id DESC LIMIT 1")) {
            st.setString(1, status);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? find(c, rs.getLong(1)) : null;
            }
        }
    }

    private static RunView find(Connection c, long id) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT id, trigger_kind, actor, status, findings, message, started_at, finished_at"
                + " FROM dq_run WHERE id = ?")) {
            st.setLong(1, id);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                LocalDateTime s = rs.getObject(7, LocalDateTime.class);
                LocalDateTime f = rs.getObject(8, LocalDateTime.class);
                return new RunView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5), rs.getString(6),
                        s.toInstant(ZoneOffset.UTC), f == null ? null : f.toInstant(ZoneOffset.UTC));
            }
        }
    }

    private static void bind(PreparedStatement st, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            st.setObject(i + 1, params.get(i));
        }
    }
}
