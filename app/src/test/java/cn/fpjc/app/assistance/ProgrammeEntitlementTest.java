package cn.fpjc.app.assistance;

import static cn.fpjc.app.support.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fpjc.app.registry.Ids;
import cn.fpjc.app.support.Api;
import cn.fpjc.core.platform.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The programme engine: who is entitled to 雨露计划 and the 跨省务工交通补助, each decision explained rule by rule with the
 * parameter, its value and its source; a value a province has not set is "undetermined", never guessed; 应享未享 by village.
 */
@QuarkusTest
class ProgrammeEntitlementTest {
    static String county;
    static String village;
    static String clerk;
    static String otherClerk;
    static String approver;
    static int households;

    @BeforeEach
    void heilongjiangCounty() {
        if (county != null) {
            return;
        }
        county = Api.onboard("heilongjiang", "23");
        String admin = Api.createUser("t_prg_admin_" + county, Roles.COUNTY_ADMIN, county, county);
        village = Api.addTownshipAndVillage(admin, county, "101")[1];
        String other = Api.addTownshipAndVillage(admin, county, "102")[1];
        clerk = Api.createUser("t_prg_clerk_" + county, Roles.VILLAGE_CLERK, county, village);
        otherClerk = Api.createUser("t_prg_clerk2_" + county, Roles.VILLAGE_CLERK, county, other);
        approver = Api.createUser("t_prg_appr_" + county, Roles.COUNTY_APPROVER, county, county);
    }

    static Map<String, Object> member(String name, String relation, String born, String schooling, String place, Integer months) {
        Map<String, Object> m = new HashMap<>(Map.of("name", name, "idNumber", Ids.of(born, true), "relation", relation,
                "labour", "普通劳动力", "health", "健康", "schooling", schooling, "employmentPlace", place));
        if (months != null) {
            m.put("employmentMonths", months);
        }
        return m;
    }

    /** Creates a household in {@code countyCode}'s village; returns member ids by name. */
    static Map<String, Long> household(String user, String countyCode, String villageCode, String category, List<Map<String, Object>> members) {
        households++;
        JsonPath h = as(user).body(Map.of("householdNo", "PE" + countyCode + households, "villageCode", villageCode, "category", category,
                "members", members)).post("/api/counties/" + countyCode + "/households").then().statusCode(201).extract().jsonPath();
        Map<String, Long> ids = new HashMap<>();
        ids.put("household", h.getLong("id"));
        for (Map<String, Object> m : h.<Map<String, Object>>getList("members")) {
            ids.put((String) m.get("name"), ((Number) m.get("id")).longValue());
        }
        return ids;
    }

    static JsonPath entitlements(String user, String countyCode, long household, int year) {
        return as(user).queryParam("year", year).get("/api/counties/" + countyCode + "/households/" + household + "/entitlements")
                .then().statusCode(200).extract().jsonPath();
    }

    static String decision(JsonPath e, long member, String programme) {
        return "members.find { it.memberId == " + member + " }.decisions.find { it.programmeId == '" + programme + "' }";
    }

    @Test
    void theProgrammeListShowsEachRulesParameterWithItsValueAndSource() {
        JsonPath list = as(clerk).queryParam("year", 2025).get("/api/counties/" + county + "/assistance-programmes").then().statusCode(200)
                .extract().jsonPath();
        assertEquals("雨露计划助学补助", list.getString("find { it.id == 'yulu' }.name"));
        assertEquals("3000", list.getString("find { it.id == 'yulu' }.parameters.find { it.key == 'assistance.yulu.per-student-year' }.value"));
        assertTrue(list.getString("find { it.id == 'yulu' }.parameters.find { it.key == 'assistance.yulu.per-student-year' }.source")
                .contains("每生每年3000元"));
        assertEquals("800", list.getString("find { it.id == 'transport-subsidy' }.parameters.find { it.key == "
                + "'assistance.transport-subsidy.cross-province' }.value"));
    }

