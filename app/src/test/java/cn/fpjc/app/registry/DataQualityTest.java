package cn.fpjc.app.registry;

import static cn.fpjc.app.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fpjc.app.support.Api;
import cn.fpjc.app.support.Sql;
import cn.fpjc.core.registry.quality.DataQualityRule;
import cn.fpjc.core.platform.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 疑点: every rule of the catalogue with a household that breaks it (found) and one that does not (not found),
 * in a county of its own; findings limited to the reader's scope; the export.
 */
@QuarkusTest
class DataQualityTest {
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    static final int LAST_YEAR = TODAY.getYear() - 1;
    static String county;
    static String villageA;
    static String villageB;
    static String admin;
    static String clerkB;
    static Map<String, Set<String>> found;

    @BeforeEach
    void county() {
        if (county != null) {
            return;
        }
        county = Api.onboard("henan", "41");
        admin = Api.createUser("t_dq_admin_" + county, Roles.COUNTY_ADMIN, county, county);
        villageA = Api.addTownshipAndVillage(admin, county, "101")[1];
        villageB = Api.addTownshipAndVillage(admin, county, "102")[1];
        clerkB = Api.createUser("t_dq_clerkb_" + county, Roles.VILLAGE_CLERK, county, villageB);
        registerHouseholds();
        found = run();
    }

    static String base() {
        return "/api/counties/" + county;
    }

    static Map<String, Object> person(String name, String relation, int age, boolean male, String labour) {
        Map<String, Object> m = new HashMap<>();
        m.put("name", name);
        // Born a month past the birthday: exactly {@code age} today, whatever today is.
        m.put("idNumber", Ids.of(TODAY.minusYears(age).minusDays(30).format(DateTimeFormatter.BASIC_ISO_DATE), male));
        m.put("relation", relation);
        m.put("labour", labour);
        m.put("health", "健康");
        m.put("medicalInsured", true);
        return m;
    }

