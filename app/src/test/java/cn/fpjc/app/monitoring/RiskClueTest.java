package cn.fpjc.app.monitoring;

import static cn.fpjc.app.support.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fpjc.app.registry.Ids;
import cn.fpjc.app.support.Api;
import cn.fpjc.app.support.Sql;
import cn.fpjc.core.platform.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Risk clues from the three channels: staff record them in their scope with a 入户核实 due date on the holiday calendar,
 * a clue for a 监测户 attaches to it, departments' batches are matched by ID number with every unmatched row explained,
 * each clue is closed with its verification, and the public form is rate-limited and tells nothing about anyone.
 */
@QuarkusTest
class RiskClueTest {
    static String county;
    static String village;
    static String otherVillage;
    static String admin;
    static String clerk;
    static String otherClerk;
    static String official;
    static String department;
    static String monitoredId;
    static long monitoredHousehold;
    static String ordinaryId;

    @BeforeEach
    void data() {
        if (county != null) {
            return;
        }
        county = Api.onboard("gansu", "62");
        admin = Api.createUser("t_clue_admin_" + county, Roles.COUNTY_ADMIN, county, county);
        village = Api.addTownshipAndVillage(admin, county, "101")[1];
        otherVillage = Api.addTownshipAndVillage(admin, county, "102")[1];
        clerk = Api.createUser("t_clue_clerk_" + county, Roles.VILLAGE_CLERK, county, village);
        otherClerk = Api.createUser("t_clue_clerk2_" + county, Roles.VILLAGE_CLERK, county, otherVillage);
        official = Api.createUser("t_clue_official_" + county, Roles.RESPONSIBLE_OFFICIAL, county, village);
        department = Api.createUser("t_clue_dept_" + county, Roles.DEPARTMENT, county, county);
        monitoredId = Ids.of("19640303", true);
        ordinaryId = Ids.of("19710404", false);
        monitoredHousehold = household("CL" + county + "01", "监测户", "张守业", monitoredId);
        household("CL" + county + "02", "一般农户", "李春梅", ordinaryId);
    }

