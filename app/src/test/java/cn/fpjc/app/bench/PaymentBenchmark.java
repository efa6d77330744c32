package cn.fpjc.app.bench;

import static cn.fpjc.app.support.Api.as;

import cn.fpjc.app.assistance.TestPaymentProgrammes;
import cn.fpjc.app.support.Api;
import cn.fpjc.app.support.Sql;
import cn.fpjc.core.assistance.payment.AccountCipher;
import cn.fpjc.core.platform.security.Roles;
import cn.fpjc.core.registry.SyntheticRegistryService;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Payment figures (issue 13): {@code infra/bench/payments.sh}, never the normal test command. At each size (instructions;
 * default 10,000 then 100,000) a Henan county is generated with a 一卡通 account per household (set-up written straight
 * into the tables), then, through the API as the county's payment staff would, per run and period: the instructions are
 * made in batches of at most 5,000 lines (the product's limit per batch), approved and released (not timed), each batch's
 * bank file is downloaded, and the bank's return file (one payment in twenty failed) is imported. Beside them, in the same
 * run and on the same rows: a batched JDBC INSERT of the instructions, a SELECT of them written to a file, and a batched
 * UPDATE of their outcome. Medians over the runs. Prints figures; asserts only that every line was made, exported and settled.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "fpjc.bench.payments", matches = "\\d+(,\\d+)*")
class PaymentBenchmark {
    static final String P = TestPaymentProgrammes.ID;
    static final String COLUMNS = "instruction_no, batch_id, programme_id, period, member_id, beneficiary_name, household_id, village_code,"
            + " amount, note, account_id, account_version, holder_name, bank_name, account_cipher, account_masked, status, created_at,"
            + " created_by, updated_at, version";

    @Inject
    SyntheticRegistryService synthetic;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AccountCipher cipher;

    final List<String> report = new ArrayList<>();