    static long household(String no, String village, String category, boolean noLabour, List<Map<String, Object>> members) {
        Map<String, Object> h = new HashMap<>(Map.of("householdNo", no, "villageCode", village, "category", category, "members", members));
        h.put("noLabourCapacity", noLabour);
        return as(admin).body(h).post(base() + "/households").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static void income(long id, int year, String wage) {
        as(admin).body(Map.of("year", year, "wage", wage)).put(base() + "/households/" + id + "/incomes").then().statusCode(200);
    }

    static void guarantee(long id, String housing) {
        as(admin).body(Map.of("educationOk", true, "medicalOk", true, "housingGrade", housing, "waterQuantityOk", true, "waterQualityOk", true,
                "waterConvenienceOk", true, "waterGuaranteeOk", true)).put(base() + "/households/" + id + "/guarantee").then().statusCode(200);
    }

    /** A tidy household, the negative case of every rule: a 10-year-old in primary school, insured, last year's income, 三保障 secured. */
    static long clean(String no) {
        long id = household(no, villageA, "一般农户", false, List.of(person("甲一", "户主", 40, true, "普通劳动力"),
                person("甲二", "配偶", 38, false, "普通劳动力"), withField(person("甲三", "子女", 10, true, "无劳动力"), "schooling", "小学")));
        income(id, LAST_YEAR, "90000");
        guarantee(id, "A");
        return id;
    }

    static Map<String, Object> withField(Map<String, Object> m, String key, Object value) {
        m.put(key, value);
        return m;
    }

    static void registerHouseholds() {
        clean("DQ-CLEAN");
        household("DQ-SCHOOL", villageA, "一般农户", false, List.of(person("乙一", "户主", 40, true, "普通劳动力"),
                withField(person("乙二", "子女", 10, false, "无劳动力"), "schooling", "非在校生")));
        household("DQ-STAGE", villageA, "一般农户", false, List.of(withField(person("丙一", "户主", 40, true, "普通劳动力"), "schooling", "小学")));
        household("DQ-CHILDWORK", villageA, "一般农户", false, List.of(person("丁一", "户主", 40, true, "普通劳动力"),
                withField(person("丁二", "子女", 12, true, "普通劳动力"), "schooling", "小学")));
        household("DQ-NOLABOUR", villageA, "一般农户", true, List.of(person("戊一", "户主", 40, true, "普通劳动力")));
        household("DQ-NOLABOUR-OK", villageA, "一般农户", true, List.of(person("戊二", "户主", 80, true, "丧失劳动力")));
        long headless = household("DQ-HEAD", villageA, "一般农户", false, List.of(person("己一", "户主", 40, true, "普通劳动力")));
        Sql.execute("UPDATE " + Sql.database(county) + ".member SET relation = 'SPOUSE' WHERE household_id = " + headless);
        household("DQ-INSURANCE", villageA, "一般农户", false, List.of(withField(person("庚一", "户主", 40, true, "普通劳动力"), "medicalInsured", false)));
        long grown = household("DQ-SIZE", villageA, "一般农户", false, List.of(person("辛一", "户主", 40, true, "普通劳动力")));
        income(grown, LAST_YEAR, "90000");
        as(admin).body(person("辛二", "配偶", 38, false, "普通劳动力")).post(base() + "/households/" + grown + "/members").then().statusCode(201);
        long poor = household("DQ-POOR", villageA, "一般农户", false, List.of(person("壬一", "户主", 40, true, "普通劳动力")));
        income(poor, 2023, "3000"); // Henan's 2023 threshold is 7500
        long poorMonitored = household("DQ-POOR-MON", villageA, "监测户", false, List.of(person("壬二", "户主", 40, true, "普通劳动力")));
        income(poorMonitored, 2023, "3000");
        long unsafe = household("DQ-HOUSING", villageB, "一般农户", false, List.of(person("癸一", "户主", 40, true, "普通劳动力")));
        guarantee(unsafe, "D");
        long unsafeMonitored = household("DQ-HOUSING-MON", villageB, "监测户", false, List.of(person("癸二", "户主", 40, true, "普通劳动力")));
        guarantee(unsafeMonitored, "D");
        long tampered = household("DQ-ID", villageA, "一般农户", false, List.of(person("子一", "户主", 40, true, "普通劳动力")));
        Sql.execute("UPDATE " + Sql.database(county) + ".member SET birth_date = '1999-09-09' WHERE household_id = " + tampered);
    }

    /** Runs the checks through the API and waits; returns rule → household numbers found (as the county admin sees them). */
    static Map<String, Set<String>> run() {
        long run = as(admin).post(base() + "/data-quality/runs").then().statusCode(202).extract().jsonPath().getLong("id");
        Awaitility.await("data-quality run " + run + " finished").atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> as(admin).get(base() + "/data-quality").then().statusCode(200).extract().jsonPath(),
                        s -> s.get("running") == null && s.get("latest") != null && s.getLong("latest.id") == run);
        String page = as(admin).accept("text/html").get("/data-quality").then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(page.contains("<span id=\"run-actor\" title=\"" + admin + "\">测试用户" + admin + "</span>发起"),
                "who started the run, by display name: " + page);
        List<Map<String, Object>> all = as(admin).get(base() + "/data-quality/findings?size=500").then().statusCode(200)
                .extract().jsonPath().getList("$");
        Map<String, Set<String>> byRule = new HashMap<>();
        all.forEach(f -> byRule.computeIfAbsent((String) f.get("rule"), k -> new java.util.TreeSet<>()).add((String) f.get("householdNo")));
        return byRule;
    }

    static void expect(DataQualityRule rule, String positive, String... negatives) {
        Set<String> households = found.getOrDefault(rule.name(), Set.of());
        assertTrue(households.contains(positive), rule + " should find " + positive + ": " + households);
        for (String n : negatives) {
            assertFalse(households.contains(n), rule + " should not find " + n + ": " + households);
        }
    }