    @Test
    void yuluIsForVocationalStudentsOfPoorOrMonitoredFamiliesAndHeilongjiangLeavesOutBachelors() {
        Map<String, Long> a = household(clerk, county, village, "脱贫户", List.of(member("赵父", "户主", "19720304", "非在校生", "未务工", null),
                member("赵中职", "子女", "20080101", "中职", "未务工", null), member("赵本科", "子女", "20040505", "本科", "未务工", null),
                member("赵高中", "子女", "20090909", "高中", "未务工", null)));
        JsonPath e = entitlements(clerk, county, a.get("household"), 2025);
        String vocational = decision(e, a.get("赵中职"), "yulu");
        assertEquals("ELIGIBLE", e.getString(vocational + ".status"));
        assertEquals(3000, e.getDouble(vocational + ".amount"), 0.001);
        assertTrue(e.getString(vocational + ".amountRule").contains("春季学期于7月15日前、秋季学期于12月15日前直补"), e.prettify());

        String bachelor = decision(e, a.get("赵本科"), "yulu");
        assertEquals("NOT_ELIGIBLE", e.getString(bachelor + ".status"));
        Map<String, Object> failed = e.getMap(bachelor + ".rules.find { it.outcome == 'FAILED' }");
        assertEquals("assistance.yulu.vocational-only", failed.get("parameterKey"));
        assertEquals("在校情况：本科", failed.get("fact"));
        assertTrue(((String) failed.get("source")).contains("雨露计划"), failed.toString());
        org.junit.jupiter.api.Assertions.assertNull(e.get(bachelor + ".amount"));

        assertEquals("NOT_ELIGIBLE", e.getString(decision(e, a.get("赵高中"), "yulu") + ".status"));

        // An ordinary family's 中职 student: the family rule fails, and says why.
        Map<String, Long> b = household(clerk, county, village, "一般农户", List.of(member("钱父", "户主", "19700101", "非在校生", "未务工", null),
                member("钱中职", "子女", "20080202", "中职", "未务工", null)));
        JsonPath eb = entitlements(clerk, county, b.get("household"), 2025);
        Map<String, Object> family = eb.getMap(decision(eb, b.get("钱中职"), "yulu") + ".rules.find { it.outcome == 'FAILED' }");
        assertEquals("脱贫户或防止返贫监测对象家庭", family.get("rule"));
        assertEquals("户类型：一般农户", family.get("fact"));
    }

    @Test
    void theTransportSubsidyNeedsTheProvincesMonthsAwayInAnotherProvince() {
        Map<String, Long> h = household(clerk, county, village, "脱贫户", List.of(member("孙二月", "户主", "19800101", "非在校生", "省外", 2),
                member("孙三月", "配偶", "19810202", "非在校生", "省外", 3), member("孙省内", "子女", "20000303", "非在校生", "省内县外", 12)));
        JsonPath e = entitlements(clerk, county, h.get("household"), 2025);
        String two = decision(e, h.get("孙二月"), "transport-subsidy");
        assertEquals("NOT_ELIGIBLE", e.getString(two + ".status"));
        Map<String, Object> months = e.getMap(two + ".rules.find { it.outcome == 'FAILED' }");
        assertEquals("assistance.transport-subsidy.min-months-employed", months.get("parameterKey"));
        assertEquals("务工时间：2 个月", months.get("fact"));
        assertTrue(((String) months.get("parameterValue")).startsWith("3"), months.toString());

        String three = decision(e, h.get("孙三月"), "transport-subsidy");
        assertEquals("ELIGIBLE", e.getString(three + ".status"));
        assertEquals(800, e.getDouble(three + ".amount"), 0.001);
        assertTrue(e.getString(three + ".amountRule").contains("据实补助"));
        assertEquals("NOT_ELIGIBLE", e.getString(decision(e, h.get("孙省内"), "transport-subsidy") + ".status"));
    }

    @Test
    void housingRenovationGoesToTheHeadOfAPoorHouseholdWhoseHouseIsGradedCOrD() {
        Map<String, Long> h = household(clerk, county, village, "脱贫户", List.of(member("陈父", "户主", "19600101", "非在校生", "未务工", null),
                member("陈子", "子女", "19900101", "非在校生", "未务工", null)));
        JsonPath ungraded = entitlements(clerk, county, h.get("household"), 2025);
        String head = decision(ungraded, h.get("陈父"), "housing-renovation");
        assertEquals("NOT_ELIGIBLE", ungraded.getString(head + ".status"));
        assertEquals("尚未登记房屋安全等级鉴定", ungraded.getString(head + ".rules.find { it.outcome == 'FAILED' }.fact"));
        as(clerk).body(Map.of("educationOk", true, "medicalOk", true, "housingGrade", "D", "housingCheckedOn", "2025-03-01",
                "waterQuantityOk", true, "waterQualityOk", true, "waterConvenienceOk", true, "waterGuaranteeOk", true))
                .put("/api/counties/" + county + "/households/" + h.get("household") + "/guarantee").then().statusCode(200);
        JsonPath graded = entitlements(clerk, county, h.get("household"), 2025);
        head = decision(graded, h.get("陈父"), "housing-renovation");
        assertEquals("ELIGIBLE", graded.getString(head + ".status"), graded.prettify());
        assertEquals(28000, graded.getDouble(head + ".amount"), 0.001);
        assertTrue(graded.getString(head + ".rules.find { it.parameterKey == 'assistance.housing.d-grade-subsidy' }.source").contains("D级28000元"));
        // A household programme: the other member is not the applicant.
        assertEquals("NOT_ELIGIBLE", graded.getString(decision(graded, h.get("陈子"), "housing-renovation") + ".status"));
    }