    @Test
    void paymentFigures() throws Exception {
        int runs = Integer.getInteger("fpjc.bench.runs", 3);
        int perBatch = Integer.getInteger("fpjc.bench.batch-lines", 5000);
        for (String size : System.getProperty("fpjc.bench.payments").split(",")) {
            int n = Integer.parseInt(size);
            String county = Api.onboard("henan", "41");
            String admin = Api.createUser("t_pybench_admin_" + county, Roles.COUNTY_ADMIN, county, county);
            String approver = Api.createUser("t_pybench_appr_" + county, Roles.COUNTY_APPROVER, county, county);
            String finance = Api.createUser("t_pybench_fin_" + county, Roles.COUNTY_FINANCE, county, county);
            for (int t = 1; t <= 5; t++) {
                Api.addTownshipAndVillage(admin, county, String.valueOf(100 + t));
            }
            String db = Sql.database(county);
            long g0 = System.nanoTime();
            synthetic.generate(county, (int) (n * 0.36) + 2000, 19);
            int accounts = writeAccounts(db);
            List<Long> members = new ArrayList<>();
            Sql.column("SELECT m.id FROM " + db + ".member m JOIN " + db + ".household h ON h.id = m.household_id JOIN " + db
                    + ".household_account a ON a.household_id = h.id WHERE m.active AND h.active ORDER BY m.id LIMIT " + n)
                    .forEach(id -> members.add(Long.parseLong(id)));
            if (members.size() < n) {
                throw new AssertionError("only " + members.size() + " members with an account");
            }
            line("payments @" + n, "%,d payees in %,d households with an account (set up in %.0f s), batches of ≤ %,d lines", n, accounts,
                    (System.nanoTime() - g0) / 1e9, perBatch);

            List<Long> create = new ArrayList<>();
            List<Long> export = new ArrayList<>();
            List<Long> settle = new ArrayList<>();
            List<Long> rawInsert = new ArrayList<>();
            List<Long> rawExport = new ArrayList<>();
            List<Long> rawUpdate = new ArrayList<>();
            long fileBytes = 0;
            for (int run = 1; run <= runs; run++) {
                String period = String.format("2025-%02d", run);
                List<Long> batches = new ArrayList<>();
                List<Long> versions = new ArrayList<>();
                long t = 0;
                for (int from = 0; from < n; from += perBatch) {
                    List<Map<String, Object>> lines = new ArrayList<>();
                    for (long m : members.subList(from, Math.min(n, from + perBatch))) {
                        lines.add(Map.of("memberId", m, "amount", "300.00"));
                    }
                    long s = System.nanoTime();
                    Response r = as(admin).body(Map.of("programmeId", P, "period", period, "lines", lines)).post("/api/counties/" + county
                            + "/payment-batches");
                    r.asByteArray();
                    t += System.nanoTime() - s;
                    JsonPath made = r.then().statusCode(201).extract().jsonPath();
                    batches.add(made.getLong("batch.id"));
                    versions.add(made.getLong("batch.version"));
                }
                create.add(t);
                for (int b = 0; b < batches.size(); b++) {
                    String url = "/api/counties/" + county + "/payment-batches/" + batches.get(b);
                    long v = as(approver).body(Map.of("version", versions.get(b))).post(url + "/approval").then().statusCode(200).extract()
                            .jsonPath().getLong("version");
                    as(finance).body(Map.of("version", v)).post(url + "/release").then().statusCode(200);
                }
                t = 0;
                fileBytes = 0;
                for (long b : batches) {
                    long s = System.nanoTime();
                    byte[] file = as(finance).get("/api/counties/" + county + "/payment-batches/" + b + "/bank-file.xlsx").then().statusCode(200)
                            .extract().asByteArray();
                    t += System.nanoTime() - s;
                    fileBytes += file.length;
                }
                export.add(t);
                t = 0;
                int settled = 0;
                for (long b : batches) {
                    byte[] csv = returnFile(db, b);
                    long s = System.nanoTime();
                    Response r = RestAssured.given().auth().oauth2(Api.token(finance)).multiPart("file", "回盘.csv", csv, "text/csv")
                            .post("/api/counties/" + county + "/payment-batches/" + b + "/bank-return");
                    r.asByteArray();
                    t += System.nanoTime() - s;
                    JsonPath result = r.then().statusCode(200).extract().jsonPath();
                    settled += result.getInt("paid") + result.getInt("failed");
                }
                settle.add(t);
                if (settled != n || !Sql.column("SELECT COUNT(*) FROM " + db + ".payment_instruction WHERE period = '" + period
                        + "' AND status IN ('PAID', 'FAILED')").equals(List.of(String.valueOf(n)))) {
                    throw new AssertionError(period + ": " + settled + " of " + n + " settled");
                }
                raw(db, period, run, rawInsert, rawExport, rawUpdate);
            }
            figure("create batches @" + n, n, create, rawInsert, "batched JDBC INSERT");
            figure("bank file @" + n, n, export, rawExport, "SELECT to a CSV file");
            line("", "  %,d bytes of .xlsx", fileBytes);
            figure("bank return @" + n, n, settle, rawUpdate, "batched UPDATE");
        }
        Path out = Path.of("target", "bench-payments.txt");
        Files.write(out, report);
        System.out.println("\n==== payment benchmark ====\n" + String.join("\n", report) + "\n(written to " + out.toAbsolutePath() + ")");
    }

    void figure(String what, int n, List<Long> product, List<Long> raw, String rawName) {
        double p = RegistryBenchmark.percentile(product, 50);
        double r = RegistryBenchmark.percentile(raw, 50);
        line(what, "median %,.2f s (%d runs) = %,.0f rows/s; %s median %,.2f s = %,.0f rows/s; ratio %.1f×", p / 1000, product.size(),
                n / p * 1000, rawName, r / 1000, n / r * 1000, p / r);
    }

