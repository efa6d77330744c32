package cn.fpjc.app.bench;

import static cn.fpjc.app.support.Api.as;

import cn.fpjc.app.support.Api;
import cn.fpjc.app.support.Sql;
import cn.fpjc.core.registry.SyntheticRegistryService;
import cn.fpjc.core.platform.security.Roles;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Identification figures (issue 5) on a generated county: {@code infra/bench/cases.sh}, never the normal test command.
 * Open cases are written straight into the tables (as the service would leave them, spread over the seven steps and
 * the villages, due dates around today); the inbox and the overdue ledger are then read through the API, and a
 * county approver approves 1,000 cases in one batch. Prints figures; asserts only that the work was done.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "fpjc.bench.cases", matches = "\\d+")
class CaseBenchmark {
    static final String[][] STEPS = { { "verify", "受理与入户核实", Roles.VILLAGE_CLERK, "书面申请\n入户核实记录" },
            { "authorize", "授权承诺与信息比对", Roles.VILLAGE_CLERK, "授权承诺书（拒签须留存证据）\n信息比对结果" },
            { "review", "民主评议", Roles.VILLAGE_CLERK, "评议会议记录" }, { "notice", "村内公示", Roles.VILLAGE_CLERK, "公示起止日期\n异议及处理情况" },
            { "township", "乡镇初审", Roles.TOWNSHIP_REVIEWER, "乡镇审核意见" }, { "county", "县级审定与公告", Roles.COUNTY_APPROVER, "审批意见\n公告" },
            { "entry", "信息采集与系统录入", Roles.VILLAGE_CLERK, "入户采集表\n系统录入" } };

    @Inject
    SyntheticRegistryService synthetic;

    @Inject
    AgroalDataSource dataSource;

    final List<String> report = new ArrayList<>();

    @Test
    void caseFigures() throws Exception {
        int households = Integer.getInteger("fpjc.bench.households", 300_000);
        int cases = Integer.getInteger("fpjc.bench.cases");
        int batch = Integer.getInteger("fpjc.bench.batch", 1000);
        // The test example province sets visit intervals and a re-adjustment deadline, so every part of the deadline scan runs.
        String county = Api.onboard(System.getProperty("fpjc.bench.province", cn.fpjc.province.testexample.ExampleProvincePlugin.ID), System.getProperty("fpjc.bench.province-code", "98"));
        String admin = Api.createUser("t_cbench_admin_" + county, Roles.COUNTY_ADMIN, county, county);
        List<String> villages = new ArrayList<>();
        String township = null;
        for (int t = 1; t <= 5; t++) {
            String[] tv = Api.addTownshipAndVillage(admin, county, String.valueOf(100 + t));
            villages.add(tv[1]);
            township = township == null ? tv[0] : township;
        }
        long g0 = System.nanoTime();
        synthetic.generate(county, households, 7);
        line("generate", "%d households in %.1f s", households, (System.nanoTime() - g0) / 1e9);
        String db = Sql.database(county);

        // Open cases, written as the service leaves them: every fifth household, its current step spread over the seven.
        long w0 = System.nanoTime();
        writeCases(db, cases);
        line("open cases written (direct SQL)", "%d cases, %d steps in %.1f s", cases, cases * STEPS.length, (System.nanoTime() - w0) / 1e9);

        String clerk = Api.createUser("t_cbench_clerk_" + county, Roles.VILLAGE_CLERK, county, villages.get(0));
        String reviewer = Api.createUser("t_cbench_rev_" + county, Roles.TOWNSHIP_REVIEWER, county, township);
        String approver = Api.createUser("t_cbench_appr_" + county, Roles.COUNTY_APPROVER, county, county);
        for (String[] who : new String[][] { { "inbox, village clerk", clerk }, { "inbox, township reviewer", reviewer },
                { "inbox, county approver", approver } }) {
            String token = Api.token(who[1]);
            for (int i = 0; i < 20; i++) {
                RegistryBenchmark.get(token, "/api/counties/" + county + "/inbox");
            }
            List<Long> t = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                long t0 = System.nanoTime();
                RegistryBenchmark.get(token, "/api/counties/" + county + "/inbox");
                t.add(System.nanoTime() - t0);
            }
            line(who[0], "p50 %.1f ms, p99 %.1f ms (n=%d, up to 200 items)", RegistryBenchmark.percentile(t, 50),
                    RegistryBenchmark.percentile(t, 99), t.size());
        }
        // The nightly scan's work: every step past its due date in the county.
        String approverToken = Api.token(approver);
        List<Long> scan = new ArrayList<>();
        int overdue = 0;
        for (int i = 0; i < 5; i++) {
            long t0 = System.nanoTime();
            overdue = as(approver).queryParam("limit", 1000).get("/api/counties/" + county + "/overdue-steps").then().statusCode(200)
                    .extract().jsonPath().getList("caseId").size();
            scan.add(System.nanoTime() - t0);
        }
        line("overdue ledger, whole county", "median %.1f ms (first 1,000 of the overdue steps: %d listed)",
                RegistryBenchmark.percentile(scan, 50), overdue);
        String raw = "SELECT COUNT(*) FROM " + db + ".monitoring_case c JOIN " + db + ".case_step s ON s.case_id = c.id AND s.step_id = c.current_step"
                + " WHERE c.status = 'IN_PROGRESS' AND s.due_on < CURRENT_DATE";
        long r0 = System.nanoTime();
        String count = Sql.column(raw).get(0);
        line("", "  raw count of all overdue steps: %s in %.1f ms", count, (System.nanoTime() - r0) / 1e6);

