package cn.fpjc.app.assistance;

import static cn.fpjc.app.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fpjc.app.registry.Ids;
import cn.fpjc.app.support.Api;
import cn.fpjc.app.support.Parallel;
import cn.fpjc.app.support.Sql;
import cn.fpjc.core.platform.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Payments to the household's 惠民惠农“一卡通” account (issue 13), in a fresh Henan county: the account (masked
 * everywhere but the bank file), batches per programme and period, no double payment (a unique key, idempotency keys,
 * 20 parallel requests), approval and release by different people, the bank file and its return, re-issue after the
 * account is corrected, and the ledger's figures on a known data set.
 */
@QuarkusTest
class PaymentTest {
    static final String P = TestPaymentProgrammes.ID;
    static String county;
    static String village;
    static String village2;
    static String admin;
    static String approver;
    static String approver2;
    static String finance;
    static String clerk;
    static int households;

    @BeforeEach
    void data() {
        if (county != null) {
            return;
        }
        county = Api.onboard("henan", "41");
        admin = Api.createUser("t_pay_admin_" + county, Roles.COUNTY_ADMIN, county, county);
        village = Api.addTownshipAndVillage(admin, county, "101")[1];
        village2 = Api.addTownshipAndVillage(admin, county, "102")[1];
        approver = Api.createUser("t_pay_appr_" + county, Roles.COUNTY_APPROVER, county, county);
        approver2 = Api.createUser("t_pay_appr2_" + county, Roles.COUNTY_APPROVER, county, county);
        finance = Api.createUser("t_pay_fin_" + county, Roles.COUNTY_FINANCE, county, county);
        clerk = Api.createUser("t_pay_clerk_" + county, Roles.VILLAGE_CLERK, county, village);
    }

    static String base() {
        return "/api/counties/" + county;
    }

    /** A user with several county roles (made by the platform admin). */
    static String userWithRoles(String name, String... roles) {
        String username = name + county;
        as("admin").body(Map.of("username", username, "displayName", "测试" + name, "password", Api.PASSWORD, "roles", List.of(roles),
                "tenant", county, "org", county)).post("/api/admin/users").then().statusCode(201);
        return username;
    }

    /** A household of one member in {@code in}; returns {household, member}. */
    static long[] household(String in) {
        households++;
        String id = Ids.of(String.format("1980%02d%02d", households % 12 + 1, households % 27 + 1), households % 2 == 0);
        JsonPath h = as(admin).body(Map.of("householdNo", "PY" + county + households, "villageCode", in, "category", "脱贫户",
                "members", List.of(Map.of("name", "刘" + "甲乙丙丁戊己庚辛壬癸".charAt(households % 10) + "子丑寅卯辰巳午未申酉".charAt(households / 10 % 10), "idNumber", id,
                        "relation", "户主", "labour", "普通劳动力", "health", "健康"))))
                .post(base() + "/households").then().statusCode(201).extract().jsonPath();
        return new long[] {h.getLong("id"), h.getLong("members[0].id")};
    }

    static final Map<Long, String> ACCOUNTS = new HashMap<>();

    /** A household with its 一卡通 account; returns {household, member}. */
    static long[] paid(String in) {
        long[] h = household(in);
        String account = "62170012" + String.format("%011d", h[0] * 7919 % 100_000_000_000L);
        as(admin).body(Map.of("holderMemberId", h[1], "bankName", "兰考县农村信用合作联社", "accountNo", account))
                .put(base() + "/household-accounts/" + h[0]).then().statusCode(201);
        ACCOUNTS.put(h[0], account);
        return h;
    }

    static Map<String, Object> line(long member, String amount, String note) {
        Map<String, Object> l = new HashMap<>(Map.of("memberId", member, "amount", amount));
        if (note != null) {
            l.put("note", note);
        }
        return l;
    }

    static JsonPath batch(String who, String period, List<Map<String, Object>> lines) {
        return as(who).body(Map.of("programmeId", P, "period", period, "lines", lines)).post(base() + "/payment-batches").then()
                .statusCode(201).extract().jsonPath();
    }

    static long version(long batch) {
        return as(admin).get(base() + "/payment-batches/" + batch).then().statusCode(200).extract().jsonPath().getLong("batch.version");
    }

    static void approve(String who, long batch) {
        as(who).body(Map.of("version", version(batch))).post(base() + "/payment-batches/" + batch + "/approval").then().statusCode(200)
                .body("status", equalTo("APPROVED"));
    }

    static void release(String who, long batch) {
        as(who).body(Map.of("version", version(batch))).post(base() + "/payment-batches/" + batch + "/release").then().statusCode(200)
                .body("status", equalTo("RELEASED")).body("reconciliation", equalTo("待回盘")).body("awaiting", equalTo(
                        as(who).get(base() + "/payment-batches/" + batch).then().extract().jsonPath().getInt("batch.lines")));
    }