    @Test
    void everyRuleFindsItsCaseAndLeavesTheCleanHouseholdAlone() {
        expect(DataQualityRule.ID_BIRTH_SEX, "DQ-ID", "DQ-CLEAN");
        expect(DataQualityRule.COMPULSORY_SCHOOLING, "DQ-SCHOOL", "DQ-CLEAN");
        expect(DataQualityRule.AGE_SCHOOLING, "DQ-STAGE", "DQ-CLEAN", "DQ-CHILDWORK");
        expect(DataQualityRule.LABOUR_AGE, "DQ-CHILDWORK", "DQ-CLEAN");
        expect(DataQualityRule.NO_LABOUR_FLAG, "DQ-NOLABOUR", "DQ-NOLABOUR-OK", "DQ-CLEAN");
        expect(DataQualityRule.HEAD_COUNT, "DQ-HEAD", "DQ-CLEAN");
        expect(DataQualityRule.NOT_MEDICALLY_INSURED, "DQ-INSURANCE", "DQ-CLEAN");
        expect(DataQualityRule.INCOME_INCONSISTENT, "DQ-SIZE", "DQ-CLEAN");
        expect(DataQualityRule.NO_RECENT_INCOME, "DQ-POOR", "DQ-CLEAN");
        expect(DataQualityRule.BELOW_THRESHOLD_UNMONITORED, "DQ-POOR", "DQ-POOR-MON", "DQ-CLEAN");
        expect(DataQualityRule.GUARANTEE_MISSING, "DQ-POOR", "DQ-CLEAN", "DQ-HOUSING");
        expect(DataQualityRule.GUARANTEE_UNMET_UNMONITORED, "DQ-HOUSING", "DQ-HOUSING-MON", "DQ-CLEAN");
        assertEquals(DataQualityRule.values().length, found.size(), "every rule found its case: " + found.keySet());
        assertFalse(found.values().stream().flatMap(Set::stream).anyMatch("DQ-CLEAN"::equals), "the clean household has no finding");
    }

    @Test
    void findingsExplainThemselvesWithoutIdNumbers() {
        List<Map<String, Object>> poor = as(admin).get(base() + "/data-quality/findings?rule=BELOW_THRESHOLD_UNMONITORED").then()
                .statusCode(200).extract().jsonPath().getList("$");
        assertEquals("2023年人均纯收入3000.00元，低于当年监测范围7500元，但不是监测户", poor.get(0).get("detail"));
        List<Map<String, Object>> id = as(admin).get(base() + "/data-quality/findings?rule=ID_BIRTH_SEX").then().statusCode(200)
                .extract().jsonPath().getList("$");
        assertEquals("子一：出生日期登记为1999-09-09，与身份证号不符", id.get(0).get("detail"));
        as(admin).get(base() + "/data-quality/findings?rule=NO_SUCH_RULE").then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
    }

    @Test
    void aClerkSeesTheFindingsOfTheOwnVillageOnly() {
        JsonPath summary = as(clerkB).get(base() + "/data-quality").then().statusCode(200).extract().jsonPath();
        Map<String, Integer> counts = new HashMap<>();
        List<Map<String, Object>> rules = summary.getList("rules");
        rules.forEach(r -> counts.put((String) r.get("code"), ((Number) r.get("count")).intValue()));
        assertEquals(1, counts.get("GUARANTEE_UNMET_UNMONITORED"));
        assertEquals(0, counts.get("HEAD_COUNT"));
        List<String> villages = as(clerkB).get(base() + "/data-quality/findings?size=500").then().statusCode(200).extract().jsonPath()
                .getList("villageCode");
        assertTrue(!villages.isEmpty() && villages.stream().allMatch(villageB::equals), villages.toString());
        // Running the checks is for county/township/village staff; reading needs a registry role.
        String dept = Api.createUser("t_dq_dept_" + county, Roles.DEPARTMENT, county, county);
        as(dept).get(base() + "/data-quality").then().statusCode(403);
        as(dept).post(base() + "/data-quality/runs").then().statusCode(403);
        as("lankao.admin").get(base() + "/data-quality").then().statusCode(403).body("code", equalTo("TENANT_MISMATCH"));
    }

    @Test
    void theExportListsTheFindings() throws Exception {
        byte[] xlsx = as(admin).get(base() + "/data-quality/findings.xlsx?rule=NOT_MEDICALLY_INSURED").then().statusCode(200).extract()
                .asByteArray();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<String> rows = new ArrayList<>();
            wb.getFirstSheet().read().forEach(r -> rows.add(r.getCellText(2) + "|" + r.getCellText(3) + "|" + r.getCellText(4)));
            assertTrue(rows.contains("DQ-INSURANCE|未参加基本医疗保险|庚一未登记参加基本医疗保险"), rows.toString());
            assertEquals(3, rows.size(), "title, header, one finding: " + rows);
        }
        assertEquals(Set.of(), found.keySet().stream().filter(k -> DataQualityRule.parse(k) == null).collect(Collectors.toSet()));
    }
}
