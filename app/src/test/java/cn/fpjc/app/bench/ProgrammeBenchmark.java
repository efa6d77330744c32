package cn.fpjc.app.bench;

import static cn.fpjc.app.support.Api.as;

import cn.fpjc.app.support.Api;
import cn.fpjc.core.platform.security.Roles;
import cn.fpjc.core.registry.SyntheticRegistryService;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * 应享未享 figures (issue 13): {@code infra/bench/programmes.sh}, never the normal test command. A Heilongjiang county is
 * generated at two sizes (the synthetic registry: ages, schooling and work that fit together, ≈ 3.3 members a household);
 * at each, the county approver asks the API for the first page of a programme's 应享未享 list — which assesses every
 * candidate — beside a raw SQL count of the same condition on the same data. Prints figures; asserts only that the two agree.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "fpjc.bench.programme-households", matches = "\\d+(,\\d+)*")
class ProgrammeBenchmark {
    @Inject
    SyntheticRegistryService synthetic;

    @Inject
    AgroalDataSource dataSource;

    final List<String> report = new ArrayList<>();

    /** The same condition as the programme's rules, in SQL (Heilongjiang: 本科 not funded; transport ≥ 3 months). */
    static final String[][] PROGRAMMES = {
            { "yulu", "m.schooling IN ('SECONDARY_VOCATIONAL','HIGHER_VOCATIONAL')" },
            { "transport-subsidy", "m.employment_place = 'OUT_OF_PROVINCE' AND m.employment_months >= 3" } };

    @Test
    void unclaimedFigures() throws Exception {
        String[] sizes = System.getProperty("fpjc.bench.programme-households").split(",");
        for (String size : sizes) {
            int target = Integer.parseInt(size);
            // A county per size: a second synthetic batch in the same county would repeat ID numbers.
            String county = Api.onboard("heilongjiang", "23");
            String admin = Api.createUser("t_pbench_admin_" + county, Roles.COUNTY_ADMIN, county, county);
            for (int t = 1; t <= 10; t++) {
                String township = county + String.format("%03d", 100 + t) + "000";
                as(admin).body(java.util.Map.of("code", township, "name", "镇" + t)).post("/api/counties/" + county + "/org-units");
                for (int v = 1; v <= 10; v++) {
                    as(admin).body(java.util.Map.of("code", county + String.format("%03d", 100 + t) + String.format("%03d", 200 + v), "name",
                            "村" + t + "-" + v)).post("/api/counties/" + county + "/org-units");
                }
            }
            String approver = Api.createUser("t_pbench_appr_" + county, Roles.COUNTY_APPROVER, county, county);
            String db = "county_" + county;
            long g0 = System.nanoTime();
            synthetic.generate(county, target, 13);
            long members = count(db, "SELECT COUNT(*) FROM " + db + ".member WHERE active");
            line("county", "%,d households, %,d members (generated in %.0f s)", target, members, (System.nanoTime() - g0) / 1e9);
            for (String[] p : PROGRAMMES) {
                String sql = "SELECT COUNT(*) FROM " + db + ".member m JOIN " + db + ".household h ON h.id = m.household_id WHERE m.active AND h.active"
                        + " AND h.category IN ('POVERTY_ALLEVIATED','MONITORED') AND " + p[1];
                List<Long> raw = new ArrayList<>();
                long rawCount = 0;
                for (int i = 0; i < 5; i++) {
                    long s = System.nanoTime();
                    rawCount = count(db, sql);
                    raw.add(System.nanoTime() - s);
                }
                List<Long> api = new ArrayList<>();
                long total = 0;
                for (int i = 0; i < 3; i++) {
                    long s = System.nanoTime();
                    total = as(approver).queryParam("size", 50).get("/api/counties/" + county + "/assistance-programmes/" + p[0] + "/unclaimed")
                            .then().statusCode(200).extract().jsonPath().getLong("total");
                    api.add(System.nanoTime() - s);
                }
                if (total != rawCount) {
                    throw new AssertionError(p[0] + ": the API found " + total + ", the SQL count " + rawCount);
                }
                double apiMs = RegistryBenchmark.percentile(api, 50);
                double rawMs = RegistryBenchmark.percentile(raw, 50);
                line("应享未享 " + p[0] + " @" + target, "%,d entitled: API median %.0f ms (3 runs), raw SQL count median %.1f ms (5 runs), ratio %.1f×",
                        total, apiMs, rawMs, apiMs / rawMs);
            }
        }
        Path out = Path.of("target", "bench-programmes.txt");
        Files.write(out, report);
        System.out.println("\n==== programme benchmark ====\n" + String.join("\n", report) + "\n(written to " + out.toAbsolutePath() + ")");
    }

    long count(String db, String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    void line(String what, String format, Object... args) {
        report.add(String.format(Locale.ROOT, "%-34s %s", what, String.format(Locale.ROOT, format, args)));
        System.out.println(report.get(report.size() - 1));
    }
}
