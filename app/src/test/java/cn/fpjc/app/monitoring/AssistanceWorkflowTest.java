package cn.fpjc.app.monitoring;

import static cn.fpjc.app.support.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fpjc.app.registry.Ids;
import cn.fpjc.app.support.Api;
import cn.fpjc.app.support.Cases;
import cn.fpjc.core.platform.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * After identification (Jiangxi: national procedures): the 一户一策 plan and its rules, the elimination assessment
 * condition by condition, the elimination procedure and the lock its marking puts on the plan and the incomes,
 * 回退 and 再标注, the 兜底保障户 road for a household without labour, and follow-up visits.
 */
@QuarkusTest
class AssistanceWorkflowTest {
    static final int YEAR = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    static String county;
    static String village;
    static String clerk;
    static String reviewer;
    static String approver;
    static String official;
    static String outsider;
    static String dept;
    static int households;
    static final Map<Long, String> HEAD_IDS = new HashMap<>();

    @BeforeEach
    void data() {
        if (county != null) {
            return;
        }
        county = Api.onboard("jiangxi", "36");
        String admin = Api.createUser("t_asst_admin_" + county, Roles.COUNTY_ADMIN, county, county);
        String[] tv = Api.addTownshipAndVillage(admin, county, "101");
        village = tv[1];
        String otherVillage = Api.addTownshipAndVillage(admin, county, "102")[1];
        clerk = Api.createUser("t_asst_clerk_" + county, Roles.VILLAGE_CLERK, county, village);
        reviewer = Api.createUser("t_asst_rev_" + county, Roles.TOWNSHIP_REVIEWER, county, tv[0]);
        approver = Api.createUser("t_asst_appr_" + county, Roles.COUNTY_APPROVER, county, county);
        official = Api.createUser("t_asst_off_" + county, Roles.RESPONSIBLE_OFFICIAL, county, village);
        dept = Api.createUser("t_asst_dept_" + county, Roles.DEPARTMENT, county, county);
        outsider = Api.createUser("t_asst_clerk2_" + county, Roles.VILLAGE_CLERK, county, otherVillage);
        // Jiangxi's thresholds for last year and this year (a province sets them each year; no other test reads these).
        for (int year : List.of(YEAR - 1, YEAR)) {
            Api.setYearlyValue("jiangxi-admin", "jiangxi", "monitoring.threshold", year, "7000", "测试：江西省" + year + "年监测范围");
        }
    }

    static String base() {
        return "/api/counties/" + county;
    }

    /** A household: a worker (head) and, when asked, a member without labour capacity. Returns {household, head, member}. */
    static long[] household(boolean headWorks, boolean withDependant) {
        households++;
        List<Map<String, Object>> members = new java.util.ArrayList<>();
        String headId = Ids.of(String.format("1970%02d%02d", households % 12 + 1, households % 27 + 1), true);
        members.add(Map.of("name", "王建" + "甲乙丙丁戊己庚辛壬癸".charAt(households % 10), "idNumber", headId, "relation", "户主", "labour", headWorks ? "普通劳动力" : "丧失劳动力", "health", "健康"));
        if (withDependant) {
            members.add(Map.of("name", "王母" + "甲乙丙丁戊己庚辛壬癸".charAt(households % 10), "idNumber", Ids.of(String.format("1945%02d%02d", households % 12 + 1,
                    households % 27 + 1), false), "relation", "其他", "labour", "无劳动力", "health", "长期慢性病", "illness", "高血压"));
        }
        JsonPath h = as(clerk).body(Map.of("householdNo", "AW" + county + households, "villageCode", village, "category", "一般农户",
                "members", members)).post(base() + "/households").then().statusCode(201).extract().jsonPath();
        long head = h.getLong("members.find { it.relation == 'HEAD' }.id");
        long dependant = withDependant ? h.getLong("members.find { it.relation != 'HEAD' }.id") : -1;
        HEAD_IDS.put(h.getLong("id"), headId);
        return new long[] {h.getLong("id"), head, dependant};
    }

