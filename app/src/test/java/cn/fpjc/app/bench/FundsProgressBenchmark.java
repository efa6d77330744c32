package cn.fpjc.app.bench;

import cn.fpjc.app.support.Api;
import cn.fpjc.app.support.Sql;
import cn.fpjc.core.platform.security.Roles;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * 支出进度 figures: {@code infra/bench/funds-progress.sh}, never the normal test command. At each size
 * ({@code projects:payments}, default 2,000:50,000 then 4,000:100,000) a Heilongjiang county gets 21 indicator documents
 * (six sources), that many approved projects with one funding line each and that many payment records, written straight
 * into the tables; then {@code GET /funds/progress} (fund year 2024 on 2024-10-20: every checkpoint but year end passed)
 * is timed beside the raw SQL doing the same aggregates (payments by source and day, allocations by source and day, the
 * behind-schedule count and first page) on the same rows. Prints p50/p99; asserts only that both sum the same paid total.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "fpjc.bench.funds", matches = "\\d+:\\d+(,\\d+:\\d+)*")
class FundsProgressBenchmark {
    static final int YEAR = 2024;
    static final String DATE = "2024-10-20";

    @Inject
    AgroalDataSource dataSource;

    final List<String> report = new ArrayList<>();

    @Test
    void progressFigures() throws Exception {
        int runs = Integer.getInteger("fpjc.bench.runs", 30);
        for (String size : System.getProperty("fpjc.bench.funds").split(",")) {
            int projects = Integer.parseInt(size.split(":")[0]);
            int payments = Integer.parseInt(size.split(":")[1]);
            String county = Api.onboard("heilongjiang", "23");
            String admin = Api.createUser("t_fbench_admin_" + county, Roles.COUNTY_ADMIN, county, county);
            String db = Sql.database(county);
            long g0 = System.nanoTime();
            write(db, projects, payments);
            line("funds @" + projects + ":" + payments, "%,d projects, %,d funding lines, %,d payments (written in %.1f s)",
                    count("SELECT COUNT(*) FROM " + db + ".fund_project"), count("SELECT COUNT(*) FROM " + db + ".fund_project_funding"),
                    count("SELECT COUNT(*) FROM " + db + ".fund_payment"), (System.nanoTime() - g0) / 1e9);

            String url = "/api/counties/" + county + "/funds/progress?year=" + YEAR + "&date=" + DATE;
            String token = Api.token(admin);
            BigDecimal apiPaid = null;
            long behind = 0;
            for (int i = 0; i < 3; i++) {
                Api.withToken(token).get(url).then().statusCode(200);
            }
            List<Long> api = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                long s = System.nanoTime();
                var p = new io.restassured.path.json.JsonPath(Api.withToken(token).get(url).then().statusCode(200).extract().asString())
                        .using(new io.restassured.path.json.config.JsonPathConfig(io.restassured.path.json.config.JsonPathConfig.NumberReturnType.BIG_DECIMAL));
                api.add(System.nanoTime() - s);
                apiPaid = p.getObject("paid", BigDecimal.class);
                behind = p.getLong("behindTotal");
            }
            List<Long> raw = new ArrayList<>();
            BigDecimal rawPaid = null;
            for (int i = 0; i < runs; i++) {
                long s = System.nanoTime();
                rawPaid = raw(db);
                raw.add(System.nanoTime() - s);
            }
            if (apiPaid.compareTo(rawPaid) != 0) {
                throw new AssertionError("the endpoint and the SQL disagree: paid " + apiPaid + " / " + rawPaid);
            }
            line("progress endpoint @" + projects + ":" + payments, "p50 %,.1f ms, p99 %,.1f ms (%d runs, HTTP + JSON); raw SQL p50 %,.1f ms,"
                    + " p99 %,.1f ms; ratio %.1f× at p50", RegistryBenchmark.percentile(api, 50), RegistryBenchmark.percentile(api, 99), runs,
                    RegistryBenchmark.percentile(raw, 50), RegistryBenchmark.percentile(raw, 99),
                    RegistryBenchmark.percentile(api, 50) / RegistryBenchmark.percentile(raw, 50));
            line("", "  paid %s yuan; %,d projects behind the mid-October checkpoint", apiPaid.toPlainString(), behind);
        }
        Path out = Path.of("target", "bench-funds-progress.txt");
        Files.write(out, report);
        System.out.println("\n==== funds progress benchmark ====\n" + String.join("\n", report) + "\n(written to " + out.toAbsolutePath() + ")");
    }

    /** 21 documents, the projects with a line each (spread over the documents), the payments spread over the projects and the year. */
    void write(String db, int projects, int payments) throws Exception {
        String[] sources = { "CENTRAL", "PROVINCIAL", "CITY", "COUNTY", "INTEGRATED", "PAIRED_ASSISTANCE", "DONATION" };
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            for (int d = 0; d < 21; d++) {
                st.executeUpdate("INSERT INTO " + db + ".fund_allocation (year, doc_number, title, source, amount, received_on, created_by, created_at,"
                        + " version) VALUES (" + YEAR + ", '黑财农〔" + YEAR + "〕" + (d + 1) + "号', '衔接资金', '" + sources[d % 7] + "', 0, '" + YEAR + "-0"
                        + (1 + d % 6) + "-15', 'bench', NOW(6), 0)");
            }
            st.executeUpdate("INSERT INTO " + db + ".fund_project (year, name, category, nature, fund_usage, township_code, content, implementer,"
                    + " enterprise_run, non_poor_villages, status, approval_doc, approved_on, revision, created_by, created_at, updated_at, version)"
                    + " SELECT " + YEAR + ", CONCAT('基准项目', s.seq), 'INDUSTRY', 'OPERATING', 'INDUSTRY_PRODUCTION', NULL, '建设内容', '合作社', FALSE,"
                    + " FALSE, 'APPROVED', '批复', '" + YEAR + "-03-01', 1, 'bench', NOW(6), NOW(6), 0 FROM seq_1_to_" + projects + " s");
            st.executeUpdate("INSERT INTO " + db + ".fund_project_funding (project_id, source, amount, allocation_id)"
                    + " SELECT p.id, a.source, 100000.00 + MOD(p.id, 17) * 1000, a.id FROM " + db + ".fund_project p JOIN " + db
                    + ".fund_allocation a ON a.id = (SELECT MIN(id) FROM " + db + ".fund_allocation) + MOD(p.id, 21)");
            st.executeUpdate("UPDATE " + db + ".fund_allocation a SET amount = (SELECT SUM(f.amount) FROM " + db
                    + ".fund_project_funding f WHERE f.allocation_id = a.id)");
            // Each line gets payments of 1/40 of its amount, so no line is overpaid at these sizes (≤ 40 payments per line).
            long first = count("SELECT MIN(id) FROM " + db + ".fund_project_funding");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + db + ".fund_payment (project_id, funding_id, allocation_id, source, amount,"
                    + " paid_on, voucher_no, payee, created_by, created_at) SELECT f.project_id, f.id, f.allocation_id, f.source, ROUND(f.amount / 40, 2),"
                    + " DATE_ADD('" + YEAR + "-03-01', INTERVAL MOD(s.seq * 7, 290) DAY), CONCAT('B', s.seq), '合作社', 'bench', NOW(6)"
                    + " FROM seq_1_to_" + payments + " s JOIN " + db + ".fund_project_funding f ON f.id = ? + MOD(s.seq * 13, " + projects + ")")) {
                ps.setLong(1, first);
                ps.executeUpdate();
            }
            st.execute("ANALYZE TABLE " + db + ".fund_allocation, " + db + ".fund_project, " + db + ".fund_project_funding, " + db + ".fund_payment");
        }
    }

    /** The endpoint's aggregates in plain SQL; returns the paid total. */
    BigDecimal raw(String db) throws Exception {
        BigDecimal paid = BigDecimal.ZERO;
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT p.source, p.paid_on, SUM(p.amount) FROM " + db + ".fund_payment p JOIN " + db
                    + ".fund_allocation a ON a.id = p.allocation_id WHERE a.year = " + YEAR + " AND p.paid_on <= '" + DATE + "' GROUP BY p.source, p.paid_on")) {
                while (rs.next()) {
                    paid = paid.add(rs.getBigDecimal(3));
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT source, received_on, SUM(amount) FROM " + db + ".fund_allocation WHERE year = " + YEAR
                    + " AND received_on <= '" + DATE + "' GROUP BY source, received_on")) {
                while (rs.next()) {
                    rs.getBigDecimal(3);
                }
            }
            String from = " FROM " + db + ".fund_project_funding f JOIN " + db + ".fund_allocation a ON a.id = f.allocation_id JOIN " + db
                    + ".fund_project pr ON pr.id = f.project_id LEFT JOIN (SELECT funding_id, SUM(amount) AS paid FROM " + db
                    + ".fund_payment WHERE paid_on <= '" + DATE + "' GROUP BY funding_id) pp ON pp.funding_id = f.id WHERE a.year = " + YEAR
                    + " AND pr.status IN ('APPROVED', 'COMPLETED', 'AUDITED') AND pr.approved_on <= '" + DATE + "' GROUP BY f.project_id"
                    + " HAVING ROUND(COALESCE(SUM(pp.paid), 0) * 100 / SUM(f.amount), 2) < 79.17";
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM (SELECT f.project_id" + from + ") x")) {
                rs.next();
            }
            try (ResultSet rs = st.executeQuery("SELECT f.project_id, SUM(f.amount), COALESCE(SUM(pp.paid), 0)" + from
                    + " ORDER BY COALESCE(SUM(pp.paid), 0) / SUM(f.amount), f.project_id LIMIT 20")) {
                while (rs.next()) {
                    rs.getLong(1);
                }
            }
        }
        return paid;
    }

    long count(String sql) {
        return Long.parseLong(Sql.column(sql).get(0));
    }

    void line(String what, String format, Object... args) {
        report.add(String.format(Locale.ROOT, "%-44s %s", what, String.format(Locale.ROOT, format, args)));
        System.out.println(report.get(report.size() - 1));
    }
}
