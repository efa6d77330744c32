package cn.fpjc.app.bench;

import cn.fpjc.app.support.Api;
import cn.fpjc.app.support.Sql;
import cn.fpjc.core.assistance.loan.LoanDelinquencyJob;
import cn.fpjc.core.assistance.loan.LoanProducts;
import cn.fpjc.core.platform.clock.AppClock;
import cn.fpjc.core.platform.security.Roles;
import cn.fpjc.core.platform.tenancy.TenantDirectory;
import cn.fpjc.core.platform.tenancy.TenantInfo;
import cn.fpjc.core.platform.tenancy.TenantScope;
import cn.fpjc.core.registry.SyntheticRegistryService;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Loan figures (issue 13): {@code infra/bench/loans.sh}, never the normal test command. At each size a Henan county gets
 * that many disbursed 脱贫人口小额信贷 loans written straight into the tables (3 years, 按季付息到期还本: 12 instalments each,
 * disbursed over the last 1,000 days, about one loan in twelve behind by 1, 2 or 4 quarters' interest). The nightly
 * delinquency scan ({@link LoanDelinquencyJob#run}, as the scheduler calls it) is timed beside a raw SQL statement doing
 * the same work — one UPDATE computing each loan's oldest uncovered due date with a window sum, then the county's
 * aggregate — on the same rows. Each run starts from yesterday's state, as every night does. Prints figures; asserts
 * only that the scan and the SQL agree loan by loan and in the county figures.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "fpjc.bench.loans", matches = "\\d+(,\\d+)*")
class LoanBenchmark {
    static final String INTEREST = "481.25"; // 50,000 × 3.85 % × 3 ÷ 12, a quarter's interest

    @Inject
    SyntheticRegistryService synthetic;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    LoanDelinquencyJob job;

    @Inject
    TenantDirectory tenants;

    @Inject
    AppClock clock;

    @Inject
    LoanProducts products;

    @Inject
    ObjectMapper json;

    final List<String> report = new ArrayList<>();

    @Test
    void delinquencyScanFigures() throws Exception {
        int runs = Integer.getInteger("fpjc.bench.runs", 3);
        for (String size : System.getProperty("fpjc.bench.loans").split(",")) {
            int loans = Integer.parseInt(size);
            String county = Api.onboard("henan", "41");
            String admin = Api.createUser("t_lbench_admin_" + county, Roles.COUNTY_ADMIN, county, county);
            for (int t = 1; t <= 5; t++) {
                Api.addTownshipAndVillage(admin, county, String.valueOf(100 + t));
            }
            String db = Sql.database(county);
            LocalDate today = TenantScope.call(county, clock::today);
            long g0 = System.nanoTime();
            synthetic.generate(county, loans / 3 + 1000, 17);
            String product = TenantScope.callChecked(county, () -> json.writeValueAsString(products.micro("henan", county, today.getYear())));
            writeLoans(db, loans, today, product);
            line("loans @" + loans, "%,d disbursed loans, %,d instalments (written in %.0f s)", loans,
                    count("SELECT COUNT(*) FROM " + db + ".loan_instalment"), (System.nanoTime() - g0) / 1e9);
            TenantInfo tenant = tenants.find(county).orElseThrow();

            List<Long> scan = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                yesterday(db, today);
                long s = System.nanoTime();
                job.run(tenant);
                scan.add(System.nanoTime() - s);
            }
            String scanned = figures(db, today);
            String recorded = String.join("|", Sql.column("SELECT CONCAT_WS('|', loans, outstanding, overdue, days_1_30, days_31_90,"
                    + " days_91_180, over_180) FROM " + db + ".loan_scan ORDER BY id DESC LIMIT 1"));

            List<Long> raw = new ArrayList<>();
            String rawFigures = null;
            for (int i = 0; i < 5; i++) {
                yesterday(db, today);
                long s = System.nanoTime();
                rawFigures = rawScan(db, today);
                raw.add(System.nanoTime() - s);
            }
            String rawLoans = figures(db, today);
            if (!scanned.equals(rawLoans) || !recorded.equals(rawFigures)) {
                throw new AssertionError("the scan and the SQL disagree: loans " + scanned + " / " + rawLoans + ", county " + recorded + " / "
                        + rawFigures);
            }
            double scanMs = RegistryBenchmark.percentile(scan, 50);
            double rawMs = RegistryBenchmark.percentile(raw, 50);
            line("delinquency scan @" + loans, "median %,.0f ms (%d runs) = %,.0f loans/s; raw SQL median %,.0f ms (5 runs) = %,.0f loans/s;"
                    + " ratio %.1f×", scanMs, runs, loans / scanMs * 1000, rawMs, loans / rawMs * 1000, scanMs / rawMs);
            line("", "  county figures (loans|outstanding|overdue|1–30|31–90|91–180|>180): %s", recorded);
        }
        Path out = Path.of("target", "bench-loans.txt");
        Files.write(out, report);
        System.out.println("\n==== loan benchmark ====\n" + String.join("\n", report) + "\n(written to " + out.toAbsolutePath() + ")");
    }

    /** Disbursed loans for the first {@code n} members, their schedules, and repayments that leave about one in twelve behind. */
    void writeLoans(String db, int n, LocalDate today, String product) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + db + ".loan (product_code, household_id, member_id, village_code,"
                    + " borrower_name, borrower_id_masked, applied_on, amount, term_months, annual_rate, repayment_method, purpose, held_before,"
                    + " subsidy_cap, subsidy_share, product_json, status, decided_on, decided_by, contract_no, bank, disbursed_on, maturity_on,"
                    + " renewals, principal_repaid, interest_repaid, overdue_days, overdue_bucket, version, created_at, created_by, updated_at)"
                    + " SELECT 'micro', m.household_id, m.id, h.village_code, m.name, m.id_masked, d.disbursed - INTERVAL 10 DAY, 50000.00, 36,"
                    + " 3.8500, 'QUARTERLY_INTEREST', '种植养殖', 0, 50000.00, 100.00, ?, 'DISBURSED', d.disbursed - INTERVAL 5 DAY, 'bench',"
                    + " CONCAT('BENCH-', m.id), '农村商业银行', d.disbursed, d.disbursed + INTERVAL 36 MONTH, 0, 0, 0, 0, 'CURRENT', 0, NOW(6),"
                    + " 'bench', NOW(6) FROM (SELECT id, ? - INTERVAL MOD(id * 7, 1000) DAY disbursed FROM " + db + ".member ORDER BY id LIMIT "
                    + n + ") d JOIN " + db + ".member m ON m.id = d.id JOIN " + db + ".household h ON h.id = m.household_id")) {
                ps.setString(1, product);
                ps.setObject(2, today);
                ps.executeUpdate();
            }
            StringBuilder quarters = new StringBuilder("SELECT 1 q");
            for (int q = 2; q <= 12; q++) {
                quarters.append(" UNION ALL SELECT ").append(q);
            }
            st.executeUpdate("INSERT INTO " + db + ".loan_instalment (loan_id, seq, due_on, months, opening_balance, principal, interest, subsidy)"
                    + " SELECT l.id, s.q, l.disbursed_on + INTERVAL 3 * s.q MONTH, 3, 50000.00, IF(s.q = 12, 50000.00, 0), " + INTEREST + ", "
                    + INTEREST + " FROM " + db + ".loan l JOIN (" + quarters + ") s");
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + db + ".loan l JOIN (SELECT loan_id, COUNT(*) due FROM " + db
                    + ".loan_instalment WHERE due_on < ? GROUP BY loan_id) x ON x.loan_id = l.id SET l.interest_repaid = " + INTEREST
                    + " * GREATEST(0, x.due - CASE WHEN MOD(l.id, 20) = 0 THEN 1 WHEN MOD(l.id, 50) = 1 THEN 2 WHEN MOD(l.id, 97) = 3 THEN 4"
                    + " ELSE 0 END)")) {
                ps.setObject(1, today);
                ps.executeUpdate();
            }
            st.execute("ANALYZE TABLE " + db + ".loan, " + db + ".loan_instalment");
        }
    }

    /** Every run starts from the state the night before left. */
    void yesterday(String db, LocalDate today) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("UPDATE " + db + ".loan SET delinquency_on = ?,"
                + " overdue_since = NULL, overdue_days = 0, overdue_bucket = 'CURRENT'")) {
            ps.setObject(1, today.minusDays(1));
            ps.executeUpdate();
        }
    }

    /** The scan's work in SQL: each running loan's oldest past-due instalment its repayments do not cover, then the county figures. */
    String rawScan(String db, LocalDate today) throws Exception {
        String since = "SELECT x.loan_id, MIN(x.due_on) since FROM (SELECT i.loan_id, i.due_on, SUM(i.principal + i.interest) OVER (PARTITION BY"
                + " i.loan_id ORDER BY i.seq) cum, r.principal_repaid + r.interest_repaid paid FROM " + db + ".loan_instalment i JOIN " + db
                + ".loan r ON r.id = i.loan_id WHERE r.status = 'DISBURSED' AND r.product_code = 'micro') x WHERE x.due_on < ? AND x.paid < x.cum"
                + " GROUP BY x.loan_id";
        String days = "DATEDIFF(?, f.since)";
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + db + ".loan l LEFT JOIN (" + since + ") f ON f.loan_id = l.id"
                    + " SET l.overdue_since = f.since, l.overdue_days = COALESCE(" + days + ", 0), l.overdue_bucket = CASE WHEN f.since IS NULL"
                    + " THEN 'CURRENT' WHEN " + days + " <= 30 THEN 'DAYS_1_30' WHEN " + days + " <= 90 THEN 'DAYS_31_90' WHEN " + days
                    + " <= 180 THEN 'DAYS_91_180' ELSE 'OVER_180' END, l.delinquency_on = ?, l.version = l.version + 1"
                    + " WHERE l.status = 'DISBURSED' AND l.product_code = 'micro'")) {
                ps.setObject(1, today);
                for (int p = 2; p <= 6; p++) {
                    ps.setObject(p, today);
                }
                ps.executeUpdate();
            }
            String figures;
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT CONCAT_WS('|', COUNT(*), SUM(amount - principal_repaid),"
                    + " SUM(IF(overdue_days > 0, amount - principal_repaid, 0)), SUM(overdue_bucket = 'DAYS_1_30'), SUM(overdue_bucket = 'DAYS_31_90'),"
                    + " SUM(overdue_bucket = 'DAYS_91_180'), SUM(overdue_bucket = 'OVER_180')) FROM " + db + ".loan WHERE status = 'DISBURSED'"
                    + " AND product_code = 'micro'")) {
                rs.next();
                figures = rs.getString(1);
            }
            c.commit();
            return figures;
        }
    }

    /** What the loans say after a scan: a digest of every loan's delinquency columns. */
    String figures(String db, LocalDate today) {
        return String.join("|", Sql.column("SELECT CONCAT_WS('|', COUNT(*), SUM(delinquency_on = '" + today + "'), SUM(overdue_days),"
                + " SUM(CRC32(CONCAT_WS(',', id, overdue_since, overdue_days, overdue_bucket)))) FROM " + db + ".loan"));
    }

    long count(String sql) {
        return Long.parseLong(Sql.column(sql).get(0));
    }

    void line(String what, String format, Object... args) {
        report.add(String.format(Locale.ROOT, "%-34s %s", what, String.format(Locale.ROOT, format, args)));
        System.out.println(report.get(report.size() - 1));
    }
}