        // The nightly deadline scan over the whole county: steps, plans, re-adjustments and visits, each one INSERT … SELECT.
        int monitored = Integer.getInteger("fpjc.bench.monitored", cases / 2);
        long m0 = System.nanoTime();
        writeMonitored(db, monitored);
        line("monitored households written (direct SQL)", "%d cases (plans for half, visits for a third) in %.1f s", monitored,
                (System.nanoTime() - m0) / 1e9);
        List<Long> scans = new ArrayList<>();
        JsonPath lastScan = null;
        for (int i = 0; i < 5; i++) {
            long t0 = System.nanoTime();
            lastScan = as(approver).post("/api/counties/" + county + "/deadline-scan/runs").then().statusCode(200).extract().jsonPath();
            scans.add(System.nanoTime() - t0);
        }
        line("nightly deadline scan, whole county", "median %.0f ms over 5 runs (flags: %d steps, %d plans, %d re-adjustments, %d visits)",
                RegistryBenchmark.percentile(scans, 50), lastScan.getInt("steps"), lastScan.getInt("plans"), lastScan.getInt("readjustments"),
                lastScan.getInt("visits"));

        // Batch approval: the county approver completes 1,000 cases at 县级审定 in one request.
        List<Long> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT id FROM " + db + ".monitoring_case WHERE current_step = 'county' AND status = 'IN_PROGRESS' ORDER BY id LIMIT " + batch)) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        long b0 = System.nanoTime();
        JsonPath result = as(approver).body(Map.of("caseIds", ids, "action", "COMPLETE", "stepId", "county",
                "evidence", Map.of("审批意见", "同意纳入", "公告", "已公告"))).post("/api/counties/" + county + "/case-batches").then()
                .statusCode(200).extract().jsonPath();
        double seconds = (System.nanoTime() - b0) / 1e9;
        long ok = result.getList("ok").stream().filter(Boolean.TRUE::equals).count();
        line("batch approval at county step", "%d cases in %.1f s = %.0f cases/s (%d approved)", ids.size(), seconds, ids.size() / seconds, ok);
        if (ok != ids.size()) {
            throw new AssertionError("batch approval did not complete every case: " + result.prettify().substring(0, 2000));
        }
        if (approverToken.isEmpty()) {
            throw new AssertionError("no token");
        }
        Path out = Path.of("target", "bench-cases.txt");
        Files.write(out, report);
        System.out.println("\n==== case benchmark ====\n" + String.join("\n", report) + "\n(written to " + out.toAbsolutePath() + ")");
    }

    /** Writes {@code n} open cases with their steps, current steps spread evenly over the seven. */
    void writeCases(String db, int n) throws Exception {
        Random random = new Random(11);
        LocalDate today = LocalDate.now();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            List<long[]> households = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT id, village_code FROM " + db
                    + ".household WHERE MOD(id, 5) = 0 ORDER BY id LIMIT " + n)) {
                while (rs.next()) {
                    households.add(new long[] { rs.getLong(1), Long.parseLong(rs.getString(2)) });
                }
            }
            try (PreparedStatement cs = c.prepareStatement("INSERT INTO " + db + ".monitoring_case (household_id, village_code, procedure_id,"
                    + " monitoring_type, risk_categories, green_channel, status, current_step, started_on, created_at, created_by, version,"
                    + " current_step_role, current_due, current_step_label, current_step_evidence, current_step_copy_of)"
                    + " VALUES (?, ?, 'identification', 'MARGINAL', 'ILLNESS', false, 'IN_PROGRESS', ?, ?, NOW(6), 'bench', 0, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS);
                    PreparedStatement ss = c.prepareStatement("INSERT INTO " + db + ".case_step (case_id, step_id, seq, label, role,"
                            + " evidence_required, due_on, due_rule, completed_on, completed_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < households.size(); i++) {
                    int current = i % STEPS.length;
                    String village = String.valueOf(households.get(i)[1]);
                    LocalDate started = today.minusDays(random.nextInt(20));
                    cs.setLong(1, households.get(i)[0]);
                    cs.setString(2, village);
                    cs.setString(3, STEPS[current][0]);
                    cs.setObject(4, started);
                    cs.setString(5, STEPS[current][2]);
                    cs.setObject(6, current == 0 ? started.plusDays(5) : current == 5 ? started.plusDays(15) : LocalDate.of(9999, 12, 31));
                    cs.setString(7, STEPS[current][1]);
                    cs.setString(8, STEPS[current][3]);
                    cs.setString(9, STEPS[current][0]);
                    cs.executeUpdate();
                    long caseId;
                    try (ResultSet keys = cs.getGeneratedKeys()) {
                        keys.next();
                        caseId = keys.getLong(1);
                    }
                    for (int s = 0; s < STEPS.length; s++) {
                        ss.setLong(1, caseId);
                        ss.setString(2, STEPS[s][0]);
                        ss.setInt(3, s);
                        ss.setString(4, STEPS[s][1]);
                        ss.setString(5, STEPS[s][2]);
                        ss.setString(6, STEPS[s][3]);
                        ss.setObject(7, s == 0 || s == 5 ? started.plusDays(s == 0 ? 5 : 15) : null);
                        ss.setString(8, s == 0 || s == 5 ? "bench" : null);
                        ss.setObject(9, s < current ? started : null);
                        ss.setString(10, s < current ? "bench" : null);
                        ss.addBatch();
                    }
                    if (i % 500 == 499) {
                        ss.executeBatch();
                        c.commit();
                    }
                }
                ss.executeBatch();
                c.commit();
            }
            try (Statement st = c.createStatement()) {
                st.execute("ANALYZE TABLE " + db + ".monitoring_case, " + db + ".case_step");
            }
            c.commit();
        }
    }

    /** Writes {@code n} approved cases (monitoring under way, 10 % eliminated), plans for half, an official's visit for a third. */
    void writeMonitored(String db, int n) throws Exception {
        Random random = new Random(13);
        LocalDate today = LocalDate.now();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            List<long[]> households = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT id, village_code FROM " + db
                    + ".household WHERE MOD(id, 5) = 1 ORDER BY id LIMIT " + n)) {
                while (rs.next()) {
                    households.add(new long[] { rs.getLong(1), Long.parseLong(rs.getString(2)) });
                }
            }
            try (PreparedStatement cs = c.prepareStatement("INSERT INTO " + db + ".monitoring_case (household_id, village_code, procedure_id,"
                    + " monitoring_type, risk_categories, green_channel, status, started_on, approved_on, risk_state, risk_state_on, plan_due,"
                    + " created_at, created_by, version) VALUES (?, ?, 'identification', 'MARGINAL', 'ILLNESS', false, 'COMPLETED', ?, ?, ?, ?, ?,"
                    + " NOW(6), 'bench', 0)", Statement.RETURN_GENERATED_KEYS);
                    PreparedStatement ps = c.prepareStatement("INSERT INTO " + db + ".assistance_plan (case_id, household_id, village_code,"
                            + " responsible_official, labour_willing, adjusted_on, adjustment_required, created_at, created_by, updated_at, version)"
                            + " VALUES (?, ?, ?, '帮扶责任人', true, ?, false, NOW(6), 'bench', NOW(6), 0)");
                    PreparedStatement vs = c.prepareStatement("INSERT INTO " + db + ".followup_visit (case_id, household_id, village_code, kind,"
                            + " visitor, visited_on, findings, created_at, created_by) VALUES (?, ?, ?, 'OFFICIAL', '帮扶责任人', ?, '走访', NOW(6), 'bench')")) {
                for (int i = 0; i < households.size(); i++) {
                    LocalDate approved = today.minusDays(30 + random.nextInt(870));
                    String village = String.valueOf(households.get(i)[1]);
                    cs.setLong(1, households.get(i)[0]);
                    cs.setString(2, village);
                    cs.setObject(3, approved.minusDays(10));
                    cs.setObject(4, approved);
                    cs.setString(5, i % 10 == 9 ? "ELIMINATED" : "UNRESOLVED");
                    cs.setObject(6, approved);
                    cs.setObject(7, approved.plusDays(10));
                    cs.executeUpdate();
                    long caseId;
                    try (ResultSet keys = cs.getGeneratedKeys()) {
                        keys.next();
                        caseId = keys.getLong(1);
                    }
                    if (i % 2 == 0) {
                        ps.setLong(1, caseId);
                        ps.setLong(2, households.get(i)[0]);
                        ps.setString(3, village);
                        ps.setObject(4, approved.plusDays(5));
                        ps.addBatch();
                    }
                    if (i % 3 == 0) {
                        vs.setLong(1, caseId);
                        vs.setLong(2, households.get(i)[0]);
                        vs.setString(3, village);
                        vs.setObject(4, today.minusDays(random.nextInt(200)));
                        vs.addBatch();
                    }
                    if (i % 500 == 499) {
                        ps.executeBatch();
                        vs.executeBatch();
                        c.commit();
                    }
                }
                ps.executeBatch();
                vs.executeBatch();
                c.commit();
            }
            try (Statement st = c.createStatement()) {
                st.execute("ANALYZE TABLE " + db + ".monitoring_case, " + db + ".assistance_plan, " + db + ".followup_visit");
            }
            c.commit();
        }
    }

    void line(String what, String format, Object... args) {
        report.add(String.format(Locale.ROOT, "%-44s %s", what, String.format(Locale.ROOT, format, args)));
        System.out.println(report.get(report.size() - 1));
    }
}
