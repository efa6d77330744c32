package cn.fpjc.app.bench;

import static cn.fpjc.app.support.Api.as;

import cn.fpjc.admin.rollup.MetricSnapshotJob;
import cn.fpjc.app.support.Api;
import cn.fpjc.app.support.Sql;
import cn.fpjc.core.platform.jobs.BackgroundJobs;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The roll-up at scale: {@code infra/bench/rollup.sh}, never the normal test command. Hunan counties are onboarded and
 * filled by SQL (org units: 15 townships × 14 villages; households; 5 % of them identified over the last 20 months with
 * plans for most; clues for 10 %; micro-loans for 10 %, 2 % of them overdue). At each size ("counties x households") the
 * nightly snapshot job runs over every active county: total time, and each Hunan county's time beside the sum of the
 * metrics' main SQL statements run over JDBC on that county (the raw baseline). Then the province dashboard API (p50/p99)
 * beside its main grouped SQL on the control database and an empty endpoint ({@code /q/health/live}).
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "fpjc.bench.rollup", matches = "\\d+x\\d+(,\\d+x\\d+)*")
class RollupBenchmark {
    @Inject
    BackgroundJobs jobs;

    @Inject
    MetricSnapshotJob job;

    @Inject
    AgroalDataSource dataSource;

    final List<String> report = new ArrayList<>();
    final List<String> counties = new ArrayList<>();