    static long openCase(long household, boolean greenChannel) {
        return as(clerk).body(Map.of("householdId", household, "monitoringType", "突发严重困难户", "riskCategories", List.of("因病", "因意外事故"),
                "greenChannel", greenChannel, "startedOn", "2024-09-20")).post(base() + "/cases").then().statusCode(201).extract().jsonPath()
                .getLong("id");
    }

    static JsonPath complete(String who, long id, String step, String on) {
        return Cases.complete(county, clerk, who, id, step, on);
    }

    /** Identification through all seven steps in autumn 2024 (approved 16 Oct). */
    static long identified(long household) {
        long id = openCase(household, false);
        complete(clerk, id, "verify", "2024-09-23");
        complete(clerk, id, "authorize", "2024-09-24");
        complete(clerk, id, "review", "2024-10-09");
        complete(clerk, id, "notice", "2024-10-14");
        complete(reviewer, id, "township", "2024-10-15");
        complete(approver, id, "county", "2024-10-16");
        complete(clerk, id, "entry", "2024-10-20");
        return id;
    }

    static Map<String, Object> measure(String type, Long member, List<String> risks, String start, String end) {
        Map<String, Object> m = new HashMap<>(Map.of("type", type, "risks", risks, "startOn", start));
        if (member != null) {
            m.put("memberId", member);
        }
        if (end != null) {
            m.put("endOn", end);
        }
        return m;
    }

    static Map<String, Object> plan(boolean willing, List<Map<String, Object>> measures) {
        return new HashMap<>(Map.of("responsibleOfficial", "李帮扶", "responsiblePhone", "0797-2345678", "labourWilling", willing,
                "measures", measures));
    }

    static void secure(long household) {
        as(clerk).body(Map.of("educationOk", true, "medicalOk", true, "housingGrade", "A", "waterQuantityOk", true, "waterQualityOk", true,
                "waterConvenienceOk", true, "waterGuaranteeOk", true, "assessedOn", TODAY.toString()))
                .put(base() + "/households/" + household + "/guarantee").then().statusCode(200);
    }

    static void income(long household, int year, String wage, String from, String to) {
        Map<String, Object> in = new HashMap<>(Map.of("year", year, "wage", wage, "productionNet", "0", "property", "0", "transfer", "0",
                "expenses", "0"));
        if (from != null) {
            in.put("periodFrom", from);
            in.put("periodTo", to);
        }
        // A year already recorded is edited with the version read.
        Object version = as(clerk).get(base() + "/households/" + household).then().extract().path("incomes.find { it.year == " + year + " }.version");
        if (version != null) {
            in.put("version", version);
        }
        as(clerk).body(in).put(base() + "/households/" + household + "/incomes").then().statusCode(200);
    }

    static Map<String, Boolean> conditions(long id, Map<String, Object> body) {
        JsonPath a = as(clerk).body(body).post(base() + "/cases/" + id + "/elimination-assessment").then().statusCode(200).extract().jsonPath();
        Map<String, Boolean> met = new HashMap<>();
        a.<Map<String, Object>>getList("conditions").forEach(c -> met.put((String) c.get("code"), (Boolean) c.get("met")));
        return met;
    }