    static Response bankReturn(String who, long batch, String csv) {
        return RestAssured.given().auth().oauth2(Api.token(who)).multiPart("file", "回盘.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post(base() + "/payment-batches/" + batch + "/bank-return");
    }

    static List<List<String>> sheet(byte[] xlsx, int index) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Row r : wb.getSheet(index).orElseThrow().openStream().toList()) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < r.getCellCount(); c++) {
                    var cell = r.getCell(c);
                    assertFalse(cell != null && cell.getType() == CellType.FORMULA, "no formula in the bank file: " + cell);
                    cells.add(cell == null ? "" : cell.getText());
                }
                rows.add(cells);
            }
        }
        return rows;
    }

    // ---------------------------------------------------------------- the account

    @Test
    void theAccountIsSetAndCorrectedInScopeAuditedAndMasked() {
        long[] h = household(village);
        String url = base() + "/household-accounts/" + h[0];
        as(admin).get(url).then().statusCode(404).body("code", equalTo("PAYMENT_ACCOUNT_NOT_SET"));
        // The village clerk records it for a household of the village; checked: holder, bank, number.
        as(clerk).body(Map.of("holderMemberId", 999_999_999, "bankName", "", "accountNo", "12ab")).put(url).then().statusCode(400)
                .body("fields.field", hasItem("holderMemberId")).body("fields.field", hasItem("bankName")).body("fields.field", hasItem("accountNo"));
        as(clerk).body(Map.of("holderMemberId", h[1], "bankName", "中国邮政储蓄银行", "accountNo", "6221 8012 3456 7890 123")).put(url).then()
                .statusCode(201).body("accountMasked", equalTo("6221***********0123")).body("version", equalTo(0));
        as(clerk).get(url).then().statusCode(200).body("accountMasked", equalTo("6221***********0123")).body("bankName", equalTo("中国邮政储蓄银行"));
        // A correction sends the version it read; a stale one is refused.
        as(clerk).body(Map.of("holderMemberId", h[1], "bankName", "中国邮政储蓄银行", "accountNo", "6221801234567890999")).put(url).then()
                .statusCode(400).body("fields.field", hasItem("version"));
        as(clerk).body(Map.of("holderMemberId", h[1], "bankName", "中国邮政储蓄银行", "accountNo", "6221801234567890999", "version", 0)).put(url)
                .then().statusCode(200).body("accountMasked", equalTo("6221***********0999")).body("version", equalTo(1));
        as(clerk).body(Map.of("holderMemberId", h[1], "bankName", "中国邮政储蓄银行", "accountNo", "6221801234567890000", "version", 0)).put(url)
                .then().statusCode(409).body("code", equalTo("CONCURRENT_UPDATE"));
        // Another village's clerk does not see the household; a responsible official may read but not write.
        long[] elsewhere = household(village2);
        as(clerk).get(base() + "/household-accounts/" + elsewhere[0]).then().statusCode(404);
        as(clerk).body(Map.of("holderMemberId", elsewhere[1], "bankName", "x", "accountNo", "62218012345678"))
                .put(base() + "/household-accounts/" + elsewhere[0]).then().statusCode(404);
        // Stored encrypted: the number is in no column of the county's database in the clear, nor in the audit log.
        String db = Sql.database(county);
        assertEquals(List.of("6221***********0999"), Sql.column("SELECT account_masked FROM " + db + ".household_account WHERE household_id = " + h[0]));
        assertEquals(List.of("0"), Sql.column("SELECT COUNT(*) FROM " + db + ".household_account WHERE HEX(account_cipher) LIKE '%"
                + hex("6221801234567890999") + "%'"));
        assertEquals(List.of("2"), Sql.column("SELECT COUNT(*) FROM " + db + ".audit_log WHERE entity_type = 'household_account' AND entity_id = '"
                + h[0] + "'"));
        assertEquals(List.of("0"), Sql.column("SELECT COUNT(*) FROM " + db + ".audit_log WHERE after_json LIKE '%6221801234567890%'"
                + " OR before_json LIKE '%6221801234567890%'"));
    }

    static String hex(String s) {
        StringBuilder b = new StringBuilder();
        for (byte x : s.getBytes(StandardCharsets.US_ASCII)) {
            b.append(String.format("%02X", x));
        }
        return b.toString();
    }

    // ---------------------------------------------------------------- pages name people and villages

    /** The page's visible text: tags (and so title attributes) left out. */
    static String visible(String html) {
        return html.replaceAll("<[^>]*>", " ");
    }

    @Test
    void theBatchPagesNameTheVillageAndWhoCreatedApprovedAndReleased() {
        long[] a = paid(village);
        long id = batch(admin, "2026-H1", List.of(line(a[1], "800.00", null))).getLong("batch.id");
        approve(approver, id);
        release(finance, id);
        String page = as(admin).accept("text/html").get("/payment-batches/" + id).then().statusCode(200).extract().asString();
        String text = visible(page);
        // The village by name, never its code; each person by display name (the username only in a title).
        assertTrue(text.contains("测试村101") && !text.contains(village), text);
        for (String who : List.of(admin, approver, finance)) {
            assertTrue(page.contains("title=\"" + who + "\">测试用户" + who + "</span>"), page);
            assertFalse(text.replace("测试用户" + who, "").contains(who), text);
        }
        String list = as(admin).accept("text/html").get("/payment-batches").then().statusCode(200).extract().asString();
        assertTrue(list.contains("title=\"" + approver + "\">测试用户" + approver + "</span>"), list);
        assertFalse(visible(list).replace("测试用户" + admin, "").contains(admin), list);
    }

    // ---------------------------------------------------------------- no double payment

    @Test
    void aBeneficiaryIsPaidOncePerProgrammeAndPeriod() {
        long[] a = paid(village);
        long[] b = paid(village);
        batch(admin, "2025-H1", List.of(line(a[1], "1500.00", "雨露计划上半年"), line(b[1], "1500", null)));
        // The same request again (no idempotency key): both lines refused, nothing written.
        as(admin).body(Map.of("programmeId", P, "period", "2025-H1", "lines", List.of(line(a[1], "1500.00", null), line(b[1], "1500", null))))
                .post(base() + "/payment-batches").then().statusCode(409).body("code", equalTo("PAYMENT_ALREADY_INSTRUCTED"))
                .body("fields.field", hasItem("lines[0].memberId")).body("fields.field", hasItem("lines[1].memberId"));
        // Another period is another payment.
        batch(admin, "2025-H2", List.of(line(a[1], "1500.00", null)));
        String db = Sql.database(county);
        assertEquals(List.of("1"), Sql.column("SELECT COUNT(*) FROM " + db + ".payment_instruction WHERE period = '2025-H1' AND member_id = " + a[1]));
        // The database itself refuses a second live instruction, whatever writes it.
        String insert = "INSERT INTO " + db + ".payment_instruction (instruction_no, batch_id, programme_id, period, member_id, beneficiary_name,"
                + " household_id, village_code, amount, account_id, account_version, holder_name, bank_name, account_cipher, account_masked,"
                + " status, created_at, created_by, updated_at, version) VALUES ('%s', 1, '" + P + "', '2025-H1', " + a[1] + ", 'x', " + a[0]
                + ", '" + village + "', 1.00, 1, 0, 'x', 'x', X'00', 'x', '%s', NOW(6), 'test', NOW(6), 0)";
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> Sql.execute(insert.formatted("T-1", "SENT")));
        assertTrue(refused.getCause().getMessage().contains("uk_payment_beneficiary"), refused.getCause().getMessage());
        Sql.execute(insert.formatted("T-2", "FAILED")); // a failed one does not count: it can be re-issued
    }

    @Test
    void linesAreCheckedBeforeAnythingIsWritten() {
        long[] a = paid(village);
        long[] noAccount = household(village);
        as(admin).body(Map.of("programmeId", P, "period", "2025-13", "lines", List.of())).post(base() + "/payment-batches").then()
                .statusCode(400).body("fields.field", hasItem("period"));
        as(admin).body(Map.of("programmeId", "no-such-programme", "period", "2025", "lines", List.of())).post(base() + "/payment-batches")
                .then().statusCode(400).body("code", equalTo("PAYMENT_PROGRAMME_UNKNOWN"));
        as(admin).body(Map.of("programmeId", P, "period", "2025-03", "lines", List.of(line(a[1], "10.005", null), line(a[1], "0", null))))
                .post(base() + "/payment-batches").then().statusCode(400).body("fields.field", hasItem("lines[0].amount"))
                .body("fields.field", hasItem("lines[1].memberId"));
        as(admin).body(Map.of("programmeId", P, "period", "2025-03", "lines", List.of(line(a[1], "-5", null))))
                .post(base() + "/payment-batches").then().statusCode(400).body("fields.field", hasItem("lines[0].amount"));
        as(admin).body(Map.of("programmeId", P, "period", "2025-03", "lines", List.of(line(noAccount[1], "5", null))))
                .post(base() + "/payment-batches").then().statusCode(409).body("code", equalTo("PAYMENT_ACCOUNT_MISSING"));
        // The account's holder must still be a member of the household.
        households++;
        JsonPath two = as(admin).body(Map.of("householdNo", "PY" + county + households, "villageCode", village, "category", "脱贫户",
                "members", List.of(Map.of("name", "孙户主", "idNumber", Ids.of("19700101", true), "relation", "户主", "labour", "普通劳动力",
                        "health", "健康"), Map.of("name", "孙持卡", "idNumber", Ids.of("19720202", false), "relation", "配偶", "labour", "普通劳动力",
                        "health", "健康")))).post(base() + "/households").then().statusCode(201).extract().jsonPath();
        long household = two.getLong("id");
        long head = two.getLong("members.find { it.relation == 'HEAD' }.id");
        long holder = two.getLong("members.find { it.relation != 'HEAD' }.id");
        as(admin).body(Map.of("holderMemberId", holder, "bankName", "中国邮政储蓄银行", "accountNo", "6221800000001111"))
                .put(base() + "/household-accounts/" + household).then().statusCode(201);
        as(admin).body(Map.of("reason", "外出务工迁出")).post(base() + "/households/" + household + "/members/" + holder + "/remove").then()
                .statusCode(200);
        as(admin).body(Map.of("programmeId", P, "period", "2025-03", "lines", List.of(line(head, "5", null))))
                .post(base() + "/payment-batches").then().statusCode(409).body("code", equalTo("PAYMENT_ACCOUNT_HOLDER_GONE"));
        for (String period : List.of("2025", "2025-H1", "2025-H2", "2025-01", "2025-12")) {
            as(admin).body(Map.of("programmeId", P, "period", period, "lines", List.of())).post(base() + "/payment-batches").then().statusCode(201);
        }
        for (String period : List.of("25", "2025-H3", "2025-00", "2025-1", "1999", "2025/03")) {
            as(admin).body(Map.of("programmeId", P, "period", period, "lines", List.of())).post(base() + "/payment-batches").then().statusCode(400);
        }
        // Lower levels and the finance role do not make batches.
        for (String who : List.of(clerk, finance)) {
            as(who).body(Map.of("programmeId", P, "period", "2025", "lines", List.of())).post(base() + "/payment-batches").then().statusCode(403);
        }
    }

    @Test
    void anIdempotencyKeyAnswersARepeatWithTheFirstResult() {
        long[] a = paid(village);
        Map<String, Object> body = Map.of("programmeId", P, "period", "2026", "lines", List.of(line(a[1], "800.00", null)));
        String key = "batch-" + county + "-2026";
        long id = as(admin).header("Idempotency-Key", key).body(body).post(base() + "/payment-batches").then().statusCode(201).extract()
                .jsonPath().getLong("batch.id");
        as(admin).header("Idempotency-Key", key).body(body).post(base() + "/payment-batches").then().statusCode(200)
                .body("batch.id", equalTo((int) id)).body("instructions.size()", equalTo(1));
        as(admin).header("Idempotency-Key", key).body(Map.of("programmeId", P, "period", "2026", "lines", List.of(line(a[1], "900.00", null))))
                .post(base() + "/payment-batches").then().statusCode(409).body("code", equalTo("PAYMENT_IDEMPOTENCY_KEY_REUSED"));
        as(admin).header("Idempotency-Key", "bad key!").body(body).post(base() + "/payment-batches").then().statusCode(400)
                .body("fields.field", hasItem("Idempotency-Key"));
        // One instruction by key: repeated, the same instruction.
        long[] b = paid(village);
        long i = as(admin).header("Idempotency-Key", "ins-" + county + "-b").body(line(b[1], "800", null))
                .post(base() + "/payment-batches/" + id + "/instructions").then().statusCode(201).extract().jsonPath().getLong("id");
        as(admin).header("Idempotency-Key", "ins-" + county + "-b").body(line(b[1], "800", null))
                .post(base() + "/payment-batches/" + id + "/instructions").then().statusCode(200).body("id", equalTo((int) i));
        as(admin).header("Idempotency-Key", "ins-" + county + "-b").body(line(b[1], "801", null))
                .post(base() + "/payment-batches/" + id + "/instructions").then().statusCode(409).body("code", equalTo("PAYMENT_IDEMPOTENCY_KEY_REUSED"));
        assertEquals(List.of("2"), Sql.column("SELECT COUNT(*) FROM " + Sql.database(county) + ".payment_instruction WHERE batch_id = " + id));
    }

    record Answer(int status, String code, Long id) {
    }

    @Test
    void twentyParallelRequestsMakeExactlyOneInstruction() throws Exception {
        long batch = batch(admin, "2027-01", List.of()).getLong("batch.id");
        String url = base() + "/payment-batches/" + batch + "/instructions";
        // Twenty requests with one idempotency key: one instruction, every answer that instruction (or a clear 409).
        long[] a = paid(village);
        List<Callable<Answer>> same = new ArrayList<>();
        for (int k = 0; k < 20; k++) {
            same.add(() -> answer(as(admin).header("Idempotency-Key", "par-" + county).body(line(a[1], "120.00", null)).post(url)));
        }
        List<Answer> answers = Parallel.atOnce(same);
        assertEquals(1, answers.stream().filter(x -> x.status() == 201).count(), answers.toString());
        long made = answers.stream().filter(x -> x.status() == 201).findFirst().orElseThrow().id();
        // The batch's row lock orders them: every later one finds the first's instruction and answers it.
        assertTrue(answers.stream().allMatch(x -> x.status() == 201 || x.status() == 200 && x.id() == made), answers.toString());
        // Twenty whole batches with one key: the losers of the race on uk_payment_batch_idem answer the winner's batch.
        long[] d = paid(village);
        List<Callable<Answer>> sameBatch = new ArrayList<>();
        for (int k = 0; k < 20; k++) {
            sameBatch.add(() -> answer(as(admin).header("Idempotency-Key", "parb-" + county)
                    .body(Map.of("programmeId", P, "period", "2027-03", "lines", List.of(line(d[1], "66.60", null)))).post(base() + "/payment-batches")));
        }
        answers = Parallel.atOnce(sameBatch);
        assertEquals(1, answers.stream().filter(x -> x.status() == 201).count(), answers.toString());
        long batchMade = answers.stream().filter(x -> x.status() == 201).findFirst().orElseThrow().id();
        assertTrue(answers.stream().allMatch(x -> x.status() == 201 || x.status() == 200 && x.id() == batchMade), answers.toString());
        assertEquals(List.of("1"), Sql.column("SELECT COUNT(*) FROM " + Sql.database(county) + ".payment_batch WHERE idempotency_key = 'parb-"
                + county + "'"));
        // Twenty requests for one beneficiary with twenty keys: one instruction, the others 409 PAYMENT_ALREADY_INSTRUCTED.
        long[] b = paid(village);
        List<Callable<Answer>> different = new ArrayList<>();
        for (int k = 0; k < 20; k++) {
            String key = "par-" + county + "-" + k;
            different.add(() -> answer(as(admin).header("Idempotency-Key", key).body(line(b[1], "120.00", null)).post(url)));
        }
        answers = Parallel.atOnce(different);
        assertEquals(1, answers.stream().filter(x -> x.status() == 201).count(), answers.toString());
        assertEquals(19, answers.stream().filter(x -> x.status() == 409 && x.code().equals("PAYMENT_ALREADY_INSTRUCTED")).count(), answers.toString());
        // Twenty whole batches for the same beneficiary at once (no key): one batch holds the instruction.
        long[] c = paid(village);
        List<Callable<Answer>> batches = new ArrayList<>();
        for (int k = 0; k < 20; k++) {
            batches.add(() -> answer(as(admin).body(Map.of("programmeId", P, "period", "2027-02", "lines", List.of(line(c[1], "99.99", null))))
                    .post(base() + "/payment-batches")));
        }
        answers = Parallel.atOnce(batches);
        assertEquals(1, answers.stream().filter(x -> x.status() == 201).count(), answers.toString());
        assertTrue(answers.stream().allMatch(x -> x.status() == 201 || x.status() == 409 && x.code().equals("PAYMENT_ALREADY_INSTRUCTED")),
                answers.toString());
        String db = Sql.database(county);
        for (long member : List.of(a[1], b[1], c[1], d[1])) {
            assertEquals(List.of("1"), Sql.column("SELECT COUNT(*) FROM " + db + ".payment_instruction WHERE member_id = " + member));
        }
    }

    /** Batches naming the same beneficiaries in different orders, all at once: one is made, the others 409 — no deadlock, no 500. */
    @Test
    void overlappingBatchesRacingEndInOneBatchAndConflicts() throws Exception {
        List<long[]> people = List.of(paid(village), paid(village), paid(village), paid(village));
        List<Callable<Answer>> calls = new ArrayList<>();
        for (int k = 0; k < 12; k++) {
            List<Map<String, Object>> lines = new ArrayList<>();
            for (int j = 0; j < people.size(); j++) {
                lines.add(line(people.get((j + k) % people.size())[1], "10.00", null));
            }
            if (k % 2 == 1) {
                java.util.Collections.reverse(lines);
            }
            calls.add(() -> answer(as(admin).body(Map.of("programmeId", P, "period", "2027-04", "lines", lines)).post(base() + "/payment-batches")));
        }
        List<Answer> answers = Parallel.atOnce(calls);
        assertEquals(1, answers.stream().filter(x -> x.status() == 201).count(), answers.toString());
        assertTrue(answers.stream().allMatch(x -> x.status() == 201 || x.status() == 409 && x.code().equals("PAYMENT_ALREADY_INSTRUCTED")),
                answers.toString());
    }

    static Answer answer(Response r) {
        JsonPath j = r.jsonPath();
        return new Answer(r.statusCode(), r.statusCode() >= 400 ? j.getString("code") : null,
                r.statusCode() < 300 ? (j.get("id") != null ? j.getLong("id") : j.getLong("batch.id")) : null);
    }

    // ---------------------------------------------------------------- segregation of duties

    @Test
    void approvalAndReleaseAreDoneByDifferentPeople() {
        long[] a = paid(village);
        long id = batch(approver, "2028", List.of(line(a[1], "300.00", null))).getLong("batch.id");
        String url = base() + "/payment-batches/" + id;
        // The creator cannot approve; finance cannot approve; nobody releases before approval.
        as(approver).body(Map.of("version", version(id))).post(url + "/approval").then().statusCode(409).body("code", equalTo("PAYMENT_SELF_APPROVAL"));
        as(finance).body(Map.of("version", version(id))).post(url + "/approval").then().statusCode(403);
        as(admin).body(Map.of("version", version(id))).post(url + "/approval").then().statusCode(403);
        as(finance).body(Map.of("version", version(id))).post(url + "/release").then().statusCode(409).body("code", equalTo("PAYMENT_BATCH_STATE"));
        as(approver2).body(Map.of("version", version(id) + 1)).post(url + "/approval").then().statusCode(409).body("code", equalTo("CONCURRENT_UPDATE"));
        approve(approver2, id);
        // An approver is no releaser (no role), a releaser cannot approve twice, the bank file waits for the release.
        as(approver2).body(Map.of("version", version(id))).post(url + "/release").then().statusCode(403);
        as(finance).get(url + "/bank-file.xlsx").then().statusCode(409).body("code", equalTo("PAYMENT_BATCH_STATE"));
        // Someone holding both roles who approved may not release; nor may the creator, whatever roles.
        String both = userWithRoles("t_pay_both_", Roles.COUNTY_APPROVER, Roles.COUNTY_FINANCE);
        long[] b = paid(village);
        long second = batch(admin, "2028", List.of(line(b[1], "300.00", null))).getLong("batch.id");
        approve(both, second);
        as(both).body(Map.of("version", version(second))).post(base() + "/payment-batches/" + second + "/release").then().statusCode(409)
                .body("code", equalTo("PAYMENT_RELEASE_BY_APPROVER"));
        long[] c = paid(village);
        long third = batch(both, "2028", List.of(line(c[1], "300.00", null))).getLong("batch.id");
        approve(approver2, third);
        as(both).body(Map.of("version", version(third))).post(base() + "/payment-batches/" + third + "/release").then().statusCode(409)
                .body("code", equalTo("PAYMENT_RELEASE_BY_CREATOR"));
        release(finance, second);
        release(finance, id);
        as(admin).get(url).then().statusCode(200).body("batch.createdBy", equalTo(approver)).body("batch.approvedBy", equalTo(approver2))
                .body("batch.releasedBy", equalTo(finance)).body("instructions[0].status", equalTo("SENT"));
        // An empty batch is not approved.
        long empty = batch(admin, "2028-05", List.of()).getLong("batch.id");
        as(approver).body(Map.of("version", version(empty))).post(base() + "/payment-batches/" + empty + "/approval").then().statusCode(409)
                .body("code", equalTo("PAYMENT_BATCH_EMPTY"));
        // Every step is in the audit log.
        assertEquals(List.of("APPROVE", "CREATE", "RELEASE"), Sql.column("SELECT action FROM " + Sql.database(county)
                + ".audit_log WHERE entity_type = 'payment_batch' AND entity_id = '" + id + "' ORDER BY action"));
    }

    // ---------------------------------------------------------------- the bank

    @Test
    void theBankFileAndItsReturnMarkPaymentsAndAFailedOneIsReissuedAfterTheAccountIsCorrected() throws Exception {
        long[] a = paid(village);
        long[] b = paid(village);
        JsonPath made = batch(admin, "2029-H1", List.of(line(a[1], "1500.00", "=HYPERLINK(\"http://x\",\"点我\")"), line(b[1], "750.5", "交通补助")));
        long id = made.getLong("batch.id");
        // Masked in the batch, the instruction and the list.
        String masked = made.getString("instructions[0].accountMasked");
        assertTrue(masked.matches("6217\\*+\\d{4}"), masked);
        assertFalse(made.prettify().contains(ACCOUNTS.get(a[0])));
        assertFalse(as(admin).get(base() + "/payment-batches").asString().contains(ACCOUNTS.get(a[0])));
        approve(approver, id);
        release(finance, id);
        // The bank file: the full numbers (text cells), amounts, formula-safe notes. Only finance downloads it.
        as(admin).get(base() + "/payment-batches/" + id + "/bank-file.xlsx").then().statusCode(403);
        byte[] file = as(finance).get(base() + "/payment-batches/" + id + "/bank-file.xlsx").then().statusCode(200).extract().asByteArray();
        List<List<String>> rows = sheet(file, 0);
        assertEquals(List.of("序号", "指令编号", "收款人姓名", "收款账号", "开户银行", "金额（元）", "摘要", "发放对象", "项目", "期间"), rows.get(0));
        assertEquals(3, rows.size());
        String first = made.getString("instructions[0].instructionNo");
        String second = made.getString("instructions[1].instructionNo");
        assertEquals(first, rows.get(1).get(1));
        assertEquals(ACCOUNTS.get(a[0]), rows.get(1).get(3));
        assertEquals(ACCOUNTS.get(b[0]), rows.get(2).get(3));
        assertEquals(0, new java.math.BigDecimal("1500").compareTo(new java.math.BigDecimal(rows.get(1).get(5))));
        assertEquals("'=HYPERLINK(\"http://x\",\"点我\")", rows.get(1).get(6));
        assertEquals("2029年上半年", rows.get(1).get(9));
        assertTrue(sheet(file, 1).stream().anyMatch(r -> r.equals(List.of("总金额（元）", "2250.50"))));
        // The return: a row that is not this batch's refuses the whole file.
        bankReturn(finance, id, "指令编号,处理结果,失败原因\n" + first + ",成功,\nZF99999999-0001,成功,\n").then().statusCode(400)
                .body("code", equalTo("PAYMENT_RETURN_FILE_INVALID")).body("fields.field", hasItem("第3行"));
        bankReturn(finance, id, "指令编号,结果\n" + first + ",也许\n").then().statusCode(400).body("code", equalTo("PAYMENT_RETURN_FILE_INVALID"));
        bankReturn(admin, id, "指令编号,处理结果\n" + first + ",成功\n").then().statusCode(403);
        // First part: one paid; the batch is partly answered.
        bankReturn(finance, id, "指令编号,处理结果,失败原因,银行流水号\n" + first + ",成功,,B0001\n").then().statusCode(200)
                .body("paid", equalTo(1)).body("awaiting", equalTo(1)).body("status", equalTo("RELEASED"));
        as(finance).get(base() + "/payment-batches/" + id).then().body("batch.reconciliation", equalTo("部分回盘"));
        // The whole file again with the second failed: the first unchanged, the batch settled.
        bankReturn(finance, id, "指令编号,处理结果,失败原因\n" + first + ",成功,\n" + second + ",失败,账户已销户\n").then().statusCode(200)
                .body("paid", equalTo(0)).body("failed", equalTo(1)).body("unchanged", equalTo(1)).body("awaiting", equalTo(0))
                .body("status", equalTo("SETTLED"));
        // A later file contradicting what is recorded is refused.
        bankReturn(finance, id, "指令编号,处理结果,失败原因\n" + first + ",失败,错误\n").then().statusCode(400);
        JsonPath settled = as(finance).get(base() + "/payment-batches/" + id).then().statusCode(200).extract().jsonPath();
        assertEquals("已对账", settled.getString("batch.reconciliation"));
        assertEquals("PAID", settled.getString("instructions[0].status"));
        assertEquals("B0001", settled.getString("instructions[0].bankReference"));
        assertEquals("FAILED", settled.getString("instructions[1].status"));
        assertEquals("账户已销户", settled.getString("instructions[1].failureReason"));
        long failedId = settled.getLong("instructions[1].id");
        long failedVersion = settled.getLong("instructions[1].version");
        String reissueUrl = base() + "/payment-instructions/" + failedId + "/reissue";
        // Not before the account is corrected; a paid one is never re-issued; a new plain instruction is sent to the re-issue.
        as(admin).body(Map.of("version", failedVersion)).post(reissueUrl).then().statusCode(409).body("code", equalTo("PAYMENT_ACCOUNT_NOT_CORRECTED"));
        as(admin).body(Map.of("version", settled.getLong("instructions[0].version"))).post(base() + "/payment-instructions/"
                + settled.getLong("instructions[0].id") + "/reissue").then().statusCode(409).body("code", equalTo("PAYMENT_INSTRUCTION_STATE"));
        as(admin).body(Map.of("programmeId", P, "period", "2029-H1", "lines", List.of(line(b[1], "750.50", null)))).post(base() + "/payment-batches")
                .then().statusCode(409).body("code", equalTo("PAYMENT_FAILED_USE_REISSUE"));
        String corrected = "6228480012345678901";
        String accountUrl = base() + "/household-accounts/" + b[0];
        long accountVersion = as(admin).get(accountUrl).then().extract().jsonPath().getLong("version");
        as(clerk).body(Map.of("holderMemberId", b[1], "bankName", "中国农业银行兰考支行", "accountNo", corrected, "version", accountVersion))
                .put(accountUrl).then().statusCode(200);
        JsonPath again = as(admin).body(Map.of("version", failedVersion)).post(reissueUrl).then().statusCode(201).extract().jsonPath();
        assertEquals("PENDING", again.getString("status"));
        assertEquals(failedId, again.getLong("reissueOfId"));
        assertEquals("6228***********8901", again.getString("accountMasked"));
        assertEquals(0, new java.math.BigDecimal("750.50").compareTo(new java.math.BigDecimal(again.getString("amount"))));
        as(admin).body(Map.of("version", failedVersion + 1)).post(reissueUrl).then().statusCode(409).body("code", equalTo("PAYMENT_ALREADY_REISSUED"));
        // The re-issue goes through approval and release again, in its own 补发 batch; the bank file has the corrected account.
        long reissueBatch = again.getLong("batchId");
        as(admin).get(base() + "/payment-batches/" + reissueBatch).then().body("batch.reissue", equalTo(true));
        approve(approver, reissueBatch);
        release(finance, reissueBatch);
        List<List<String>> reissued = sheet(as(finance).get(base() + "/payment-batches/" + reissueBatch + "/bank-file.xlsx").then()
                .statusCode(200).extract().asByteArray(), 0);
        assertEquals(corrected, reissued.get(1).get(3));
        assertEquals("中国农业银行兰考支行", reissued.get(1).get(4));
        bankReturn(finance, reissueBatch, "指令编号,处理结果\n" + again.getString("instructionNo") + ",成功\n").then().statusCode(200)
                .body("status", equalTo("SETTLED"));
        // The export is audited without the numbers.
        String db = Sql.database(county);
        assertEquals(List.of("1"), Sql.column("SELECT COUNT(*) FROM " + db + ".audit_log WHERE action = 'EXPORT' AND entity_id = '" + id + "'"));
        assertEquals(List.of("0"), Sql.column("SELECT COUNT(*) FROM " + db + ".audit_log WHERE after_json LIKE '%" + corrected + "%'"));
    }

    @Test
    void theReturnUploadIsGuardedLikeEveryEndpoint() {
        String path = "/api/counties/410225/payment-batches/1/bank-return";
        byte[] csv = "指令编号,处理结果\n".getBytes(StandardCharsets.UTF_8);
        RestAssured.given().multiPart("file", "a.csv", csv).post(path).then().statusCode(401);
        RestAssured.given().auth().oauth2(Api.token("minqin.admin")).multiPart("file", "a.csv", csv).post(path).then().statusCode(403)
                .body("code", equalTo("TENANT_MISMATCH"));
        for (String lower : List.of("lankao.clerk", "lankao.approver", "lankao.admin")) {
            RestAssured.given().auth().oauth2(Api.token(lower)).multiPart("file", "a.csv", csv).post(path).then().statusCode(403)
                    .body("code", equalTo("FORBIDDEN"));
        }
        RestAssured.given().auth().oauth2(Api.token("lankao.finance")).multiPart("file", "a.csv", csv).post(path).then().statusCode(400)
                .body("code", equalTo("PAYMENT_RETURN_FILE_INVALID"));
    }

    // ---------------------------------------------------------------- ledger

    /**
     * A known data set in 2030 (no other test uses the year): village 1 — 100.00 paid, 200.50 failed and re-issued (the
     * re-issue pending), 50.25 awaiting the bank; village 2 — 300.00 pending, 10.00 cancelled.
     */
    @Test
    void theLedgerCountsEachPaymentOnceAndSaysWhatIsNotReconciled() throws Exception {
        long[] m1 = paid(village);
        long[] m2 = paid(village);
        long[] m3 = paid(village);
        long[] m4 = paid(village2);
        long[] m5 = paid(village2);
        JsonPath released = batch(admin, "2030-H1", List.of(line(m1[1], "100.00", null), line(m2[1], "200.50", null), line(m3[1], "50.25", null)));
        long id = released.getLong("batch.id");
        approve(approver, id);
        release(finance, id);
        bankReturn(finance, id, "指令编号,处理结果,失败原因\n" + released.getString("instructions[0].instructionNo") + ",成功,\n"
                + released.getString("instructions[1].instructionNo") + ",失败,户名不符\n").then().statusCode(200);
        long accountVersion = as(admin).get(base() + "/household-accounts/" + m2[0]).then().extract().jsonPath().getLong("version");
        as(admin).body(Map.of("holderMemberId", m2[1], "bankName", "兰考县农村信用合作联社", "accountNo", "6217001299998888777", "version", accountVersion))
                .put(base() + "/household-accounts/" + m2[0]).then().statusCode(200);
        long failed = released.getLong("instructions[1].id");
        long failedVersion = as(admin).get(base() + "/payment-instructions/" + failed).then().extract().jsonPath().getLong("version");
        as(admin).body(Map.of("version", failedVersion)).post(base() + "/payment-instructions/" + failed + "/reissue").then().statusCode(201);
        JsonPath draft = batch(admin, "2030-03", List.of(line(m4[1], "300.00", null), line(m5[1], "10.00", null)));
        long cancelled = draft.getLong("instructions[1].id");
        as(admin).body(Map.of("reason", "重复申报", "version", draft.getLong("instructions[1].version")))
                .post(base() + "/payment-instructions/" + cancelled + "/cancel").then().statusCode(200).body("status", equalTo("CANCELLED"));

        JsonPath ledger = as(finance).queryParam("year", 2030).get(base() + "/payment-ledger").then().statusCode(200).extract().jsonPath();
        assertEquals(2, ledger.getList("rows").size());
        Map<String, Object> v1 = ledger.getMap("rows.find { it.villageCode == '" + village + "' }");
        assertEquals(P, v1.get("programmeId"));
        assertEquals("测试补贴项目", v1.get("programmeName"));
        assertEquals(3, v1.get("beneficiaries"));
        assertEquals(3, v1.get("payments"));
        assertEquals(350.75f, ((Number) v1.get("owed")).floatValue());
        assertEquals(1, v1.get("paid"));
        assertEquals(100.0f, ((Number) v1.get("paidAmount")).floatValue());
        assertEquals(1, v1.get("awaiting"));
        assertEquals(50.25f, ((Number) v1.get("awaitingAmount")).floatValue());
        assertEquals(1, v1.get("pending"));
        assertEquals(200.5f, ((Number) v1.get("pendingAmount")).floatValue());
        assertEquals(0, v1.get("failed"));
        assertEquals(1, v1.get("reissued"));
        assertEquals("待回盘", v1.get("reconciliation"));
        Map<String, Object> v2 = ledger.getMap("rows.find { it.villageCode == '" + village2 + "' }");
        assertEquals(1, v2.get("beneficiaries"));
        assertEquals(300.0f, ((Number) v2.get("owed")).floatValue());
        assertEquals(1, v2.get("pending"));
        assertEquals("待拨付", v2.get("reconciliation"));
        assertEquals("测试村102", v2.get("villageName"));
        assertEquals(4, ledger.getInt("total.beneficiaries"));
        assertEquals(650.75f, ledger.getFloat("total.owed"));
        // One village only; and the workbook.
        as(finance).queryParam("year", 2030).queryParam("village", village2).get(base() + "/payment-ledger").then().statusCode(200)
                .body("rows.size()", equalTo(1)).body("total.owed", equalTo(300.0f));
        List<List<String>> sheet = sheet(as(approver).queryParam("year", 2030).get(base() + "/payment-ledger.xlsx").then().statusCode(200)
                .extract().asByteArray(), 0);
        assertEquals("合计", sheet.get(sheet.size() - 1).get(0));
        assertEquals(0, new java.math.BigDecimal("650.75").compareTo(new java.math.BigDecimal(sheet.get(sheet.size() - 1).get(6))));
        as(clerk).get(base() + "/payment-ledger").then().statusCode(403);
        as(finance).queryParam("year", 1999).get(base() + "/payment-ledger").then().statusCode(400);
        // Settle the rest and the village is reconciled … except the pending re-issue, which is a payment not yet released.
        bankReturn(finance, id, "指令编号,处理结果\n" + released.getString("instructions[2].instructionNo") + ",成功\n").then().statusCode(200);
        as(finance).queryParam("year", 2030).queryParam("village", village).get(base() + "/payment-ledger").then()
                .body("rows[0].reconciliation", equalTo("待拨付")).body("rows[0].paid", equalTo(2));
    }

    /** 县级资金拨付 is a county-level role a county admin may give to a user of the county, never below it. */
    @Test
    void aCountyAdminMayCreateAFinanceUserOfTheCounty() {
        Map<String, Object> user = new HashMap<>(Map.of("username", "t_pay_fin2_" + county, "displayName", "资金拨付员", "password", Api.PASSWORD,
                "roles", List.of(Roles.COUNTY_FINANCE), "tenant", county, "org", village));
        as(admin).body(user).post("/api/admin/users").then().statusCode(400).body("code", equalTo("ROLE_INVALID"));
        user.put("org", county);
        as(admin).body(user).post("/api/admin/users").then().statusCode(201).body("roleLabels", hasItem("县级资金拨付"));
        as("lankao.finance").get("/api/auth/me").then().statusCode(200).body("roles", hasItem(Roles.COUNTY_FINANCE))
                .body("tenant", equalTo("410225"));
    }

    // ---------------------------------------------------------------- pages

    @Test
    void theBatchPagesShowMaskedAccountsAndTakeTheSteps() {
        long[] a = paid(village);
        JsonPath made = batch(admin, "2031", List.of(line(a[1], "88.80", null)));
        long id = made.getLong("batch.id");
        String batchNo = made.getString("batch.batchNo");
        as(approver).accept("text/html").get("/payment-batches").then().statusCode(200).body(org.hamcrest.Matchers.containsString(batchNo));
        String page = as(approver).accept("text/html").get("/payment-batches/" + id).then().statusCode(200).extract().asString();
        assertTrue(page.contains("id=\"approve-form\""), page);
        assertTrue(page.contains(made.getString("instructions[0].accountMasked")));
        assertFalse(page.contains(ACCOUNTS.get(a[0])));
        // The creator is offered no approval; finance no approval either.
        assertFalse(as(admin).accept("text/html").get("/payment-batches/" + id).asString().contains("approve-form"));
        assertFalse(as(finance).accept("text/html").get("/payment-batches/" + id).asString().contains("approve-form"));
        cn.fpjc.app.support.BrowserForm.from("/payment-batches/" + id, Api.token(approver)).formParam("version", version(id))
                .post("/payment-batches/" + id + "/approval").then().statusCode(303);
        // Approving again: the page again, with the reason.
        String refused = cn.fpjc.app.support.BrowserForm.from("/payment-batches/" + id, Api.token(approver)).formParam("version", version(id))
                .post("/payment-batches/" + id + "/approval").then().statusCode(409).extract().asString();
        assertTrue(refused.contains("批次当前的状态不能执行此操作"), refused);
        String financePage = as(finance).accept("text/html").get("/payment-batches/" + id).asString();
        assertTrue(financePage.contains("id=\"release-form\""), financePage);
        cn.fpjc.app.support.BrowserForm.from("/payment-batches/" + id, Api.token(finance)).formParam("version", version(id))
                .post("/payment-batches/" + id + "/release").then().statusCode(303);
        String released = as(finance).accept("text/html").get("/payment-batches/" + id + "?done=released").asString();
        assertTrue(released.contains("id=\"bank-file\"") && released.contains("已拨付待回盘"), released);
        as(clerk).accept("text/html").get("/payment-batches/" + id).then().statusCode(403);
    }
}
