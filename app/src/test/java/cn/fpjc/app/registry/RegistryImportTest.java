package cn.fpjc.app.registry;

import static cn.fpjc.app.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import cn.fpjc.app.support.Api;
import cn.fpjc.app.support.Sql;
import cn.fpjc.core.registry.IncomeRecord;
import cn.fpjc.core.registry.importing.ImportColumn;
import cn.fpjc.core.platform.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * 农户信息导入: template, streaming CSV/xlsx, every row rule with a bad file of its own, the user's choice of
 * all-or-nothing or valid-rows-only, idempotent re-import, a write killed half-way, and masking in reports.
 */
@QuarkusTest
class RegistryImportTest {
    static String county;
    static String villageA;
    static String villageB;
    static String admin;
    static String clerkA;
    static final ImportFile.IdSource IDS = new ImportFile.IdSource("110102");

    @BeforeEach
    void county() {
        if (county != null) {
            return;
        }
        county = Api.onboard("gansu", "62");
        admin = Api.createUser("t_imp_admin_" + county, Roles.COUNTY_ADMIN, county, county);
        villageA = Api.addTownshipAndVillage(admin, county, "101")[1];
        villageB = Api.addTownshipAndVillage(admin, county, "102")[1];
        clerkA = Api.createUser("t_imp_clerka_" + county, Roles.VILLAGE_CLERK, county, villageA);
    }

    static String base() {
        return "/api/counties/" + county + "/household-imports";
    }

    static JsonPath upload(String user, String fileName, byte[] content, String mode) {
        long id = given().auth().oauth2(Api.token(user)).multiPart("file", fileName, content).multiPart("mode", mode)
                .post(base()).then().statusCode(202).extract().jsonPath().getLong("id");
        return await(user, id);
    }