    @Test
    void thePlanFallsDueTenDaysAfterApprovalAndItsRulesAreEnforcedWithReasons() {
        long[] h = household(true, true);
        long id = openCase(h[0], false);
        // Before the county's approval there is no plan, unless the case took the green channel.
        as(clerk).body(Api.versioned(clerk, base() + "/cases/" + id + "/plan", plan(true, List.of(measure("产业帮扶", null, List.of("因病"), "2024-10-01", null))))).put(base() + "/cases/" + id + "/plan")
                .then().statusCode(409).body("code", equalTo("PLAN_NOT_ALLOWED"));
        long[] g = household(true, false);
        long green = openCase(g[0], true);
        as(clerk).body(Api.versioned(clerk, base() + "/cases/" + green + "/plan", plan(true, List.of(measure("临时救助", null, List.of("因意外事故"), "2024-09-21", null),
                measure("务工就业帮扶", g[1], List.of("因病"), "2024-09-25", null))))).put(base() + "/cases/" + green + "/plan").then()
                .statusCode(200).body("exists", equalTo(true)).body("measures.size()", equalTo(2));

        for (String[] s : new String[][] {{"verify", "2024-09-23"}, {"authorize", "2024-09-24"}, {"review", "2024-10-09"}, {"notice", "2024-10-14"}}) {
            complete(clerk, id, s[0], s[1]);
        }
        complete(reviewer, id, "township", "2024-10-15");
        JsonPath approved = complete(approver, id, "county", "2024-10-16");
        assertEquals("UNRESOLVED", approved.getString("riskState"));
        // 10 days from 16 Oct 2024 is Sat 26 Oct: moved to Mon 28 Oct.
        assertEquals("2024-10-28", approved.getString("planDue"));
        assertTrue(approved.getString("planDueRule").contains("顺延"), approved.getString("planDueRule"));
        as(clerk).get(base() + "/households/" + h[0]).then().statusCode(200).body("category", equalTo("MONITORED"));
        as(clerk).get(base() + "/plan-tasks").then().statusCode(200).body("find { it.caseId == " + id + " }.task", equalTo("制定帮扶计划"))
                .body("find { it.caseId == " + id + " }.dueState", equalTo("已逾期"));

        String url = base() + "/cases/" + id + "/plan";
        // Labour and the will to work ⇒ a developmental measure.
        as(clerk).body(Api.versioned(clerk, url, plan(true, List.of(measure("医疗保障与医疗救助", null, List.of("因病", "因意外事故"), "2024-10-20", null))))).put(url).then()
                .statusCode(400).body("fields.field", hasItem("measures")).body("fields.message", hasItem(containsString("发展类")));
        // The member without labour capacity is never given a public-welfare or workshop job.
        as(clerk).body(Api.versioned(clerk, url, plan(true, List.of(measure("乡村公益性岗位", h[2], List.of("因病"), "2024-10-20", null))))).put(url).then()
                .statusCode(400).body("fields.field", hasItem("measures[0].memberId")).body("fields.message", hasItem(containsString("无劳动力")));
        // Rows that do not read are named: type, risks, dates, responsible official.
        Map<String, Object> bad = plan(true, List.of(Map.of("type", "发钱", "risks", List.of()), measure("产业帮扶", null, List.of("因病"),
                "2024-10-20", "2024-10-01")));
        bad.put("responsibleOfficial", " ");
        as(clerk).body(Api.versioned(clerk, url, bad)).put(url).then().statusCode(400).body("fields.field", hasItem("measures[0].type"))
                .body("fields.field", hasItem("measures[0].risks")).body("fields.field", hasItem("measures[0].startOn"))
                .body("fields.field", hasItem("responsibleOfficial"));
        as(clerk).get(url).then().statusCode(200).body("exists", equalTo(false)).body("members.size()", equalTo(2));
        // Without the will to work, protection alone is saved and flagged; the check endpoint says so before saving.
        Map<String, Object> protectionOnly = plan(false, List.of(measure("医疗保障与医疗救助", null, List.of("因病", "因意外事故"), "2024-10-20", null)));
        as(clerk).body(protectionOnly).post(url + "/check").then().statusCode(200).body("acceptable", equalTo(true))
                .body("warnings.rule", hasItem("PROTECTION_ONLY"));
        as(clerk).body(Api.versioned(clerk, url, protectionOnly)).put(url).then().statusCode(200).body("findings.message", hasItem(containsString("一兜了之")));
        // Departments and other villages do not write plans; the plan task is done.
        as(dept).body(Api.versioned(dept, url, protectionOnly)).put(url).then().statusCode(403);
        as(outsider).get(url).then().statusCode(404);
        as(clerk).get(base() + "/plan-tasks").then().statusCode(200).body("caseId", not(hasItem((int) id)));
        // A time-bound measure shows how long it runs; a stale version is refused.
        JsonPath saved = as(clerk).body(Api.versioned(clerk, url, plan(true, List.of(measure("脱贫人口小额信贷", h[1], List.of("因病"), "2024-10-20", "2027-10-19"),
                measure("医疗保障与医疗救助", null, List.of("因病", "因意外事故"), "2024-10-20", null))))).put(url).then().statusCode(200)
                .body("findings", equalTo(List.of())).extract().jsonPath();
        assertEquals("实施中（至2027-10-19）", saved.getString("measures[0].state"));
        Map<String, Object> stale = plan(true, List.of(measure("产业帮扶", null, List.of("因病"), "2024-10-20", null)));
        stale.put("version", saved.getLong("version") - 1);
        as(clerk).body(Api.versioned(clerk, url, stale)).put(url).then().statusCode(409).body("code", equalTo("CONCURRENT_UPDATE"));
        as(clerk).get(base() + "/cases/" + id).then().body("events.action", hasItem("PLANNED")).body("events.action", hasItem("REPLANNED"));
    }

