package cn.fpjc.app.bench;

import static cn.fpjc.app.support.Api.as;

import cn.fpjc.app.support.Sql;
import cn.fpjc.core.funds.asset.AssetCheckScan;
import cn.fpjc.core.funds.asset.CheckLevel;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The maintenance overdue scan (项目资产): {@code infra/bench/asset-scan.sh}, never the normal test command. 信丰县 360722 (the
 * county whose cadence is set: 1 / 3 / 6 months) gets assets written straight into fund_asset, spread over its four
 * villages and registered over the last two years, each with a village check most months, a township check most quarters
 * and a county check most half-years (about one asset in seven behind on some level). At each size the API
 * ({@code GET …/funds/assets/overdue-checks} as the county admin: the scan, village names, JSON) is timed beside the raw
 * SQL of the scan over JDBC. Prints p50/p99; asserts only that both find the same number of overdue (asset, level) pairs.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "fpjc.bench.assets", matches = "\\d+(,\\d+)*")
class AssetScanBenchmark {
    static final String COUNTY = "360722";
    static final String[] VILLAGES = { "360722100201", "360722100202", "360722101201", "360722101202" };

    @Inject
    AgroalDataSource dataSource;

    final List<String> report = new ArrayList<>();

    @Test
    void overdueScanFigures() throws Exception {
        int runs = Integer.getInteger("fpjc.bench.runs", 20);
        String db = Sql.database(COUNTY);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        long project = project(db, today);
        int written = 0;
        String sql = AssetCheckScan.sql(List.of(CheckLevel.values()));
        for (String size : System.getProperty("fpjc.bench.assets").split(",")) {
            int target = Integer.parseInt(size);
            long g0 = System.nanoTime();
            write(db, project, written, target - written, today);
            written = target;
            int assets = Integer.parseInt(Sql.column("SELECT COUNT(*) FROM " + db + ".fund_asset").get(0));
            int checks = Integer.parseInt(Sql.column("SELECT COUNT(*) FROM " + db + ".fund_asset_check").get(0));
            line("assets @" + target, "%,d assets in the county, %,d checks (written in %.0f s)", assets, checks, (System.nanoTime() - g0) / 1e9);

            List<Long> api = new ArrayList<>();
            int apiCount = -1;
            for (int i = 0; i < runs + 2; i++) {
                long s = System.nanoTime();
                apiCount = as("xinfeng.admin").get("/api/counties/" + COUNTY + "/funds/assets/overdue-checks").then().statusCode(200)
                        .extract().jsonPath().getInt("count");
                if (i >= 2) { // two warm-up calls
                    api.add(System.nanoTime() - s);
                }
            }
            List<Long> raw = new ArrayList<>();
            int rawCount = -1;
            for (int i = 0; i < runs; i++) {
                long s = System.nanoTime();
                rawCount = raw(db, sql, today);
                raw.add(System.nanoTime() - s);
            }
            if (apiCount != rawCount) {
                throw new AssertionError("the API and the SQL disagree: " + apiCount + " / " + rawCount);
            }
            line("overdue scan @" + target, "API p50 %,.0f ms, p99 %,.0f ms (%d runs); raw SQL p50 %,.0f ms, p99 %,.0f ms; %,d overdue pairs",
                    RegistryBenchmark.percentile(api, 50), RegistryBenchmark.percentile(api, 99), runs, RegistryBenchmark.percentile(raw, 50),
                    RegistryBenchmark.percentile(raw, 99), apiCount);
        }
        Path out = Path.of("target", "bench-asset-scan.txt");
        Files.write(out, report);
        System.out.println("\n==== asset scan benchmark ====\n" + String.join("\n", report) + "\n(written to " + out.toAbsolutePath() + ")");
    }

    long project(String db, LocalDate today) {
        String name = "资产基准项目" + System.nanoTime();
        Sql.execute("INSERT INTO " + db + ".fund_project (year, name, category, nature, fund_usage, content, implementer, enterprise_run,"
                + " non_poor_villages, status, completed_on, audited_on, revision, created_by, created_at, updated_at, version) VALUES ("
                + today.getYear() + ", '" + name + "', 'INDUSTRY', 'OPERATING', 'INDUSTRY_PRODUCTION', '基准', '基准', false, false, 'AUDITED', '"
                + today.minusYears(2).minusDays(30) + "', '" + today.minusYears(2) + "', 1, 'bench', NOW(6), NOW(6), 0)");
        return Long.parseLong(Sql.column("SELECT id FROM " + db + ".fund_project WHERE name = '" + name + "'").get(0));
    }