    @Test
    void snapshotAndDashboardFigures() throws Exception {
        int runs = Integer.getInteger("fpjc.bench.runs", 50);
        for (String size : System.getProperty("fpjc.bench.rollup").split(",")) {
            int target = Integer.parseInt(size.split("x")[0]);
            int households = Integer.parseInt(size.split("x")[1]);
            long g0 = System.nanoTime();
            while (counties.size() < target) {
                String county = Api.onboard("hunan", "43");
                fill(Sql.database(county), county, households);
                counties.add(county);
            }
            line("rollup @" + size, "%d Hunan counties of %,d households (set up in %.0f s)", counties.size(), households, (System.nanoTime() - g0) / 1e9);

            int active = Integer.parseInt(Sql.column("SELECT COUNT(*) FROM tenant WHERE status = 'ACTIVE'").get(0));
            long s0 = System.nanoTime();
            jobs.runSlot(job, Instant.parse("2040-01-01T20:30:00Z").plusSeconds(System.nanoTime() % 1_000_000));
            double total = (System.nanoTime() - s0) / 1e6;
            String in = String.join(",", counties.stream().map(c -> "'" + c + "'").toList());
            List<Long> perCounty = Sql.column("SELECT millis FROM metric_snapshot WHERE status = 'OK' AND county_code IN (" + in + ")"
                    + " AND id IN (SELECT MAX(id) FROM metric_snapshot GROUP BY county_code)").stream().map(Long::parseLong).sorted().toList();
            long failed = Sql.column("SELECT id FROM metric_snapshot WHERE status = 'FAILED'").size();
            List<Long> raw = new ArrayList<>();
            for (String c : counties.subList(0, Math.min(10, counties.size()))) {
                raw.add(raw(Sql.database(c)));
            }
            Collections.sort(raw);
            line("snapshot @" + size, "nightly job over %d active counties: %.0f ms in all (%.1f ms a county; %d failed)", active, total, total / active, failed);
            line("  per county", "compute p50 %d ms, p99 %d ms (metric_snapshot.millis, the county's database read)", pct(perCounty, 50), pct(perCounty, 99));
            line("  raw SQL", "the metrics' main statements over JDBC: p50 %.1f ms (10 counties) — app/raw %.1f×", raw.get(raw.size() / 2) / 1e6,
                    pct(perCounty, 50) / (raw.get(raw.size() / 2) / 1e6));

            List<Long> api = new ArrayList<>();
            for (int i = 0; i < runs + 3; i++) {
                long t = System.nanoTime();
                as("hunan-admin").get("/api/admin/provinces/hunan/dashboard").then().statusCode(200);
                if (i >= 3) {
                    api.add(System.nanoTime() - t);
                }
            }
            List<Long> sql = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                long t = System.nanoTime();
                headlineSql();
                sql.add(System.nanoTime() - t);
            }
            List<Long> health = new ArrayList<>();
            for (int i = 0; i < runs + 3; i++) {
                long t = System.nanoTime();
                RestAssured.given().get("/q/health/live").then().statusCode(200);
                if (i >= 3) {
                    health.add(System.nanoTime() - t);
                }
            }
            Collections.sort(api);
            Collections.sort(sql);
            Collections.sort(health);
            line("dashboard @" + size, "GET /api/admin/provinces/hunan/dashboard p50 %.1f ms, p99 %.1f ms; its headline SQL p50 %.1f ms; /q/health/live p50 %.1f ms",
                    pct(api, 50) / 1e6, pct(api, 99) / 1e6, pct(sql, 50) / 1e6, pct(health, 50) / 1e6);
        }
        Path out = Path.of("target", "bench-rollup.txt");
        Files.write(out, report);
    }

    private void line(String key, String format, Object... args) {
        String s = String.format("%-22s %s", key, String.format(format, args));
        report.add(s);
        System.out.println(s);
    }

    private static long pct(List<Long> sorted, int p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    /** The county's data, written straight into its tables (the bench measures reading it, not entering it). */
    private void fill(String db, String county, int households) throws Exception {
        int cases = households / 20;
        int tenth = households / 10;
        String[] sql = {
            "INSERT INTO " + db + ".org_unit (code, name, level, parent_code, version, created_at, updated_at) SELECT CONCAT('" + county
                    + "', LPAD(100 + seq, 3, '0'), '000'), CONCAT('乡镇', seq), 'TOWNSHIP', NULL, 0, NOW(), NOW() FROM seq_0_to_14",
            "INSERT INTO " + db + ".org_unit (code, name, level, parent_code, version, created_at, updated_at) SELECT CONCAT('" + county
                    + "', LPAD(100 + t.seq, 3, '0'), LPAD(201 + v.seq, 3, '0')), CONCAT('村', t.seq, '-', v.seq), 'VILLAGE', CONCAT('" + county
                    + "', LPAD(100 + t.seq, 3, '0'), '000'), 0, NOW(), NOW() FROM seq_0_to_14 t, seq_0_to_13 v",
            "INSERT INTO " + db + ".household (household_no, village_code, category, relocated, no_labour_capacity, active, version, created_at, updated_at)"
                    + " SELECT CONCAT('B', seq), " + village(county, "seq") + ", IF(seq % 3 = 0, 'POVERTY_ALLEVIATED', 'ORDINARY'), FALSE, FALSE, TRUE, 0, NOW(), NOW()"
                    + " FROM " + numbers(households),
            "INSERT INTO " + db + ".monitoring_case (household_id, village_code, procedure_id, monitoring_type, risk_categories, green_channel, status,"
                    + " started_on, approved_on, risk_state, risk_state_on, plan_due, created_at, created_by, version)"
                    + " SELECT seq * 20, " + village(county, "seq * 20") + ", 'identification', ELT(1 + seq % 3, 'UNSTABLE', 'MARGINAL', 'SUDDEN_HARDSHIP'),"
                    + " IF(seq % 2 = 0, 'ILLNESS', 'ILLNESS,ACCIDENT'), FALSE, 'COMPLETED', CURDATE() - INTERVAL (seq % 600 + 20) DAY,"
                    + " CURDATE() - INTERVAL (seq % 600 + 12 - seq % 10) DAY, ELT(1 + seq % 20 DIV 8, 'UNRESOLVED', 'ELIMINATED', 'BASIC_PROTECTION'),"
                    + " CURDATE() - INTERVAL (seq % 600) DAY, CURDATE() - INTERVAL (seq % 600 + 2 - seq % 10) DAY, NOW(), 'bench', 0"
                    + " FROM " + numbers(cases),
            "INSERT INTO " + db + ".assistance_plan (case_id, household_id, village_code, responsible_official, labour_willing, adjusted_on,"
                    + " adjustment_required, created_at, created_by, updated_at, version) SELECT id, household_id, village_code, '帮扶人', TRUE,"
                    + " plan_due - INTERVAL (id % 14) - 3 DAY, FALSE, NOW(), 'bench', NOW(), 0 FROM " + db + ".monitoring_case WHERE id % 10 <> 0",
            "INSERT INTO " + db + ".risk_clue (tracking_no, channel, village_code, person_name, id_cipher, id_hash, id_masked, description, reported_on,"
                    + " received_at, received_by, status, verify_due, verified_on, version) SELECT CONCAT('X', seq), 'CADRE_SCREENING', " + village(county, "seq * 10")
                    + ", '某', X'00', UNHEX(SHA2(CONCAT('" + county + "', seq), 256)), '430000********0000', '排查', CURDATE() - INTERVAL (seq % 600) DAY, NOW(),"
                    + " 'bench', IF(seq % 7 = 0, 'OPEN', 'NO_RISK'), CURDATE() - INTERVAL (seq % 600 - 5) DAY,"
                    + " IF(seq % 7 = 0, NULL, CURDATE() - INTERVAL (seq % 600 - seq % 7) DAY), 0 FROM " + numbers(tenth),
            "INSERT INTO " + db + ".loan (product_code, household_id, member_id, village_code, borrower_name, borrower_id_masked, applied_on, amount,"
                    + " term_months, annual_rate, repayment_method, purpose, held_before, subsidy_cap, subsidy_share, product_json, status, principal_repaid,"
                    + " overdue_days, contract_no, version, created_at, created_by, updated_at) SELECT 'micro', seq * 10, 0, " + village(county, "seq * 10")
                    + ", '某', '430000********0000', CURDATE() - INTERVAL 400 DAY, 50000.00, 36, 3.4500, 'INTEREST_MONTHLY', '养殖', 0, 50000, 100, '{}',"
                    + " 'DISBURSED', (seq % 5) * 1000, IF(seq % 50 = 0, 40, 0), CONCAT('C', seq), 0, NOW(), 'bench', NOW() FROM " + numbers(tenth) };
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        }
    }

    /** 1 … n as a signed column {@code seq} (the sequence engine's is unsigned, and the dates subtract from it). */
    private static String numbers(int n) {
        return "(SELECT CAST(seq AS SIGNED) AS seq FROM seq_1_to_" + n + ") s";
    }

    /** The village of household number {@code n}: one of the county's 210, by n mod 210. */
    private static String village(String county, String n) {
        return "CONCAT('" + county + "', LPAD(100 + (" + n + ") % 15, 3, '0'), LPAD(201 + ((" + n + ") DIV 15) % 14, 3, '0'))";
    }

    /** The metrics' main statements, as plain SQL over JDBC on one county. */
    private long raw(String db) throws Exception {
        String[] sql = {
            "SELECT c.village_code, c.started_on, c.approved_on FROM " + db + ".monitoring_case c WHERE c.parent_case_id IS NULL AND c.village_code LIKE '%'"
                    + " AND c.approved_on BETWEEN CURDATE() - INTERVAL 700 DAY AND CURDATE()",
            "SELECT c.village_code, DATE_FORMAT(c.plan_due, '%Y-%m'), SUM(p.id IS NOT NULL AND NOT p.adjustment_required AND LEAST(p.adjusted_on,"
                    + " DATE(CONVERT_TZ(p.created_at, '+00:00', '+08:00'))) <= c.plan_due), COUNT(*) FROM " + db + ".monitoring_case c LEFT JOIN " + db
                    + ".assistance_plan p ON p.case_id = c.id WHERE c.parent_case_id IS NULL AND c.risk_state IS NOT NULL AND c.plan_due BETWEEN"
                    + " CURDATE() - INTERVAL 700 DAY AND CURDATE() GROUP BY c.village_code, DATE_FORMAT(c.plan_due, '%Y-%m')",
            "SELECT village_code, monitoring_type, COUNT(*) FROM " + db + ".monitoring_case WHERE parent_case_id IS NULL AND risk_state IS NOT NULL"
                    + " GROUP BY village_code, monitoring_type",
            "SELECT village_code, monitoring_type, COUNT(*) FROM " + db + ".monitoring_case WHERE parent_case_id IS NULL AND risk_state = 'ELIMINATED'"
                    + " GROUP BY village_code, monitoring_type",
            "SELECT village_code, monitoring_type, COUNT(*) FROM " + db + ".monitoring_case WHERE parent_case_id IS NULL AND risk_state = 'UNRESOLVED'"
                    + " AND approved_on < CURDATE() - INTERVAL 2 YEAR GROUP BY village_code, monitoring_type",
            "SELECT village_code, risk_categories, COUNT(*) FROM " + db + ".monitoring_case WHERE parent_case_id IS NULL AND risk_state = 'UNRESOLVED'"
                    + " GROUP BY village_code, risk_categories",
            "SELECT village_code, DATE_FORMAT(reported_on, '%Y-%m'), SUM(verified_on <= verify_due), COUNT(*) FROM " + db + ".risk_clue WHERE"
                    + " reported_on >= CURDATE() - INTERVAL 700 DAY AND verify_due IS NOT NULL GROUP BY village_code, DATE_FORMAT(reported_on, '%Y-%m')",
            "SELECT village_code, SUM(IF(overdue_days > 0, amount - principal_repaid, 0)), SUM(amount - principal_repaid) FROM " + db + ".loan"
                    + " WHERE status = 'DISBURSED' AND product_code = 'micro' GROUP BY village_code",
            "SELECT DATE_FORMAT(p.paid_on, '%Y-%m'), p.source, SUM(p.amount) FROM " + db + ".fund_payment p JOIN " + db + ".fund_allocation a"
                    + " ON a.id = p.allocation_id WHERE a.year = YEAR(CURDATE()) GROUP BY DATE_FORMAT(p.paid_on, '%Y-%m'), p.source" };
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            long t = System.nanoTime();
            for (String s : sql) {
                try (ResultSet rs = st.executeQuery(s)) {
                    while (rs.next()) {
                        rs.getString(1);
                    }
                }
            }
            return System.nanoTime() - t;
        }
    }

    private void headlineSql() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT v.snapshot_id, v.metric_key, SUM(v.numerator), SUM(v.denominator) FROM metric_value v JOIN metric_snapshot s ON s.id = v.snapshot_id"
                        + " JOIN (SELECT MAX(id) AS id FROM metric_snapshot WHERE province_id = 'hunan' AND status = 'OK' GROUP BY county_code) l ON l.id = s.id"
                        + " WHERE v.month = '' OR LEFT(v.month, 4) = CAST(YEAR(s.as_of) AS CHAR) GROUP BY v.snapshot_id, v.metric_key")) {
            while (rs.next()) {
                rs.getString(2);
            }
        }
    }
}