    @Test
    void eachEliminationConditionIsExplainedAndMarkingLocksThePlanAndTheIncomes() {
        long[] h = household(true, false);
        long id = identified(h[0]);
        Map<String, Object> rigid = Map.of("rigidExpensesResolved", true, "rigidExpensesNote", "住院费用经医保和医疗救助报销后自付不足2000元");
        // Nothing recorded yet: income, 三保障, plan all fail, each with its reason.
        JsonPath first = as(clerk).body(Map.of()).post(base() + "/cases/" + id + "/elimination-assessment").then().statusCode(200)
                .body("procedureId", equalTo("elimination")).body("allMet", equalTo(false)).extract().jsonPath();
        assertEquals("没有收入记录，请先采集家庭收入", first.getString("conditions.find { it.code == 'INCOME' }.explanation"));
        assertEquals("尚未评定“三保障”和饮水安全", first.getString("conditions.find { it.code == 'GUARANTEES' }.explanation"));
        assertEquals("尚未制定帮扶计划", first.getString("conditions.find { it.code == 'MEASURES' }.explanation"));
        assertEquals(false, first.getBoolean("conditions.find { it.code == 'RIGID_EXPENSES' }.met"));
        as(clerk).body(rigid).post(base() + "/cases/" + id + "/elimination").then().statusCode(409)
                .body("code", equalTo("ELIMINATION_CONDITIONS_UNMET")).body("message", containsString("收入"));

        // Income: below the threshold, then above but only for five and a half months, then a whole year.
        income(h[0], YEAR - 1, "6000", null, null);
        assertFalse(conditions(id, rigid).get("INCOME"));
        income(h[0], YEAR - 1, "5000", (YEAR - 1) + "-07-15", (YEAR - 1) + "-12-31");
        JsonPath partial = as(clerk).body(rigid).post(base() + "/cases/" + id + "/elimination-assessment").then().extract().jsonPath();
        assertTrue(partial.getString("conditions.find { it.code == 'INCOME' }.explanation").contains("不足6个月"),
                partial.getString("conditions.find { it.code == 'INCOME' }.explanation"));
        income(h[0], YEAR - 1, "9000", (YEAR - 1) + "-01-01", (YEAR - 1) + "-12-31");
        assertTrue(conditions(id, rigid).get("INCOME"));
        // 三保障: a C-grade house fails, then secured.
        as(clerk).body(Map.of("educationOk", true, "medicalOk", true, "housingGrade", "C", "waterQuantityOk", true, "waterQualityOk", true,
                "waterConvenienceOk", true, "waterGuaranteeOk", true, "assessedOn", TODAY.toString()))
                .put(base() + "/households/" + h[0] + "/guarantee").then().statusCode(200);
        JsonPath house = as(clerk).body(rigid).post(base() + "/cases/" + id + "/elimination-assessment").then().extract().jsonPath();
        assertEquals("住房安全等级为C级", house.getString("conditions.find { it.code == 'GUARANTEES' }.explanation"));
        as(clerk).body(Map.of("educationOk", true, "medicalOk", true, "housingGrade", "A", "waterQuantityOk", true, "waterQualityOk", true,
                "waterConvenienceOk", true, "waterGuaranteeOk", true, "assessedOn", TODAY.toString(), "version", 0))
                .put(base() + "/households/" + h[0] + "/guarantee").then().statusCode(200);
        // Measures: a risk without a measure fails; then every risk has one.
        as(clerk).body(Api.versioned(clerk, base() + "/cases/" + id + "/plan", plan(true, List.of(measure("务工就业帮扶", h[1], List.of("因病"), "2024-10-25", "2027-12-31"))))).put(base() + "/cases/" + id + "/plan")
                .then().statusCode(200);
        JsonPath risk = as(clerk).body(rigid).post(base() + "/cases/" + id + "/elimination-assessment").then().extract().jsonPath();
        assertTrue(risk.getString("conditions.find { it.code == 'MEASURES' }.explanation").contains("因意外事故"));
        as(clerk).body(Api.versioned(clerk, base() + "/cases/" + id + "/plan", plan(true, List.of(measure("务工就业帮扶", h[1], List.of("因病"), "2024-10-25", "2027-12-31"),
                measure("临时救助", null, List.of("因意外事故"), "2024-10-25", null))))).put(base() + "/cases/" + id + "/plan").then().statusCode(200);
        // An unverified clue about the household is an open risk.
        JsonPath hh = as(clerk).get(base() + "/households/" + h[0]).then().extract().jsonPath();
        as(clerk).body(Map.of("channel", "基层干部排查", "screeningKind", "常态化排查", "villageCode", village, "idNumber", HEAD_IDS.get(h[0]),
                "name", hh.getString("members[0].name"), "description", "走访发现家中新添病人")).post(base() + "/clues").then().statusCode(201).body("status", equalTo("ATTACHED"));
        Map<String, Boolean> withClue = conditions(id, rigid);
        // The household is monitored: the clue attaches to it, dated after the plan's last adjustment.
        assertFalse(withClue.get("NO_OPEN_RISK"), withClue.toString());
        // The rigid-expense answer needs its evidence.
        assertFalse(conditions(id, Map.of("rigidExpensesResolved", true)).get("RIGID_EXPENSES"));
        // Adjusting the plan after the new report answers it.
        as(clerk).body(Api.versioned(clerk, base() + "/cases/" + id + "/plan", plan(true, List.of(measure("务工就业帮扶", h[1], List.of("因病"), "2024-10-25", "2027-12-31"),
                measure("临时救助", null, List.of("因意外事故"), "2024-10-25", null), measure("医疗保障与医疗救助", null, List.of("因病"),
                        TODAY.toString(), null))))).put(base() + "/cases/" + id + "/plan").then().statusCode(200);
        Map<String, Boolean> all = conditions(id, rigid);
        assertEquals(Map.of("INCOME", true, "RIGID_EXPENSES", true, "GUARANTEES", true, "MEASURES", true, "NO_OPEN_RISK", true), all);

        // The elimination procedure: eight steps from the village's study 30 days ago.
        String study = TODAY.minusDays(30).toString();
        Map<String, Object> start = new HashMap<>(rigid);
        start.put("startedOn", TODAY.plusDays(1).toString());
        as(clerk).body(start).post(base() + "/cases/" + id + "/elimination").then().statusCode(400).body("fields.field", hasItem("startedOn"));
        start.put("startedOn", study);
        as(official).body(start).post(base() + "/cases/" + id + "/elimination").then().statusCode(403);
        long el = as(clerk).body(start).post(base() + "/cases/" + id + "/elimination").then().statusCode(201)
                .body("openedCase.procedureId", equalTo("elimination")).body("openedCase.steps.size()", equalTo(8))
                .body("openedCase.parentCaseId", equalTo((int) id)).body("assessment.allMet", equalTo(true)).extract().jsonPath()
                .getLong("openedCase.id");
        as(clerk).body(start).post(base() + "/cases/" + id + "/elimination").then().statusCode(409).body("code", equalTo("CASE_ALREADY_OPEN"));
        complete(clerk, el, "village-study", TODAY.minusDays(30).toString());
        complete(clerk, el, "verify", TODAY.minusDays(28).toString());
        complete(clerk, el, "review", TODAY.minusDays(20).toString());
        complete(clerk, el, "notice", TODAY.minusDays(15).toString());
        complete(reviewer, el, "township", TODAY.minusDays(10).toString());
        complete(approver, el, "county", TODAY.minusDays(5).toString());
        complete(clerk, el, "update", TODAY.minusDays(2).toString());
        // Marking re-checks the data: a house downgraded meanwhile stops it.
        as(clerk).body(Map.of("educationOk", true, "medicalOk", true, "housingGrade", "D", "waterQuantityOk", true, "waterQualityOk", true,
                "waterConvenienceOk", true, "waterGuaranteeOk", true, "assessedOn", TODAY.toString(), "version", 1))
                .put(base() + "/households/" + h[0] + "/guarantee").then().statusCode(200);
        Map<String, String> evidence = Map.of("系统标注“风险消除”", "已标注");
        as(approver).body(Api.versioned(approver, base() + "/cases/" + el, Map.of("stepId", "mark", "evidence", evidence))).post(base() + "/cases/" + el + "/complete").then().statusCode(409)
                .body("code", equalTo("ELIMINATION_CONDITIONS_UNMET")).body("message", containsString("D级"));
        as(clerk).body(Map.of("educationOk", true, "medicalOk", true, "housingGrade", "B", "waterQuantityOk", true, "waterQualityOk", true,
                "waterConvenienceOk", true, "waterGuaranteeOk", true, "assessedOn", TODAY.toString(), "version", 2))
                .put(base() + "/households/" + h[0] + "/guarantee").then().statusCode(200);
        as(approver).body(Api.versioned(approver, base() + "/cases/" + el, Map.of("stepId", "mark", "evidence", evidence))).post(base() + "/cases/" + el + "/complete").then().statusCode(200)
                .body("status", equalTo("COMPLETED"));
        JsonPath marked = as(clerk).get(base() + "/cases/" + id).then().statusCode(200).body("riskState", equalTo("ELIMINATED"))
                .body("childCaseIds", hasItem((int) el)).body("events.action", hasItem("ELIMINATED")).extract().jsonPath();
        assertEquals(TODAY.toString(), marked.getString("riskStateOn"));

        // Locked: the plan and the incomes the elimination was judged on; time-bound measures run on.
        as(clerk).get(base() + "/cases/" + id + "/plan").then().body("lockedOn", equalTo(TODAY.toString()))
                .body("measures.find { it.type == 'EMPLOYMENT' }.state", equalTo("实施中（至2027-12-31）"));
        as(clerk).body(Api.versioned(clerk, base() + "/cases/" + id + "/plan", plan(true, List.of(measure("产业帮扶", null, List.of("因病"), "2024-10-25", null))))).put(base() + "/cases/" + id + "/plan")
                .then().statusCode(409).body("code", equalTo("PLAN_LOCKED"));
        Map<String, Object> correction = new HashMap<>(Map.of("year", YEAR - 1, "wage", "9500", "productionNet", "0", "property", "0",
                "transfer", "0", "expenses", "0"));
        correction.put("version", as(clerk).get(base() + "/households/" + h[0]).then().extract()
                .path("incomes.find { it.year == " + (YEAR - 1) + " }.version"));
        as(clerk).body(correction).put(base() + "/households/" + h[0] + "/incomes").then().statusCode(409).body("code", equalTo("INCOME_LOCKED"));
        as(clerk).body(Map.of("reason", "误标")).post(base() + "/cases/" + id + "/elimination").then().statusCode(409);

        // 回退 is the county's, with a reason; monitoring resumes and the lock goes.
        as(clerk).body(Api.versioned(clerk, base() + "/cases/" + id, Map.of("reason", "收入不稳定，务工中断"))).post(base() + "/cases/" + id + "/rollback").then().statusCode(403);
        as(approver).body(Api.versioned(approver, base() + "/cases/" + id, Map.of("reason", "短"))).post(base() + "/cases/" + id + "/rollback").then().statusCode(400);
        as(approver).body(Api.versioned(approver, base() + "/cases/" + id, Map.of("reason", "收入不稳定，务工中断"))).post(base() + "/cases/" + id + "/rollback").then().statusCode(200)
                .body("riskState", equalTo("UNRESOLVED")).body("events.action", hasItem("ROLLED_BACK"));
        as(clerk).body(correction).put(base() + "/households/" + h[0] + "/incomes").then().statusCode(200);
        as(clerk).get(base() + "/cases/" + id + "/plan").then().body("lockedOn", equalTo(null)).body("dueState", not(equalTo("已制定")));
        as(clerk).get(base() + "/plan-tasks").then().body("find { it.caseId == " + id + " }.task", equalTo("按新情况调整帮扶计划"));
        as(approver).body(Api.versioned(approver, base() + "/cases/" + id, Map.of("reason", "再次回退", "riskCategories", List.of("因学")))).post(base() + "/cases/" + id + "/remark").then()
                .statusCode(409);
        // The elimination case stays in the history, completed.
        as(clerk).get(base() + "/cases/" + el).then().body("status", equalTo("COMPLETED"));
    }