    static long household(String no, String category, String name, String id) {
        Map<String, Object> head = Map.of("name", name, "idNumber", id, "relation", "户主", "labour", "普通劳动力", "health", "健康");
        return as(admin).body(Map.of("householdNo", no, "villageCode", village, "category", category, "members", List.of(head)))
                .post("/api/counties/" + county + "/households").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static Map<String, Object> clue(String id, String reportedOn) {
        Map<String, Object> c = new HashMap<>(Map.of("channel", "农户自主申报", "sourceDetail", "村委会", "villageCode", village, "name", "王二虎",
                "idNumber", id, "phone", "13812345678", "description", "妻子住院，自付医疗费用较高", "riskCategories", List.of("因病")));
        c.put("reportedOn", reportedOn);
        return c;
    }

    @Test
    void aClueRecordedBeforeNationalDayIsDueOnTheFirstWorkingDayAfterTheHoliday() {
        String id = Ids.of("19800101", true);
        JsonPath c = as(clerk).body(clue(id, "2024-09-26")).post("/api/counties/" + county + "/clues").then().statusCode(201)
                .body("status", equalTo("OPEN")).body("statusLabel", equalTo("待核实")).body("householdId", nullValue())
                .body("verifyDue", equalTo("2024-10-08")).body("verifyRule", containsString("顺延"))
                .body("idMasked", equalTo(id.substring(0, 6) + "********" + id.substring(14))).body("phoneMasked", equalTo("138****5678"))
                .body("riskCategories", hasItem("因病")).body("dueState", equalTo("已逾期")).extract().jsonPath();
        assertTrue(c.getString("trackingNo").startsWith(county + "-"));
        String audit = String.join("\n", Sql.column("SELECT after_json FROM " + Sql.database(county)
                + ".audit_log WHERE entity_type = 'risk_clue'"));
        assertFalse(audit.contains(id), "the audit log keeps the masked number only");
        assertFalse(audit.contains("13812345678"));
        as(clerk).queryParam("overdue", true).get("/api/counties/" + county + "/clues").then().statusCode(200)
                .body("trackingNo", hasItem(c.getString("trackingNo")));
    }

    @Test
    void aClueForAHouseholdAlreadyUnderMonitoringIsAttachedToIt() {
        as(clerk).body(clue(monitoredId, null)).post("/api/counties/" + county + "/clues").then().statusCode(201)
                .body("status", equalTo("ATTACHED")).body("householdId", equalTo((int) monitoredHousehold)).body("verifyDue", nullValue());
    }

    @Test
    void verificationClosesTheClueOnceWithItsFinding() {
        JsonPath c = as(clerk).body(clue(Ids.of("19820202", false), null)).post("/api/counties/" + county + "/clues").then()
                .statusCode(201).extract().jsonPath();
        String url = "/api/counties/" + county + "/clues/" + c.getLong("id");
        as(clerk).body(Map.of("result", "核实无风险", "note", "", "version", 0)).post(url + "/verification").then().statusCode(400)
                .body("fields.field", hasItem("note"));
        as(clerk).body(Map.of("result", "待核实", "note", "入户看过", "version", 0)).post(url + "/verification").then().statusCode(400)
                .body("fields.field", hasItem("result"));
        as(official).body(Map.of("result", "核实无风险", "note", "入户核实，收入稳定")).post(url + "/verification").then().statusCode(403);
        as(clerk).body(Map.of("result", "核实无风险", "note", "入户核实，收入稳定")).post(url + "/verification").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED")).body("fields.field", equalTo(List.of("version")));
        as(clerk).body(Map.of("result", "核实无风险", "note", "入户核实，医疗费已报销，收入稳定", "version", 5)).post(url + "/verification")
                .then().statusCode(409).body("code", equalTo("CONCURRENT_UPDATE"));
        as(clerk).body(Map.of("result", "核实无风险", "note", "入户核实，医疗费已报销，收入稳定", "version", 0)).post(url + "/verification").then()
                .statusCode(200).body("status", equalTo("NO_RISK")).body("dueState", equalTo("已办结")).body("verifiedBy", containsString("t_clue_clerk_"));
        as(clerk).body(Map.of("result", "核实有风险，待启动识别程序", "note", "再次核实")).post(url + "/verification").then().statusCode(409)
                .body("code", equalTo("CLUE_CLOSED"));
    }

    @Test
    void cluesFollowTheOrgScopeAndTheRoles() {
        long id = as(clerk).body(clue(Ids.of("19830303", true), null)).post("/api/counties/" + county + "/clues").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        as(otherClerk).get("/api/counties/" + county + "/clues/" + id).then().statusCode(404);
        as(otherClerk).get("/api/counties/" + county + "/clues").then().statusCode(200).body("id", not(hasItem((int) id)));
        as(otherClerk).body(Map.of("result", "核实无风险", "note", "越权核实")).post("/api/counties/" + county + "/clues/" + id + "/verification")
                .then().statusCode(404);
        as(otherClerk).body(clue(Ids.of("19840404", true), null)).post("/api/counties/" + county + "/clues").then().statusCode(400)
                .body("fields.field", hasItem("villageCode"));
        as(official).get("/api/counties/" + county + "/clues/" + id).then().statusCode(200);
        as(official).body(clue(Ids.of("19850505", true), null)).post("/api/counties/" + county + "/clues").then().statusCode(403);
        String otherCounty = Api.onboard("gansu", "62");
        String stranger = Api.createUser("t_clue_stranger_" + otherCounty, Roles.COUNTY_ADMIN, otherCounty, otherCounty);
        as(stranger).get("/api/counties/" + county + "/clues/" + id).then().statusCode(403);
        as(department).get("/api/counties/" + county + "/clues/" + id).then().statusCode(404); // not an alert of a department
    }

    @Test
    void departmentAlertsAreMatchedByIdNumberAndEveryOtherRowIsAnsweredWithWhy() {
        String unknown = Ids.of("19900909", true);
        String bad = ordinaryId.substring(0, 17) + (ordinaryId.charAt(17) == '0' ? '1' : '0');
        List<Map<String, String>> rows = List.of(
                Map.of("idNumber", ordinaryId, "name", "李春梅", "riskCategory", "因病", "description", "医疗自付超过上年人均可支配收入50%"),
                Map.of("idNumber", ordinaryId, "name", "李春梅", "riskCategory", "因病"),
                Map.of("idNumber", unknown, "name", "外县人"),
                Map.of("idNumber", bad, "name", "错号"),
                Map.of("idNumber", monitoredId, "name", "张守业", "riskCategory", "因学"));
        JsonPath intake = as(department).body(Map.of("department", "县医疗保障局", "reportedOn", "2024-01-02", "rows", rows))
                .post("/api/counties/" + county + "/clue-alerts").then().statusCode(200)
                .body("received", equalTo(5)).body("matched", equalTo(2)).body("attached", equalTo(1))
                .body("unmatched.row", equalTo(List.of(2, 3, 4)))
                .body("unmatched[0].reason", containsString("同一人")).body("unmatched[1].reason", containsString("不在本县农户信息中"))
                .body("unmatched[2].reason", containsString("校验码")).extract().jsonPath();
        assertFalse(intake.prettify().contains(unknown), "unmatched rows come back masked");
        long alert = intake.getLong("clues.find { it.status == 'OPEN' }.id");
        String url = "/api/counties/" + county + "/clues/" + alert;
        // 2 Jan 2024 + 5 days = Sun 7 Jan: the first working day after it.
        as(department).get(url).then().statusCode(200).body("channel", equalTo("DEPARTMENT_ALERT")).body("verifyDue", equalTo("2024-01-08"))
                .body("sourceDetail", equalTo("县医疗保障局"));
        as(department).body(Map.of("result", "核实无风险", "note", "部门不能自己核实")).post(url + "/verification").then().statusCode(403);
        as(clerk).body(Map.of("result", "核实有风险，待启动识别程序", "note", "入户核实：自付医疗费用高，收入骤减", "version", 0)).post(url + "/verification")
                .then().statusCode(200).body("status", equalTo("RISK_CONFIRMED"));
        // The closed loop: the department sees how its alert was handled.
        as(department).queryParam("channel", "部门筛查预警").get("/api/counties/" + county + "/clues").then().statusCode(200)
                .body("find { it.id == " + alert + " }.verificationNote", containsString("收入骤减"));
        as(clerk).body(Map.of("department", "县医保局", "rows", rows)).post("/api/counties/" + county + "/clue-alerts").then().statusCode(403);
        as(department).body(Map.of("department", "县医保局", "rows", List.of())).post("/api/counties/" + county + "/clue-alerts").then()
                .statusCode(400);
    }

    @Test
    void thePublicReportsWithoutAnAccountIsRateLimitedAndLearnsNothingAboutAnyone() {
        String fresh = Api.onboard("gansu", "62");
        String freshAdmin = Api.createUser("t_clue_padmin_" + fresh, Roles.COUNTY_ADMIN, fresh, fresh);
        String freshVillage = Api.addTownshipAndVillage(freshAdmin, fresh, "101")[1];
        String base = "/api/public/counties/" + fresh + "/self-reports";
        Map<String, Object> report = Map.of("name", "赵大山", "idNumber", Ids.of("19750505", true), "phone", "139 0000 1111",
                "villageCode", freshVillage, "description", "家中房屋被暴雨冲垮");
        String tracking = Api.anonymous().body(report).post(base).then().statusCode(201).body("trackingNo", containsString(fresh + "-"))
                .body("message", containsString("查询编号")).extract().jsonPath().getString("trackingNo");
        String status = Api.anonymous().get(base + "/" + tracking).then().statusCode(200).body("statusLabel", equalTo("待核实"))
                .extract().asString();
        assertFalse(status.contains("赵大山"));
        assertFalse(status.contains("1975"));
        Api.anonymous().get(base + "/" + fresh + "-ZZZZZZZZ").then().statusCode(404);
        Api.anonymous().body(Map.of("name", "赵大山", "idNumber", "123", "villageCode", "620000000000", "description", "短"))
                .post(base).then().statusCode(400).body("fields.field", hasItem("idNumber")).body("fields.field", hasItem("villageCode"))
                .body("fields.field", hasItem("phone"));
        for (int i = 0; i < 3; i++) {
            Api.anonymous().body(report).post(base).then().statusCode(201);
        }
        Api.anonymous().body(report).post(base).then().statusCode(429).body("code", equalTo("SELF_REPORT_RATE_LIMITED"));
        Api.anonymous().body(report).post("/api/public/counties/629999/self-reports").then().statusCode(404);
        as(freshAdmin).queryParam("channel", "农户自主申报").get("/api/counties/" + fresh + "/clues").then().statusCode(200)
                .header("X-Total-Count", "4").body("[0].sourceDetail", equalTo("网上自主申报")).body("[0].phoneMasked", equalTo("139****1111"));
        assertEquals(List.of("public"), Sql.column("SELECT DISTINCT actor FROM " + Sql.database(fresh)
                + ".audit_log WHERE entity_type = 'risk_clue'"));
    }

    /**
     * Issue 19: the public answer was ATTACHED with no 核实 date ("已并入在监测户") for a 监测户 member's ID number, and the
     * invented name was filed on a clue of that household. Now the answer is the same for every ID number; staff see the match.
     */
    @Test
    void thePublicAnswerIsTheSameWhateverTheRegistryHoldsAndStaffSeeTheMatch() {
        String base = "/api/public/counties/" + county + "/self-reports";
        Map<String, String> answers = new java.util.LinkedHashMap<>();
        Map<String, String> statuses = new java.util.LinkedHashMap<>();
        Map<String, String> tracking = new HashMap<>();
        Map<String, String[]> reports = new java.util.LinkedHashMap<>();
        reports.put("monitored", new String[] { "张守业", monitoredId });
        reports.put("monitored, invented name", new String[] { "冒名者", monitoredId });
        reports.put("ordinary", new String[] { "李春梅", ordinaryId });
        reports.put("unknown", new String[] { "路人甲", Ids.of("19910101", true) });
        reports.forEach((kind, r) -> {
            String body = Api.anonymous().body(Map.of("name", r[0], "idNumber", r[1], "phone", "13900001111", "villageCode", village,
                    "description", "家里有困难需要帮助")).post(base).then().statusCode(201).extract().asString();
            String no = io.restassured.path.json.JsonPath.from(body).getString("trackingNo");
            tracking.put(kind, no);
            answers.put(kind, body.replace(no, "#"));
            statuses.put(kind, Api.anonymous().get(base + "/" + no).then().statusCode(200).extract().asString().replace(no, "#"));
        });
        assertEquals(1, new HashSet<>(answers.values()).size(), answers.toString());
        assertEquals(1, new HashSet<>(statuses.values()).size(), statuses.toString());
        JsonPath answer = JsonPath.from(answers.get("monitored"));
        assertEquals("待核实", answer.getString("statusLabel"));
        assertTrue(answer.getString("verifyDue") != null && answer.getString("reportedOn") != null, answers.get("monitored"));
        assertFalse(answers.get("monitored").contains("监测"), answers.get("monitored"));

        // Inside, for staff: linked only when the registered name matches; the invented name stays off the household.
        Map<Object, Map<String, Object>> staff = new HashMap<>();
        as(admin).queryParam("channel", "农户自主申报").queryParam("size", 200).get("/api/counties/" + county + "/clues").then().statusCode(200)
                .extract().jsonPath().<Map<String, Object>>getList("$").forEach(c -> staff.put(c.get("trackingNo"), c));
        Map<String, Object> monitored = staff.get(tracking.get("monitored"));
        assertEquals("OPEN", monitored.get("status"));
        assertEquals((int) monitoredHousehold, monitored.get("householdId"));
        assertEquals("MATCHED_MONITORED", monitored.get("registryMatch"));
        Map<String, Object> invented = staff.get(tracking.get("monitored, invented name"));
        assertEquals(null, invented.get("householdId"), invented.toString());
        assertEquals("NAME_MISMATCH", invented.get("registryMatch"));
        assertEquals("身份证号已登记，但姓名与登记不符，请核实", invented.get("registryMatchLabel"));
        assertEquals("MATCHED", staff.get(tracking.get("ordinary")).get("registryMatch"));
        assertEquals("NOT_REGISTERED", staff.get(tracking.get("unknown")).get("registryMatch"));
        assertEquals("0", Sql.column("SELECT COUNT(*) FROM " + Sql.database(county) + ".risk_clue WHERE person_name = '冒名者'"
                + " AND household_id IS NOT NULL").get(0));
        String page = as(admin).get("/clues/" + invented.get("id")).then().statusCode(200).extract().asString();
        assertTrue(page.contains("身份证号已登记，但姓名与登记不符，请核实"), page);
    }

    @Test
    void thePagesListCluesWithDeadlineBadgesRecordAndCloseThem() {
        var form = as(clerk).contentType("application/x-www-form-urlencoded; charset=UTF-8").redirects().follow(false);
        String id = Ids.of("19860606", true);
        form.formParam("channel", "基层干部排查").formParam("sourceDetail", "集中排查").formParam("villageCode", village)
                .formParam("name", "孙有田").formParam("idNumber", id.substring(0, 17) + (id.charAt(17) == '0' ? '1' : '0'))
                .formParam("description", "冰雹毁了大棚").post("/clues").then().statusCode(400).body(containsString("data-field=\"idNumber\""))
                .body(containsString("data-field=\"screeningKind\""))
                .body(containsString("冰雹毁了大棚"));
        String location = as(clerk).contentType("application/x-www-form-urlencoded; charset=UTF-8").redirects().follow(false)
                .formParam("channel", "基层干部排查").formParam("screeningKind", "集中排查").formParam("campaign", "冬季集中排查")
                .formParam("villageCode", village).formParam("name", "孙有田").formParam("idNumber", id).formParam("riskCategories", "因自然灾害")
                .formParam("description", "冰雹毁了大棚").post("/clues").then().statusCode(303).extract().header("Location");
        String page = as(clerk).get(location).then().statusCode(200).body(containsString("入户核实期限")).body(containsString("因自然灾害"))
                .body(containsString("verify-form")).extract().asString();
        assertFalse(page.contains(id));
        as(clerk).get("/clues").then().statusCode(200).body(containsString("孙有田")).body(containsString("风险线索"));
        as(clerk).contentType("application/x-www-form-urlencoded; charset=UTF-8").redirects().follow(false)
                .formParam("result", "核实有风险，待启动识别程序").formParam("note", "入户核实：大棚全毁，无其他收入").formParam("version", "0")
                .post(location + "/verification").then().statusCode(303);
        as(clerk).get(location).then().statusCode(200).body(containsString("大棚全毁")).body(not(containsString("verify-form")));
        as(otherClerk).get(location).then().statusCode(404);
        // An old, overdue clue carries the red badge in the list.
        as(clerk).body(clue(Ids.of("19870707", false), "2024-03-01")).post("/api/counties/" + county + "/clues").then().statusCode(201);
        as(clerk).queryParam("overdue", true).get("/clues").then().statusCode(200).body(containsString("badge FAILED\">已逾期"));
    }

    @Test
    void cadreScreeningNamesItsKindAndTheYearsCampaignsAreCountedAgainstTheMinimum() {
        String url = "/api/counties/" + county + "/clues";
        Map<String, Object> body = new java.util.HashMap<>(Map.of("channel", "基层干部排查", "villageCode", village, "name", "钱小满",
                "idNumber", Ids.of("19770303", true), "description", "集中排查发现：家中两人患病"));
        as(clerk).body(body).post(url).then().statusCode(400).body("fields.field", hasItem("screeningKind"));
        body.put("screeningKind", "集中排查");
        as(clerk).body(body).post(url).then().statusCode(400).body("fields.field", hasItem("campaign"));
        body.put("campaign", "第一次集中排查");
        as(clerk).body(body).post(url).then().statusCode(201).body("screeningKindLabel", equalTo("集中排查")).body("campaign", equalTo("第一次集中排查"));
        int year = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear();
        // The national minimum is two campaigns a year.
        JsonPath campaigns = as(clerk).get("/api/counties/" + county + "/screening-campaigns").then().statusCode(200).body("year", equalTo(year))
                .body("required", equalTo(2)).body("campaigns.name", hasItem("第一次集中排查")).extract().jsonPath();
        // (The page test of this class may have run its own campaign this year.)
        assertEquals(campaigns.getList("campaigns").size() >= 2, campaigns.getBoolean("met"), campaigns.prettify());
        as(clerk).queryParam("year", 2022).get("/api/counties/" + county + "/screening-campaigns").then().statusCode(200)
                .body("campaigns.size()", equalTo(0)).body("met", equalTo(false));
    }

    @Test
    void aDepartmentPushesItsOwnFileAndEveryUnmatchedRowIsAnsweredWithItsRowNumber() {
        String person = Ids.of("19650505", false);
        as(clerk).body(Map.of("householdNo", "DF" + county, "villageCode", village, "category", "一般农户", "members", List.of(Map.of("name",
                "吴桂英", "idNumber", person, "relation", "户主", "labour", "弱劳动力或半劳动力", "health", "大病", "illness", "乳腺癌"))))
                .post("/api/counties/" + county + "/households").then().statusCode(201);
        String csv = "姓名,身份证号,风险类别,情况说明\n吴桂英," + person + ",因病,医疗自付超过上年人均可支配收入50%\n无名氏,110101190001011234,因病,号码错误\n";
        String dept = Api.createUser("t_clue_dept_file_" + county, Roles.DEPARTMENT, county, county);
        var result = io.restassured.RestAssured.given().auth().oauth2(Api.token(dept))
                .multiPart(new io.restassured.builder.MultiPartSpecBuilder("县医保局").controlName("department").charset("UTF-8").build())
                .multiPart("reportedOn", "2024-09-28").multiPart("file", "alerts.csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/csv")
                .post("/api/counties/" + county + "/clue-alerts").then().statusCode(200).extract().jsonPath();
        assertEquals(1, result.getList("clues").size(), result.prettify());
        assertEquals(3, result.getInt("unmatched[0].row"), result.prettify());
        io.restassured.RestAssured.given().auth().oauth2(Api.token(dept)).multiPart("department", "x")
                .multiPart("file", "alerts.csv", "姓名,电话\n张三,123\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/csv")
                .post("/api/counties/" + county + "/clue-alerts").then().statusCode(400).body("fields.field", hasItem("file"));
        io.restassured.RestAssured.given().auth().oauth2(Api.token(dept)).multiPart("department", "x")
                .multiPart("file", "alerts.doc", new byte[] {1, 2}, "application/msword")
                .post("/api/counties/" + county + "/clue-alerts").then().statusCode(400).body("code", equalTo("IMPORT_FILE_TYPE"));
    }
}