    @Test
    void aValueTheProvinceHasNotSetMakesTheDecisionUndeterminedNotGuessed() {
        // Hunan sets neither the 雨露计划 amount nor the transport subsidy: undetermined, naming the parameter.
        String hunan = Api.onboard("hunan", "43");
        String admin = Api.createUser("t_prg_hadmin_" + hunan, Roles.COUNTY_ADMIN, hunan, hunan);
        String v = Api.addTownshipAndVillage(admin, hunan, "101")[1];
        String hClerk = Api.createUser("t_prg_hclerk_" + hunan, Roles.VILLAGE_CLERK, hunan, v);
        Map<String, Long> h = household(hClerk, hunan, v, "脱贫户", List.of(member("李父", "户主", "19750101", "非在校生", "省外", 6),
                member("李中职", "子女", "20080303", "中职", "未务工", null)));
        JsonPath e = entitlements(hClerk, hunan, h.get("household"), 2025);
        String yulu = decision(e, h.get("李中职"), "yulu");
        assertEquals("UNDETERMINED", e.getString(yulu + ".status"));
        assertEquals("assistance.yulu.per-student-year", e.getString(yulu + ".rules.find { it.outcome == 'NOT_SET' }.parameterKey"));
        assertEquals("UNDETERMINED", e.getString(decision(e, h.get("李父"), "transport-subsidy") + ".status"));
        // And the programme list says 未设定 rather than a number.
        as(hClerk).queryParam("year", 2025).get("/api/counties/" + hunan + "/assistance-programmes").then().statusCode(200)
                .body("find { it.id == 'yulu' }.parameters.find { it.key == 'assistance.yulu.per-student-year' }.value", equalTo("未设定"));
    }

    @Test
    void unclaimedListsEntitledMembersByVillageInTheReadersScopeAndExportsThemMasked() throws Exception {
        String admin = "t_prg_admin_" + county;
        String v3 = Api.addTownshipAndVillage(admin, county, "103")[1];
        String clerk3 = Api.createUser("t_prg_clerk3_" + county, Roles.VILLAGE_CLERK, county, v3);
        household(clerk3, county, v3, "脱贫户", List.of(member("周父", "户主", "19710101", "非在校生", "未务工", null),
                member("周中职", "子女", "20070707", "中职", "未务工", null), member("周高职", "子女", "20050505", "高职", "未务工", null)));
        household(clerk3, county, v3, "一般农户", List.of(member("吴中职", "户主", "20060606", "中职", "未务工", null)));

        String url = "/api/counties/" + county + "/assistance-programmes/yulu/unclaimed";
        JsonPath mine = as(clerk3).queryParam("year", 2025).get(url).then().statusCode(200).extract().jsonPath();
        assertEquals(2, mine.getInt("total"));
        assertEquals(List.of("周中职", "周高职"), mine.getList("items.name"));
        assertTrue(mine.getString("items[0].idMasked").contains("*"));
        assertEquals(2, mine.getInt("byVillage.find { it.villageCode == '" + v3 + "' }.count"));
        // The county sees its whole list, the other village's clerk none of this village's.
        JsonPath all = as(approver).queryParam("year", 2025).queryParam("village", v3).get(url).then().statusCode(200).extract().jsonPath();
        assertEquals(2, all.getInt("total"));
        as(otherClerk).queryParam("year", 2025).queryParam("village", v3).get(url).then().statusCode(200).body("total", equalTo(0));
        // Paging: a second page of size 1.
        as(clerk3).queryParam("year", 2025).queryParam("size", 1).queryParam("page", 1).get(url).then().statusCode(200)
                .body("items.name", equalTo(List.of("周高职"))).body("total", equalTo(2));

        byte[] xlsx = as(approver).queryParam("year", 2025).queryParam("village", v3).get(url + ".xlsx").then().statusCode(200)
                .extract().asByteArray();
        List<List<String>> rows = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            wb.getFirstSheet().openStream().forEach((Row r) -> rows.add(r.stream().map(c -> c == null ? "" : c.getText()).toList()));
        }
        assertTrue(rows.get(0).get(0).contains("雨露计划助学补助应享未享名单（共 2 人）"), rows.get(0).toString());
        assertEquals("周中职", rows.get(2).get(2));
        assertTrue(rows.get(2).get(3).contains("*"), rows.get(2).toString());
        assertFalse(rows.stream().flatMap(List::stream).anyMatch(c -> c.matches("\\d{17}[\\dX]")), "no unmasked ID number");
    }

    @Test
    void badRequestsAreRefusedWithStableCodes() {
        as(clerk).queryParam("year", 2019).get("/api/counties/" + county + "/assistance-programmes").then().statusCode(400)
                .body("code", equalTo("PROGRAMME_YEAR_INVALID"));
        as(clerk).get("/api/counties/" + county + "/assistance-programmes/no-such/unclaimed").then().statusCode(404)
                .body("code", equalTo("PROGRAMME_UNKNOWN"));
        Map<String, Long> h = household(clerk, county, village, "脱贫户", List.of(member("郑父", "户主", "19690101", "非在校生", "未务工", null)));
        as(otherClerk).get("/api/counties/" + county + "/households/" + h.get("household") + "/entitlements").then().statusCode(404);
        as(clerk).queryParam("year", "abc").get("/api/counties/" + county + "/assistance-programmes").then().statusCode(400)
                .body("code", containsString("VALIDATION"));
    }
}