    @Test
    void aNewRiskAfterEliminationIsMarkedAgainWithItsHistory() {
        long[] h = household(true, false);
        long id = identified(h[0]);
        income(h[0], YEAR - 1, "12000", null, null);
        secure(h[0]);
        as(clerk).body(Api.versioned(clerk, base() + "/cases/" + id + "/plan", plan(true, List.of(measure("产业帮扶", null, List.of("因病", "因意外事故"), "2024-10-25", null))))).put(base() + "/cases/" + id + "/plan")
                .then().statusCode(200);
        Map<String, Object> start = Map.of("rigidExpensesResolved", true, "rigidExpensesNote", "医疗费用已报销", "startedOn", TODAY.minusDays(20).toString());
        long el = as(clerk).body(start).post(base() + "/cases/" + id + "/elimination").then().statusCode(201).extract().jsonPath().getLong("openedCase.id");
        for (String[] s : new String[][] {{"village-study", "20"}, {"verify", "19"}, {"review", "18"}, {"notice", "12"}}) {
            complete(clerk, el, s[0], TODAY.minusDays(Long.parseLong(s[1])).toString());
        }
        complete(reviewer, el, "township", TODAY.minusDays(10).toString());
        complete(approver, el, "county", TODAY.minusDays(9).toString());
        complete(clerk, el, "update", TODAY.minusDays(8).toString());
        complete(approver, el, "mark", TODAY.toString());
        as(approver).body(Api.versioned(approver, base() + "/cases/" + id, Map.of("reason", "子女考入大学，学费负担重", "riskCategories", List.of()))).post(base() + "/cases/" + id + "/remark").then()
                .statusCode(400).body("fields.field", hasItem("riskCategories"));
        as(reviewer).body(Api.versioned(reviewer, base() + "/cases/" + id, Map.of("reason", "子女考入大学，学费负担重", "riskCategories", List.of("因学")))).post(base() + "/cases/" + id + "/remark").then()
                .statusCode(403);
        as(approver).body(Api.versioned(approver, base() + "/cases/" + id, Map.of("reason", "子女考入大学，学费负担重", "riskCategories", List.of("因学")))).post(base() + "/cases/" + id + "/remark").then()
                .statusCode(200).body("riskState", equalTo("UNRESOLVED")).body("riskCategories", equalTo(List.of("因学")))
                .body("events.find { it.action == 'REMARKED' }.note", containsString("原：因病、因意外事故"))
                .body("events.action", hasItem("ELIMINATED"));
        // A new identification is refused: the household is already monitored.
        as(clerk).body(Map.of("householdId", h[0], "monitoringType", "边缘易致贫户", "riskCategories", List.of("因学"))).post(base() + "/cases").then()
                .statusCode(409).body("code", equalTo("HOUSEHOLD_ALREADY_MONITORED"));
        as(clerk).get(base() + "/cases/" + id + "/plan").then().body("lockedOn", equalTo(null)).body("caseRisks", equalTo(List.of("因学")));
    }