    static JsonPath await(String user, long id) {
        return Awaitility.await("import job " + id + " finished").atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> as(user).get(base() + "/" + id).then().statusCode(200).extract().jsonPath(), job -> !job.getBoolean("running"));
    }

    static List<Map<String, Object>> problems(String user, long id) {
        return as(user).get(base() + "/" + id + "/rows?problems=true&limit=1000").then().statusCode(200).extract().jsonPath().getList("$");
    }

    /** Kills the connection of job {@code id}'s write while it inserts the members (the job must be writing). */
    static void killTheMemberInsert(long id) {
        String db = Sql.database(county);
        boolean killed = false;
        long deadline = System.currentTimeMillis() + 60_000;
        while (!killed && System.currentTimeMillis() < deadline) {
            for (String v : Sql.column("SELECT id FROM information_schema.PROCESSLIST WHERE db = '" + db + "' AND info LIKE 'INSERT INTO member%'")) {
                try {
                    Sql.execute("KILL CONNECTION " + v);
                    killed = true;
                } catch (IllegalStateException gone) {
                    // finished between the two statements
                }
            }
            if (!as(admin).get(base() + "/" + id).then().extract().jsonPath().getBoolean("running")) {
                break;
            }
        }
        if (!killed) {
            fail("the write finished before it could be killed; make the file larger");
        }
    }

    static long households(String prefix) {
        return Long.parseLong(Sql.column("SELECT COUNT(*) FROM " + Sql.database(county) + ".household WHERE household_no LIKE '" + prefix + "%'")
                .get(0));
    }

    @Test
    void templateHasTheImportHeadersAndTheVillagesInScope() throws Exception {
        byte[] xlsx = as(clerkA).get(base() + "/template.xlsx").then().statusCode(200)
                .header("Content-Disposition", containsString("attachment")).extract().asByteArray();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Row> data = wb.getFirstSheet().read();
            List<String> header = new ArrayList<>();
            data.get(0).forEach(c -> header.add(c.getText()));
            assertEquals(new ImportFile().header, header.subList(0, ImportColumn.values().length));
            assertEquals("农户信息", wb.getFirstSheet().getName());
            List<Row> villages = wb.findSheet("村名与代码").orElseThrow().read();
            assertEquals(2, villages.size(), "header + the clerk's own village only");
            assertEquals(villageA, villages.get(1).getCellText(1));
            // The worked example's ID numbers are checksum-valid.
            String helpText = wb.findSheet("填写说明").orElseThrow().read().toString();
            assertTrue(helpText.contains(county), helpText);
        }
    }

    @Test
    void csvImportWritesHouseholdsMembersAndIncomesThenReimportChangesNothing() {
        ImportFile f = new ImportFile().family("IMP-A-1", villageA, 3, IDS).family("IMP-A-2", "测试村101", 2, IDS);
        f.rows.get(0).put(ImportColumn.INCOME_YEAR, "2024");
        f.rows.get(0).put(ImportColumn.WAGE, "30000");
        f.rows.get(0).put(ImportColumn.PRODUCTION_NET, "-1000.5");
        f.rows.get(0).put(ImportColumn.TRANSFER, "2400");
        f.rows.get(0).put(ImportColumn.EXPENSES, "1200");
        JsonPath job = upload(clerkA, "农户.csv", f.csv(), "VALID_ONLY");
        assertEquals("DONE", job.getString("status"), job.prettify());
        assertEquals(5, job.getInt("rowsRead"));
        assertEquals(0, job.getInt("rowsWithErrors"), () -> problems(clerkA, job.getLong("id")).toString());
        assertEquals(2, job.getInt("householdsWritten"));
        assertEquals(5, job.getInt("membersWritten"));
        assertEquals(2, households("IMP-A-"));
        // The import pages name the uploader by display name (the username in the title).
        String jobPage = as(clerkA).accept("text/html").get("/households/import/" + job.getLong("id")).then().statusCode(200).extract().asString();
        assertTrue(jobPage.contains("<span id=\"job-uploader\" title=\"" + clerkA + "\">测试用户" + clerkA + "</span>"), jobPage);
        assertTrue(as(clerkA).accept("text/html").get("/households/import").then().statusCode(200).extract().asString()
                .contains("<span title=\"" + clerkA + "\">测试用户" + clerkA + "</span>"), "the list of imports");

        // What was written reads back through the registry API like any household, masked.
        JsonPath detail = as(clerkA).get("/api/counties/" + county + "/households?q=IMP-A-1").then().statusCode(200).extract().jsonPath();
        long id = detail.getLong("[0].id");
        JsonPath h = as(clerkA).get("/api/counties/" + county + "/households/" + id).then().statusCode(200).extract().jsonPath();
        assertEquals(3, h.getList("members").size());
        assertEquals("一般农户", h.getString("categoryLabel"));
        assertEquals(2024, h.getInt("incomes[0].year"));
        BigDecimal expected = IncomeRecord.perCapita(new BigDecimal("30000.00"), new BigDecimal("-1000.50"), BigDecimal.ZERO.setScale(2),
                new BigDecimal("2400.00"), new BigDecimal("1200.00"), 3);
        assertEquals(0, expected.compareTo(new BigDecimal(h.getString("incomes[0].perCapita"))), "per-capita as the API computes it");
        assertTrue(h.getString("members[0].idMasked").contains("********"));
        assertEquals("CREATED", h.getString("events[0].kind"));
        // Each household keeps its head's name (the copy the inbox reads), as a household created in the form does.
        String db = Sql.database(county);
        List<String> heads = Sql.column("SELECT CONCAT(h.household_no, '|', m.name) FROM " + db + ".household h JOIN " + db + ".member m"
                + " ON m.household_id = h.id AND m.active = TRUE AND m.relation = 'HEAD' WHERE h.household_no LIKE 'IMP-A-%' ORDER BY 1");
        assertEquals(2, heads.size(), heads.toString());
        assertEquals(heads, Sql.column("SELECT CONCAT(household_no, '|', IFNULL(head_name, '')) FROM " + db + ".household"
                + " WHERE household_no LIKE 'IMP-A-%' ORDER BY 1"));
        List<String> audit = Sql.column("SELECT after_json FROM " + Sql.database(county) + ".audit_log WHERE action = 'IMPORT' AND entity_id = '"
                + job.getLong("id") + "'");
        assertEquals(1, audit.size());
        assertTrue(audit.get(0).contains("\"householdsWritten\":2"), audit.get(0));

        // The same file again: nothing new, nothing changed, no new history.
        long events = Long.parseLong(Sql.column("SELECT COUNT(*) FROM " + Sql.database(county) + ".household_event").get(0));
        JsonPath again = upload(clerkA, "农户.csv", f.csv(), "ALL_OR_NOTHING");
        assertEquals("DONE", again.getString("status"), again.prettify());
        assertEquals(0, again.getInt("householdsWritten"));
        assertEquals(2, again.getInt("householdsUnchanged"));
        assertEquals(0, again.getInt("rowsWithErrors"));
        assertEquals(2, households("IMP-A-"));
        assertEquals(events, Long.parseLong(Sql.column("SELECT COUNT(*) FROM " + Sql.database(county) + ".household_event").get(0)));
        assertEquals("1", Sql.column("SELECT COUNT(*) FROM " + Sql.database(county) + ".income_record i JOIN " + Sql.database(county)
                + ".household h ON h.id = i.household_id WHERE h.household_no = 'IMP-A-1'").get(0));

        // A year's income added later for a registered household is the one change a re-import may make.
        f.rows.get(3).put(ImportColumn.INCOME_YEAR, "2024");
        f.rows.get(3).put(ImportColumn.WAGE, "8000");
        JsonPath withIncome = upload(clerkA, "农户.csv", f.csv(), "VALID_ONLY");
        assertEquals("DONE", withIncome.getString("status"));
        assertEquals(1, withIncome.getInt("incomesToAdd"));
        assertEquals("1", Sql.column("SELECT COUNT(*) FROM " + Sql.database(county) + ".income_record i JOIN " + Sql.database(county)
                + ".household h ON h.id = i.household_id WHERE h.household_no = 'IMP-A-2'").get(0));
    }

    /** Whether this class's app stages rows by LOAD DATA LOCAL (the default); a subclass runs every test on INSERTs. */
    boolean bulkLoad() {
        return true;
    }

    /** The server's count of LOAD DATA statements (any user may read the global status). */
    static long loadStatements() {
        return Long.parseLong(Sql.column("SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME = 'COM_LOAD'").get(0));
    }

    /** Text with tabs, backslashes, line breaks and a literal \\N is stored exactly as given, on either staging path. */
    @Test
    void awkwardTextIsStoredExactly() {
        String address = "一组\\N号\t后院\\\\东\n二层\r末尾\\";
        String no = "IMP-T-" + bulkLoad();
        ImportFile f = new ImportFile().family(no, villageA, 2, IDS);
        f.rows.get(0).put(ImportColumn.ADDRESS, address);
        long loads = loadStatements();
        JsonPath job = upload(clerkA, "农户.csv", f.csv(), "VALID_ONLY");
        assertEquals("DONE", job.getString("status"), job.prettify());
        assertEquals(2, job.getInt("membersWritten"), () -> problems(clerkA, job.getLong("id")).toString());
        assertEquals(bulkLoad() ? loads + 1 : loads, loadStatements(), "LOAD DATA statements run by the import");
        String db = Sql.database(county);
        assertEquals(List.of(address), Sql.column("SELECT address FROM " + db + ".household WHERE household_no = '" + no + "'"));
        // The ID numbers were encrypted and hashed on the way in: the exact search finds each member.
        for (String id : f.ids()) {
            as(clerkA).get("/api/counties/" + county + "/households?idNumber=" + id).then().statusCode(200)
                    .body("[0].householdNo", equalTo(no));
        }
    }

    @Test
    void xlsxImportReadsNumbersAndDatesAndRefusesIdsStoredAsNumbers() {
        ImportFile f = new ImportFile().family("IMP-X-1", villageA, 2, IDS);
        f.rows.get(0).put(ImportColumn.INCOME_YEAR, 2024);
        f.rows.get(0).put(ImportColumn.WAGE, 12345.67);
        f.rows.get(0).put(ImportColumn.TRANSFER, 0.1 + 0.2);
        f.rows.get(0).put(ImportColumn.PERIOD_FROM, 45292); // Excel's serial number for 2024-01-01
        f.rows.get(0).put(ImportColumn.PERIOD_TO, "2024年12月31日");
        f.rows.get(1).put(ImportColumn.EMPLOYMENT_PLACE, "县内");
        f.rows.get(1).put(ImportColumn.EMPLOYMENT_MONTHS, 6);
        f.family("IMP-X-2", villageA, 1, IDS);
        f.rows.get(2).put(ImportColumn.ID_NUMBER, 620621199001011234L);
        JsonPath job = upload(admin, "农户.xlsx", f.xlsx(), "VALID_ONLY");
        assertEquals("DONE", job.getString("status"), job.prettify());
        assertEquals(1, job.getInt("householdsWritten"));
        List<Map<String, Object>> problems = problems(admin, job.getLong("id"));
        assertEquals(1, problems.size());
        assertEquals(4, problems.get(0).get("rowNo"));
        assertTrue(problems.get(0).get("message").toString().contains("被Excel存成了数字"));
        assertFalse(problems.get(0).get("cells").toString().contains("199001011234"), "the ID column is masked in the report");
        assertEquals("0.30", Sql.column("SELECT transfer FROM " + Sql.database(county) + ".income_record i JOIN " + Sql.database(county)
                + ".household h ON h.id = i.household_id WHERE h.household_no = 'IMP-X-1'").get(0));
        assertEquals("2024-01-01", Sql.column("SELECT period_from FROM " + Sql.database(county) + ".income_record i JOIN "
                + Sql.database(county) + ".household h ON h.id = i.household_id WHERE h.household_no = 'IMP-X-1'").get(0));
    }

    /** One bad household per case beside a good one: the bad row is reported with its reason, the good household is written. */
    static Stream<Arguments> badRows() {
        return Stream.of(
                Arguments.of("ID checksum", (Bad) f -> f.set(ImportColumn.ID_NUMBER, Ids.withBadCheck(IDS.next())), "校验码不正确"),
                Arguments.of("ID birth date", (Bad) f -> f.set(ImportColumn.ID_NUMBER, withCheck("11010219990230010")), "出生日期不存在"),
                Arguments.of("ID missing", (Bad) f -> f.set(ImportColumn.ID_NUMBER, null), "「身份证号」必填"),
                Arguments.of("village not in county", (Bad) f -> f.set(ImportColumn.VILLAGE, "110101001001"), "不是本县的村"),
                Arguments.of("village name unknown", (Bad) f -> f.set(ImportColumn.VILLAGE, "不存在村"), "不是本县的村"),
                Arguments.of("category", (Bad) f -> f.set(ImportColumn.CATEGORY, "富裕户"), "「户类型」无法识别"),
                Arguments.of("labour enum", (Bad) f -> f.set(ImportColumn.LABOUR, "很强"), "无法识别的「劳动能力」"),
                Arguments.of("relation missing", (Bad) f -> f.set(ImportColumn.RELATION, null), "本户户主人数为0"),
                Arguments.of("name", (Bad) f -> f.set(ImportColumn.NAME, "张三3"), "「姓名」姓名只能包含"),
                Arguments.of("disability grade", (Bad) f -> f.set(ImportColumn.HEALTH, "残疾"), "「残疾等级」"),
                Arguments.of("months not a number", (Bad) f -> f.set(ImportColumn.EMPLOYMENT_MONTHS, "半年"), "「务工月数」应为整数"),
                Arguments.of("boolean", (Bad) f -> f.set(ImportColumn.RELOCATED, "也许"), "应填“是”或“否”"),
                Arguments.of("household number", (Bad) f -> f.set(ImportColumn.HOUSEHOLD_NO, "户1"), "「户编号」应为"),
                Arguments.of("money", (Bad) f -> f.set(ImportColumn.INCOME_YEAR, "2024").set(ImportColumn.WAGE, "三万"), "「工资性收入」应为金额"),
                Arguments.of("fraction of a fen", (Bad) f -> f.set(ImportColumn.INCOME_YEAR, "2024").set(ImportColumn.WAGE, "100.123"), "最多两位小数"),
                Arguments.of("negative", (Bad) f -> f.set(ImportColumn.INCOME_YEAR, "2024").set(ImportColumn.PROPERTY, "-5"), "不能为负数"),
                Arguments.of("date", (Bad) f -> f.set(ImportColumn.INCOME_YEAR, "2024").set(ImportColumn.PERIOD_FROM, "2024-13-01"), "不是有效日期"),
                Arguments.of("period order", (Bad) f -> f.set(ImportColumn.INCOME_YEAR, "2024").set(ImportColumn.PERIOD_FROM, "2024-12-01")
                        .set(ImportColumn.PERIOD_TO, "2024-01-31"), "不能早于"),
                Arguments.of("period from year 0", (Bad) f -> f.set(ImportColumn.INCOME_YEAR, "2024").set(ImportColumn.PERIOD_FROM, "0000-01-01"),
                        "「统计期起」应在2000-01-01至"),
                Arguments.of("period far ahead", (Bad) f -> f.set(ImportColumn.INCOME_YEAR, "2024").set(ImportColumn.PERIOD_TO, "2999-12-31"),
                        "「统计期止」应在2000-01-01至"),
                Arguments.of("income year", (Bad) f -> f.set(ImportColumn.INCOME_YEAR, "2010").set(ImportColumn.WAGE, "1"), "「收入年度」应在2015"),
                Arguments.of("income without year", (Bad) f -> f.set(ImportColumn.WAGE, "100"), "「收入年度」填写了收入时必填"));
    }

    interface Bad {
        void apply(ImportFile f);
    }

    static String withCheck(String first17) {
        return first17 + cn.fpjc.core.registry.IdNumber.checkChar(first17);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRows")
    void eachRowRuleReportsTheRowAndKeepsTheGoodHouseholds(String rule, Bad bad, String expected) {
        String prefix = "IMP-R" + Math.abs(rule.hashCode() % 100000) + "-";
        ImportFile f = new ImportFile().family(prefix + "1", villageA, 2, IDS).family(prefix + "2", villageA, 1, IDS);
        bad.apply(f);
        JsonPath job = upload(admin, "bad.csv", f.csv(), "VALID_ONLY");
        assertEquals("DONE", job.getString("status"), job.prettify());
        assertEquals(1, job.getInt("rowsWithErrors"), job.prettify());
        assertEquals(1, job.getInt("householdsWritten"));
        List<Map<String, Object>> problems = problems(admin, job.getLong("id"));
        Map<String, Object> row = problems.stream().filter(p -> "错误".equals(p.get("outcome"))).findFirst().orElseThrow();
        assertEquals(4, row.get("rowNo"), problems.toString());
        assertTrue(row.get("message").toString().contains(expected), rule + ": " + row.get("message"));
    }

    @Test
    void crossRowAndRegistryRules() {
        // Registered through the API first.
        String registered = IDS.next();
        as(admin).body(Map.of("householdNo", "IMP-C-0", "villageCode", villageA, "category", "一般农户", "members",
                List.of(Map.of("name", "王五", "idNumber", registered, "relation", "户主", "labour", "普通劳动力", "health", "健康"))))
                .post("/api/counties/" + county + "/households").then().statusCode(201);
        String twice = IDS.next();
        ImportFile f = new ImportFile()
                .family("IMP-C-1", villageA, 2, IDS) // fine
                .person("IMP-C-2", villageA, "甲", twice, "户主").person("IMP-C-3", villageA, "乙", twice, "户主") // same person twice
                .person("IMP-C-4", villageA, "丙", IDS.next(), "户主").person("IMP-C-4", villageA, "丁", IDS.next(), "户主") // two heads
                .person("IMP-C-5", villageA, "戊", IDS.next(), "户主").person("IMP-C-5", villageA, "己", IDS.next(), "子女")
                .set(ImportColumn.VILLAGE, villageB) // disagrees with the head's row
                .person("IMP-C-6", villageA, "庚", IDS.next(), "户主").person("IMP-C-6", villageA, "辛", IDS.next(), "配偶")
                .set(ImportColumn.INCOME_YEAR, "2024").set(ImportColumn.WAGE, "100") // income not on the head's row
                .person("IMP-C-7", villageA, "壬", registered, "户主") // already registered
                .person("IMP-C-0", villageA, "王五", IDS.next(), "户主"); // household number taken, different people
        JsonPath job = upload(admin, "cross.csv", f.csv(), "VALID_ONLY");
        assertEquals("DONE", job.getString("status"), job.prettify());
        assertEquals(2, job.getInt("householdsWritten"), "IMP-C-1 and IMP-C-2 (the first of the rows naming the same person)");
        assertEquals(6, job.getInt("householdsInvalid"));
        Map<Integer, String> byRow = new java.util.HashMap<>();
        problems(admin, job.getLong("id")).forEach(p -> byRow.put((Integer) p.get("rowNo"), p.get("outcome") + "：" + p.get("message")));
        assertTrue(byRow.get(5).contains("与第4行是同一个人"), byRow.toString());
        assertTrue(byRow.get(6).contains("户主人数为2"), byRow.toString());
        assertTrue(byRow.get(9).contains("与户主行不一致"), byRow.toString());
        assertTrue(byRow.get(8).startsWith("未导入"), "the head's row of a household with a bad row is not written either: " + byRow);
        assertTrue(byRow.get(11).contains("收入请填写在户主所在行"), byRow.toString());
        assertTrue(byRow.get(12).contains("此人已登记在户编号 IMP-C-0"), byRow.toString());
        assertTrue(byRow.get(13).contains("户编号已登记，但"), byRow.toString());
        assertEquals(3, households("IMP-C-"), "IMP-C-0 (made through the API), IMP-C-1 and IMP-C-2");
    }

    @Test
    void fileLevelProblems() {
        // Not a spreadsheet at all.
        given().auth().oauth2(Api.token(admin)).multiPart("file", "名单.xls", new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0 })
                .multiPart("mode", "VALID_ONLY").post(base()).then().statusCode(400).body("code", equalTo("IMPORT_FILE_TYPE"));
        given().auth().oauth2(Api.token(admin)).multiPart("mode", "VALID_ONLY").post(base()).then().statusCode(400)
                .body("code", equalTo("IMPORT_FILE_MISSING"));
        assertFailed(upload(admin, "x.xlsx", "not a zip".getBytes(), "VALID_ONLY"), "不是有效的.xlsx");
        assertFailed(upload(admin, "x.csv", new byte[0], "VALID_ONLY"), "文件是空的");
        ImportFile noId = new ImportFile().family("IMP-F-1", villageA, 1, IDS);
        noId.header.set(ImportColumn.ID_NUMBER.ordinal(), "证件号");
        assertFailed(upload(admin, "x.csv", noId.csv(), "VALID_ONLY"), "表头缺少必填列：身份证号");
        assertFailed(upload(admin, "x.csv", new ImportFile().csv(), "VALID_ONLY"), "没有数据行");
    }

    static void assertFailed(JsonPath job, String message) {
        assertEquals("FAILED", job.getString("status"), job.prettify());
        assertTrue(job.getString("message").contains(message), job.getString("message"));
    }

    @Test
    void gbkCsvFromChineseExcelIsRead() {
        ImportFile f = new ImportFile().family("IMP-G-1", "测试村101", 2, IDS);
        JsonPath job = upload(admin, "gbk.csv", f.csv(Charset.forName("GBK"), false), "VALID_ONLY");
        assertEquals("DONE", job.getString("status"), job.prettify());
        assertEquals(1, job.getInt("householdsWritten"));
        assertEquals("户主一", Sql.column("SELECT m.name FROM " + Sql.database(county) + ".member m JOIN " + Sql.database(county)
                + ".household h ON h.id = m.household_id WHERE h.household_no = 'IMP-G-1' AND m.relation = 'HEAD'").get(0));
    }

    @Test
    void allOrNothingRejectsThenTheUserMayChooseValidRowsOnly() {
        ImportFile f = new ImportFile().family("IMP-N-1", villageA, 2, IDS).family("IMP-N-2", villageA, 2, IDS);
        f.rows.get(3).put(ImportColumn.HEALTH, "不知道");
        JsonPath job = upload(admin, "n.csv", f.csv(), "ALL_OR_NOTHING");
        assertEquals("REJECTED", job.getString("status"));
        assertTrue(job.getString("message").contains("没有写入任何数据"));
        assertTrue(job.getBoolean("committable"));
        assertEquals(0, households("IMP-N-"));
        as(admin).post(base() + "/" + job.getLong("id") + "/commit?mode=VALID_ONLY").then().statusCode(202);
        JsonPath done = await(admin, job.getLong("id"));
        assertEquals("DONE", done.getString("status"));
        assertEquals(1, households("IMP-N-"));
        // A finished job cannot be written twice.
        as(admin).post(base() + "/" + job.getLong("id") + "/commit?mode=VALID_ONLY").then().statusCode(409)
                .body("code", equalTo("IMPORT_STATE_CONFLICT"));
    }

    @Test
    void validateOnlyThenCommitRechecksTheRegistry() {
        ImportFile f = new ImportFile().family("IMP-V-1", villageA, 2, IDS).family("IMP-V-2", villageA, 1, IDS);
        String laterRegistered = (String) f.rows.get(2).get(ImportColumn.ID_NUMBER);
        JsonPath job = upload(clerkA, "v.csv", f.csv(), "VALIDATE_ONLY");
        assertEquals("VALIDATED", job.getString("status"));
        assertEquals(2, job.getInt("householdsNew"));
        assertEquals(0, households("IMP-V-"), "checking writes nothing");
        // Meanwhile someone registers one of the file's people.
        as(clerkA).body(Map.of("householdNo", "IMP-W-1", "villageCode", villageA, "category", "一般农户", "members",
                List.of(Map.of("name", "赵六", "idNumber", laterRegistered, "relation", "户主", "labour", "普通劳动力", "health", "健康"))))
                .post("/api/counties/" + county + "/households").then().statusCode(201);
        as(clerkA).post(base() + "/" + job.getLong("id") + "/commit?mode=VALID_ONLY").then().statusCode(202);
        JsonPath done = await(clerkA, job.getLong("id"));
        assertEquals("DONE", done.getString("status"));
        assertEquals(1, done.getInt("householdsWritten"));
        assertEquals(1, households("IMP-V-"));
        // Another county's staff and a responsible official cannot see or drive the job.
        as("lankao.admin").get("/api/counties/" + county + "/household-imports/" + job.getLong("id")).then().statusCode(403);
    }

    @Test
    void clerkCannotImportIntoAnotherVillage() {
        ImportFile f = new ImportFile().family("IMP-S-1", villageB, 1, IDS);
        JsonPath job = upload(clerkA, "s.csv", f.csv(), "VALID_ONLY");
        assertEquals(0, job.getInt("householdsWritten"));
        assertTrue(problems(clerkA, job.getLong("id")).get(0).get("message").toString().contains("不在您的管辖范围内"));
        // A person registered in a village outside the clerk's scope: refused without naming that household.
        String elsewhere = IDS.next();
        as(admin).body(Map.of("householdNo", "IMP-S-0", "villageCode", villageB, "category", "一般农户", "members",
                List.of(Map.of("name", "周六", "idNumber", elsewhere, "relation", "户主", "labour", "普通劳动力", "health", "健康"))))
                .post("/api/counties/" + county + "/households").then().statusCode(201);
        JsonPath dup = upload(clerkA, "s0.csv", new ImportFile().person("IMP-S-3", villageA, "周六", elsewhere, "户主").csv(), "VALID_ONLY");
        String message = problems(clerkA, dup.getLong("id")).get(0).get("message").toString();
        assertTrue(message.contains("已在本县其他农户中登记，请联系乡镇或县级核实") && !message.contains("IMP-S-0"), message);
        // Nor see a job the county admin started.
        long adminJob = upload(admin, "a.csv", new ImportFile().family("IMP-S-2", villageB, 1, IDS).csv(), "VALIDATE_ONLY").getLong("id");
        as(clerkA).get(base() + "/" + adminJob).then().statusCode(404);
    }

    @Test
    void reportIsAnXlsxWithTheResultBesideEachMaskedRow() throws Exception {
        ImportFile f = new ImportFile().family("IMP-P-1", villageA, 1, IDS);
        String id = IDS.next();
        f.person("IMP-P-2", villageA, "坏行", Ids.withBadCheck(id), "户主");
        JsonPath job = upload(admin, "p.csv", f.csv(), "VALID_ONLY");
        byte[] report = as(admin).get(base() + "/" + job.getLong("id") + "/report.xlsx").then().statusCode(200).extract().asByteArray();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(report))) {
            List<Row> rows = wb.getFirstSheet().read();
            assertEquals("原文件行号", rows.get(1).getCellText(0));
            assertEquals("已新增", rows.get(2).getCellText(1));
            assertEquals("错误", rows.get(3).getCellText(1));
            assertTrue(rows.get(3).getCellText(2).contains("校验码不正确"));
            String all = rows.toString();
            assertFalse(all.contains(id.substring(6, 14)), "no ID number in clear anywhere in the report");
        }
    }

    /**
     * A write killed half-way (its database connection dropped while the members are being inserted, after the
     * households were) leaves nothing: the write is one transaction. Confirming again writes everything.
     */
    @Test
    void aKilledWriteLeavesNoHalfWrittenHousehold() {
        ImportFile f = new ImportFile();
        for (int i = 0; i < 8000; i++) {
            f.family("IMP-K-" + i, villageA, 3, IDS);
        }
        JsonPath job = upload(admin, "k.csv", f.csv(), "VALIDATE_ONLY");
        assertEquals("VALIDATED", job.getString("status"), job.prettify());
        long id = job.getLong("id");
        String db = Sql.database(county);
        as(admin).post(base() + "/" + id + "/commit?mode=VALID_ONLY").then().statusCode(202);
        killTheMemberInsert(id);
        JsonPath after = await(admin, id);
        assertEquals("VALIDATED", after.getString("status"), after.prettify());
        assertTrue(after.getString("message").contains("没有写入任何数据"), after.getString("message"));
        assertEquals(0, households("IMP-K-"), "no household from the killed write");
        assertEquals("0", Sql.column("SELECT COUNT(*) FROM " + db + ".member m LEFT JOIN " + db + ".household h ON h.id = m.household_id"
                + " WHERE h.id IS NULL").get(0), "no member without a household");
        assertEquals("可新增", as(admin).get(base() + "/" + id + "/rows?limit=1").then().statusCode(200).extract().jsonPath()
                .getString("[0].outcome"), "compared with the registry when it was validated");

        as(admin).post(base() + "/" + id + "/commit?mode=VALID_ONLY").then().statusCode(202);
        JsonPath done = await(admin, id);
        assertEquals("DONE", done.getString("status"), done.prettify());
        assertEquals(8000, households("IMP-K-"));
        assertEquals(24000, done.getInt("membersWritten"));
    }

    @Test
    void aWriteThatFailsBeforeAnyComparisonLeavesItsHouseholdsAwaitingOneNotAddable() {
        // Uploaded to write straight away: the comparison with the registry happens only inside the write, and is rolled
        // back with it. The report then says what is known: the file's checks passed, the comparison is still to come.
        ImportFile f = new ImportFile();
        for (int i = 0; i < 8000; i++) {
            f.family("IMP-U-" + i, villageA, 3, IDS);
        }
        f.person("IMP-UX-1", villageA, "无户主", IDS.next(), "子女"); // a household without a head: refused by the file's checks
        long id = given().auth().oauth2(Api.token(admin)).multiPart("file", "w.csv", f.csv()).multiPart("mode", "VALID_ONLY")
                .post(base()).then().statusCode(202).extract().jsonPath().getLong("id");
        killTheMemberInsert(id);
        JsonPath after = await(admin, id);
        assertEquals("VALIDATED", after.getString("status"), after.prettify());
        assertEquals(0, after.getInt("householdsNew"), "the counts were rolled back with the write");
        List<Map<String, Object>> rows = as(admin).get(base() + "/" + id + "/rows?limit=3").then().statusCode(200).extract().jsonPath().getList("$");
        assertEquals("待比对", rows.get(0).get("outcome"), rows.toString());
        assertTrue(((String) rows.get(0).get("message")).contains("尚未与系统中的农户比对"), rows.toString());
        List<Map<String, Object>> problems = problems(admin, id);
        assertEquals(1, problems.size(), "only the household without a head is a problem: " + problems);
        assertEquals("未导入", problems.get(0).get("outcome"), problems.toString());

        as(admin).post(base() + "/" + id + "/commit?mode=VALID_ONLY").then().statusCode(202);
        JsonPath done = await(admin, id);
        assertEquals("DONE", done.getString("status"), done.prettify());
        assertEquals(8000, households("IMP-U-"));
        assertEquals("已新增", as(admin).get(base() + "/" + id + "/rows?limit=1").then().statusCode(200).extract().jsonPath().getString("[0].outcome"));
    }

    @Test
    void anEliminatedHouseholdsIncomeIsLockedInImportsAsInTheForms() {
        ImportFile f = new ImportFile().family("IMP-L-1", villageA, 1, IDS);
        assertEquals(1, upload(admin, "lock.csv", f.csv(), "VALID_ONLY").getInt("householdsWritten"));
        long id = Long.parseLong(Sql.column("SELECT id FROM " + Sql.database(county) + ".household WHERE household_no = 'IMP-L-1'").get(0));
        // Its risk was marked eliminated on 30 Jun 2025 (the workflow itself is AssistanceWorkflowTest's).
        Sql.execute("INSERT INTO " + Sql.database(county) + ".monitoring_case (household_id, village_code, procedure_id, monitoring_type,"
                + " risk_categories, green_channel, status, started_on, approved_on, risk_state, risk_state_on, created_at, created_by, version)"
                + " VALUES (" + id + ", '" + villageA + "', 'identification', 'MARGINAL', 'ILLNESS', false, 'COMPLETED', '2024-09-01',"
                + " '2024-09-10', 'ELIMINATED', '2025-06-30', NOW(6), 'test', 0)");
        f.income(2025, "12000", "0", "0", "0", "0");
        JsonPath locked = upload(admin, "lock.csv", f.csv(), "VALID_ONLY");
        assertEquals(0, locked.getInt("incomesToAdd"), locked.prettify());
        assertTrue(problems(admin, locked.getLong("id")).toString().contains("收入已锁定"), locked.prettify());
        // A period begun after the marking is not locked.
        f.set(ImportColumn.PERIOD_FROM, "2025-07-01").set(ImportColumn.PERIOD_TO, "2025-12-31");
        assertEquals(1, upload(admin, "lock.csv", f.csv(), "VALID_ONLY").getInt("incomesToAdd"));
        assertEquals(List.of("2025-07-01"), Sql.column("SELECT period_from FROM " + Sql.database(county) + ".income_record WHERE household_id = " + id));
    }
}