    /** One 一卡通 account per active household, held by its first active member; returns how many. */
    int writeAccounts(String db) throws Exception {
        int n = 0;
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT h.id, MIN(m.id) FROM " + db + ".household h JOIN " + db + ".member m ON m.household_id = h.id"
                        + " WHERE h.active AND m.active GROUP BY h.id");
                Connection w = dataSource.getConnection(); PreparedStatement ps = w.prepareStatement("INSERT INTO " + db + ".household_account"
                        + " (household_id, holder_member_id, bank_name, account_cipher, account_masked, created_at, created_by, updated_at,"
                        + " updated_by, version) VALUES (?, ?, '兰考县农村信用合作联社', ?, ?, NOW(6), 'bench', NOW(6), 'bench', 0)")) {
            w.setAutoCommit(false);
            while (rs.next()) {
                String account = "62170012" + String.format("%011d", rs.getLong(1) * 7919 % 100_000_000_000L);
                ps.setLong(1, rs.getLong(1));
                ps.setLong(2, rs.getLong(2));
                ps.setBytes(3, cipher.encrypt(account));
                ps.setString(4, AccountCipher.mask(account));
                ps.addBatch();
                if (++n % 1000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
            w.commit();
        }
        return n;
    }

    /** The bank's answer for a batch: every twentieth payment failed, the rest paid with the bank's reference. */
    byte[] returnFile(String db, long batch) {
        StringBuilder csv = new StringBuilder("指令编号,处理结果,失败原因,银行流水号\n");
        int k = 0;
        for (String no : Sql.column("SELECT instruction_no FROM " + db + ".payment_instruction WHERE batch_id = " + batch + " ORDER BY id")) {
            csv.append(no).append(++k % 20 == 0 ? ",失败,账户已销户," : ",成功,,BR" + no).append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The same work without the product: the run's instructions copied (batched INSERT, new numbers and period), selected
     * and written to a CSV file, and their outcome written back (batched UPDATE by number); then removed again.
     */
    void raw(String db, String period, int run, List<Long> insert, List<Long> export, List<Long> update) throws Exception {
        String rawPeriod = String.format("2030-%02d", run);
        Path file = Files.createTempFile("bench-payments", ".csv");
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            List<Object[]> rows = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT " + COLUMNS + " FROM " + db + ".payment_instruction WHERE period = '" + period
                    + "' ORDER BY id")) {
                while (rs.next()) {
                    Object[] row = new Object[21];
                    for (int i = 0; i < row.length; i++) {
                        row[i] = rs.getObject(i + 1);
                    }
                    rows.add(row);
                }
            }
            st.executeUpdate("INSERT INTO " + db + ".payment_batch (programme_id, programme_name, period, status, reissue, line_seq, created_at,"
                    + " created_by, version) VALUES ('" + P + "', '测试补贴项目', '" + rawPeriod + "', 'RELEASED', false, 0, NOW(6), 'bench', 0)");
            long batch = Long.parseLong(Sql.column("SELECT MAX(id) FROM " + db + ".payment_batch").get(0));
            c.setAutoCommit(false);
            long s = System.nanoTime();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + db + ".payment_instruction (" + COLUMNS + ") VALUES (?"
                    + ", ?".repeat(20) + ")")) {
                int k = 0;
                for (Object[] row : rows) {
                    for (int i = 0; i < row.length; i++) {
                        ps.setObject(i + 1, i == 0 ? "R" + rawPeriod + "-" + k : i == 1 ? batch : i == 3 ? rawPeriod : i == 16 ? "SENT" : row[i]);
                    }
                    ps.addBatch();
                    if (++k % 1000 == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            c.commit();
            insert.add(System.nanoTime() - s);

            s = System.nanoTime();
            try (ResultSet rs = st.executeQuery("SELECT instruction_no, holder_name, account_cipher, bank_name, amount, note, beneficiary_name"
                    + " FROM " + db + ".payment_instruction WHERE batch_id = " + batch + " ORDER BY instruction_no");
                    BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                HexFormat hex = HexFormat.of();
                while (rs.next()) {
                    out.write(rs.getString(1) + "," + rs.getString(2) + "," + hex.formatHex(rs.getBytes(3)) + "," + rs.getString(4) + ","
                            + rs.getBigDecimal(5).toPlainString() + "," + rs.getString(6) + "," + rs.getString(7) + "\n");
                }
            }
            c.commit();
            export.add(System.nanoTime() - s);

            s = System.nanoTime();
            Timestamp now = new Timestamp(System.currentTimeMillis());
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + db + ".payment_instruction SET status = ?, failure_reason = ?,"
                    + " bank_reference = ?, settled_at = ?, updated_at = ?, version = version + 1 WHERE instruction_no = ?")) {
                for (int k = 0; k < rows.size(); k++) {
                    String no = "R" + rawPeriod + "-" + k;
                    boolean failed = (k + 1) % 20 == 0;
                    ps.setString(1, failed ? "FAILED" : "PAID");
                    ps.setString(2, failed ? "账户已销户" : null);
                    ps.setString(3, failed ? null : "BR" + no);
                    ps.setTimestamp(4, now);
                    ps.setTimestamp(5, now);
                    ps.setString(6, no);
                    ps.addBatch();
                    if ((k + 1) % 1000 == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            c.commit();
            update.add(System.nanoTime() - s);
            st.executeUpdate("DELETE FROM " + db + ".payment_instruction WHERE batch_id = " + batch);
            st.executeUpdate("DELETE FROM " + db + ".payment_batch WHERE id = " + batch);
            c.commit();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    void line(String what, String format, Object... args) {
        report.add(String.format(Locale.ROOT, "%-34s %s", what, String.format(Locale.ROOT, format, args)));
        System.out.println(report.get(report.size() - 1));
    }
}