    @Test
    void aHouseholdWithoutLabourIsProtectedInsteadOfEliminated() {
        long[] h = household(false, true);
        long id = identified(h[0]);
        secure(h[0]);
        JsonPath a = as(clerk).body(Map.of()).post(base() + "/cases/" + id + "/elimination-assessment").then().statusCode(200)
                .body("procedureId", equalTo("basic-protection")).body("conditions.code", equalTo(List.of("NO_LABOUR", "SAFETY_NET", "GUARANTEES")))
                .extract().jsonPath();
        assertFalse(a.getBoolean("allMet"));
        as(clerk).body(Api.versioned(clerk, base() + "/cases/" + id + "/plan", plan(false, List.of(measure("最低生活保障（低保）", null, List.of("因病", "因意外事故"), "2024-11-01", null)))))
                .put(base() + "/cases/" + id + "/plan").then().statusCode(200).body("findings.message", hasItem(containsString("整户无劳动能力")));
        long bp = as(clerk).body(Map.of("startedOn", TODAY.minusDays(10).toString())).post(base() + "/cases/" + id + "/elimination").then()
                .statusCode(201).body("openedCase.procedureId", equalTo("basic-protection")).extract().jsonPath().getLong("openedCase.id");
        complete(clerk, bp, "verify", TODAY.minusDays(10).toString());
        // The village's shortlist stays up at least 5 days after the check.
        complete(clerk, bp, "village-select", TODAY.minusDays(5).toString());
        complete(reviewer, bp, "township", TODAY.minusDays(4).toString());
        complete(approver, bp, "county", TODAY.minusDays(3).toString());
        complete(approver, bp, "mark", TODAY.toString());
        as(clerk).get(base() + "/cases/" + id).then().body("riskState", equalTo("BASIC_PROTECTION")).body("riskStateLabel", equalTo("兜底保障户"));
        // Protection does not lock the plan: the household's support keeps changing.
        as(clerk).get(base() + "/cases/" + id + "/plan").then().body("lockedOn", equalTo(null));
    }