    /** {@code n} assets after the first {@code from}, and their checks up to today. */
    void write(String db, long project, int from, int n, LocalDate today) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            String digit = "(SELECT 0 d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5"
                    + " UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9)";
            String seq = "(SELECT a.d + 10 * b.d + 100 * c.d + 1000 * e.d + 10000 * f.d n FROM " + digit + " a, " + digit + " b, " + digit + " c, "
                    + digit + " e, " + digit + " f) s";
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + db + ".fund_asset (project_id, name, nature, owner, custodian, value,"
                    + " village_code, audited_on, registered_on, status, created_by, created_at, version) SELECT ?, CONCAT('基准资产', s.n),"
                    + " ELT(1 + MOD(s.n, 3), 'OPERATING', 'PUBLIC_WELFARE', 'HOUSEHOLD'), '村股份经济合作社', '村委会', 100000.00,"
                    + " ELT(1 + MOD(s.n, 4), ?, ?, ?, ?), ?, ? - INTERVAL MOD(s.n * 7, 700) DAY, 'IN_USE', 'bench', NOW(6), 0 FROM " + seq
                    + " WHERE s.n >= " + from + " AND s.n < " + (from + n))) {
                ps.setLong(1, project);
                for (int v = 0; v < 4; v++) {
                    ps.setString(2 + v, VILLAGES[v]);
                }
                ps.setObject(6, today.minusYears(2));
                ps.setObject(7, today);
                ps.executeUpdate();
            }
            // Checks: village every month, township every quarter, county every half-year since registration; one asset in
            // seven stops its checks of one level 8 months ago.
            for (Object[] level : new Object[][] { { "VILLAGE", 1, 24 }, { "TOWNSHIP", 3, 8 }, { "COUNTY", 6, 4 } }) {
                StringBuilder k = new StringBuilder("SELECT 1 k");
                for (int i = 2; i <= (int) level[2]; i++) {
                    k.append(" UNION ALL SELECT ").append(i);
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + db + ".fund_asset_check (asset_id, check_level, checked_on, inspector,"
                        + " findings, asset_condition, created_by, created_at) SELECT a.id, ?, a.registered_on + INTERVAL (" + level[1]
                        + " * k.k) MONTH - INTERVAL 3 DAY, '基准', '完好', 'GOOD', 'bench', NOW(6) FROM " + db + ".fund_asset a JOIN (" + k
                        + ") k WHERE a.project_id = ? AND a.id > (SELECT COALESCE(MAX(asset_id), 0) FROM " + db + ".fund_asset_check WHERE check_level = ?)"
                        + " AND a.registered_on + INTERVAL (" + level[1] + " * k.k) MONTH - INTERVAL 3 DAY <= IF(MOD(a.id, 7) = 0, ? - INTERVAL 8 MONTH, ?)")) {
                    ps.setString(1, (String) level[0]);
                    ps.setLong(2, project);
                    ps.setString(3, (String) level[0]);
                    ps.setObject(4, today);
                    ps.setObject(5, today);
                    ps.executeUpdate();
                }
            }
            st.execute("ANALYZE TABLE " + db + ".fund_asset, " + db + ".fund_asset_check");
        }
    }

    /** The scan's SQL straight over JDBC in the county's database, every level set as 信丰县 sets it. */
    int raw(String db, String sql, LocalDate today) throws Exception {
        String jdbc = sql.replace(":m_village", "?").replace(":m_township", "?").replace(":m_county", "?").replace(":scope", "?").replace(":today", "?");
        try (Connection c = dataSource.getConnection()) {
            c.setCatalog(db);
            try (PreparedStatement ps = c.prepareStatement(jdbc)) {
                int p = 1;
                for (int m : new int[] { 1, 3, 6 }) {
                    ps.setInt(p++, m);
                }
                ps.setString(p++, COUNTY + "%");
                ps.setObject(p, today);
                int rows = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows++;
                    }
                }
                return rows;
            }
        }
    }

    void line(String what, String format, Object... args) {
        report.add(String.format(Locale.ROOT, "%-28s %s", what, String.format(Locale.ROOT, format, args)));
        System.out.println(report.get(report.size() - 1));
    }
}