    @Test
    void visitsAreRecordedWithAPhotoAndAnythingElseIsRefused() {
        long[] h = household(true, false);
        long id = identified(h[0]);
        byte[] png = Base64.getDecoder().decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
        String url = base() + "/cases/" + id + "/visits";
        long visit = as(official).body(Map.of("kind", "帮扶责任人走访", "visitor", "李帮扶", "visitedOn", TODAY.toString(), "findings",
                "务工收入稳定，母亲病情平稳", "attachmentName", "走访照片.png", "attachmentBase64", Base64.getEncoder().encodeToString(png)))
                .post(url).then().statusCode(201).body("kindLabel", equalTo("帮扶责任人走访")).extract().jsonPath().getLong("id");
        byte[] back = as(clerk).get(url + "/" + visit + "/attachment").then().statusCode(200).contentType("image/png").extract().asByteArray();
        assertEquals(png.length, back.length);
        as(clerk).body(Map.of("kind", "回头看", "visitor", "王书记", "visitedOn", TODAY.toString(), "findings", "措施落实到位",
                "attachmentName", "x.exe", "attachmentBase64", Base64.getEncoder().encodeToString("MZ not a photo".getBytes())))
                .post(url).then().statusCode(400).body("fields.field", hasItem("attachment"));
        as(clerk).body(Map.of("kind", "闲聊", "visitedOn", TODAY.plusDays(1).toString())).post(url).then().statusCode(400)
                .body("fields.field", hasItem("kind")).body("fields.field", hasItem("visitedOn")).body("fields.field", hasItem("visitor"))
                .body("fields.field", hasItem("findings"));
        as(outsider).get(url).then().statusCode(404);
        as(outsider).get(url + "/" + visit + "/attachment").then().statusCode(404);
        as(clerk).get(url).then().statusCode(200).body("size()", equalTo(1)).body("[0].attachmentName", equalTo("走访照片.png"));
        // Jiangxi sets no province-wide visit interval and no long-case limit: nothing is invented.
        as(clerk).get(base() + "/visit-cadence").then().statusCode(200).body("size()", equalTo(0));
        as(clerk).get(base() + "/long-cases").then().statusCode(422).body("code", equalTo("PARAMETER_NOT_SET"));
    }
}
