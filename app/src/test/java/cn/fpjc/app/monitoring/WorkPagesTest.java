package cn.fpjc.app.monitoring;

import static cn.fpjc.app.support.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
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
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The work the pages show (issue 18 items 2 and 3), on a known data set in a county whose date is 2024-10-22: the home's
 * work and figures in the reader's scope, the household page's monitoring with the clue and case started from it without
 * retyping an ID number, the case list's filters, and the clue that follows its case (opened → included / not included).
 * Another village's clerk sees none of it.
 */
@QuarkusTest
class WorkPagesTest {
    static final String TODAY = "2024-10-22";
    static final LocalDate WEEK_END = LocalDate.parse(TODAY).plusDays(6);
    static String county;
    static String api;
    static String village;
    static String clerk;
    static String reviewer;
    static String approver;
    static String otherClerk;
    static long approvedHousehold;
    static long approvedCase;
    static long rejectedCase;
    static long approvedClue;
    static long rejectedHousehold;
    static long rejectedClue;
    static long formHousehold;
    static long clueHousehold;
    static String clueHeadMasked;
    static long clueHead;
    static long otherHousehold;
    static long otherHead;

    @BeforeEach
    void data() {
        if (county != null) {
            return;
        }
        county = Api.onboard("henan", "41");
        api = "/api/counties/" + county;
        as("admin").body(Map.of("today", TODAY, "county", county)).put("/api/admin/clock").then().statusCode(200);
        String admin = Api.createUser("t_wp_admin_" + county, Roles.COUNTY_ADMIN, county, county);
        String[] tv = Api.addTownshipAndVillage(admin, county, "101");
        village = tv[1];
        clerk = Api.createUser("t_wp_clerk_" + county, Roles.VILLAGE_CLERK, county, village);
        reviewer = Api.createUser("t_wp_rev_" + county, Roles.TOWNSHIP_REVIEWER, county, tv[0]);
        approver = Api.createUser("t_wp_appr_" + county, Roles.COUNTY_APPROVER, county, county);
        String otherVillage = Api.addTownshipAndVillage(admin, county, "102")[1];
        otherClerk = Api.createUser("t_wp_other_" + county, Roles.VILLAGE_CLERK, county, otherVillage);

        approvedHousehold = household(clerk, village, "WP1", "赵文山", "19720314").getLong("id");
        rejectedHousehold = household(clerk, village, "WP2", "钱有福", "19680505").getLong("id");
        formHousehold = household(clerk, village, "WP3", "孙大海", "19750606").getLong("id");
        JsonPath h4 = household(clerk, village, "WP4", "李春生", "19800707");
        clueHousehold = h4.getLong("id");
        clueHead = h4.getLong("members.find { it.relation == 'HEAD' }.id");
        clueHeadMasked = h4.getString("members.find { it.relation == 'HEAD' }.idMasked");
        JsonPath h5 = household(otherClerk, otherVillage, "WP5", "周远", "19790909");
        otherHousehold = h5.getLong("id");
        otherHead = h5.getLong("members.find { it.relation == 'HEAD' }.id");

        // A clue about a registered member, recorded without the ID number, followed through to the county's approval.
        approvedClue = clueFor(approvedHousehold);
        approvedCase = caseFromClue(approvedClue);
        as(clerk).get(api + "/clues/" + approvedClue).then().statusCode(200).body("status", equalTo("CASE_OPENED"))
                .body("statusLabel", equalTo("已启动识别程序"));
        throughTownship(approvedCase);
        Cases.complete(county, clerk, approver, approvedCase, "county", "2024-10-16");
        // … and one the county rejects.
        rejectedClue = clueFor(rejectedHousehold);
        rejectedCase = caseFromClue(rejectedClue);
        throughTownship(rejectedCase);
        long version = as(approver).get(api + "/cases/" + rejectedCase).then().statusCode(200).extract().jsonPath().getLong("version");
        as(approver).body(Map.of("reason", "经县级审定，家庭收入稳定，不符合纳入条件", "version", version)).post(api + "/cases/" + rejectedCase + "/reject")
                .then().statusCode(200);
        // A public self-report for the same village, waiting for 入户核实.
        Api.anonymous().body(Map.of("name", "吴桂兰", "idNumber", Ids.of("19660101", false), "phone", "13800001111", "villageCode", village,
                "description", "丈夫去世，没有收入来源")).post("/api/public/counties/" + county + "/self-reports").then().statusCode(201);
    }

    static JsonPath household(String who, String villageCode, String no, String head, String born) {
        return as(who).body(Map.of("householdNo", no + county, "villageCode", villageCode, "category", "一般农户", "members", List.of(
                Map.of("name", head, "idNumber", Ids.of(born, true), "relation", "户主", "labour", "普通劳动力", "health", "健康"),
                Map.of("name", head.charAt(0) + "母", "idNumber", Ids.of("19460101", false), "relation", "父母", "labour", "无劳动力",
                        "health", "大病", "illness", "尿毒症")))).post(api + "/households").then().statusCode(201).extract().jsonPath();
    }

    /** A clue about the household's head, by member id (no name, no ID number), verified with a risk. */
    static long clueFor(long household) {
        long head = as(clerk).get(api + "/households/" + household).then().statusCode(200).extract().jsonPath()
                .getLong("members.find { it.relation == 'HEAD' }.id");
        Map<String, Object> body = new HashMap<>(Map.of("channel", "基层干部排查", "screeningKind", "常态化排查", "memberId", head,
                "description", "母亲住院，自付医疗费用较高", "riskCategories", List.of("因病"), "reportedOn", "2024-09-20"));
        long id = as(clerk).body(body).post(api + "/clues").then().statusCode(201).body("householdId", equalTo((int) household))
                .extract().jsonPath().getLong("id");
        as(clerk).body(Map.of("result", "核实有风险，待启动识别程序", "note", "入户核实：自付医疗费用高", "version", 0))
                .post(api + "/clues/" + id + "/verification").then().statusCode(200).body("status", equalTo("RISK_CONFIRMED"));
        return id;
    }

    static long caseFromClue(long clue) {
        return as(clerk).body(Map.of("clueId", clue, "monitoringType", "边缘易致贫户", "riskCategories", List.of("因病")))
                .post(api + "/cases").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static void throughTownship(long id) {
        Cases.complete(county, clerk, clerk, id, "verify", "2024-09-23");
        Cases.complete(county, clerk, clerk, id, "authorize", "2024-09-24");
        Cases.complete(county, clerk, clerk, id, "review", "2024-10-09");
        Cases.complete(county, clerk, clerk, id, "notice", "2024-10-14");
        Cases.complete(county, clerk, reviewer, id, "township", "2024-10-15");
    }

    static RequestSpecification form(String user) {
        return as(user).contentType("application/x-www-form-urlencoded; charset=UTF-8").redirects().follow(false);
    }

    static String page(String user, String url) {
        return as(user).accept("text/html").get(url).then().statusCode(200).extract().asString();
    }

    @Test
    void aClueFollowsItsCase() {
        as(clerk).get(api + "/clues/" + approvedClue).then().statusCode(200).body("status", equalTo("INCLUDED"))
                .body("statusLabel", equalTo("已纳入监测"));
        as(clerk).get(api + "/clues/" + rejectedClue).then().statusCode(200).body("status", equalTo("NOT_INCLUDED"))
                .body("statusLabel", equalTo("不予纳入"));
        // A clue starts one case: once followed, it cannot open another.
        as(clerk).body(Map.of("clueId", rejectedClue, "monitoringType", "边缘易致贫户", "riskCategories", List.of("因病")))
                .post(api + "/cases").then().statusCode(400).body("fields.field", org.hamcrest.Matchers.hasItem("clueId"));
        // The case's states are not findings a visit may record.
        long open = as(clerk).body(Map.of("channel", "基层干部排查", "screeningKind", "常态化排查", "memberId", clueHead,
                "description", "务工收入骤减，家庭开支大")).post(api + "/clues").then().statusCode(201).extract().jsonPath().getLong("id");
        as(clerk).body(Map.of("result", "已纳入监测", "note", "入户核实情况", "version", 0)).post(api + "/clues/" + open + "/verification")
                .then().statusCode(400).body("fields.field", org.hamcrest.Matchers.hasItem("result"));
        // The public is told only that the clue was verified.
        String tracking = as(clerk).get(api + "/clues/" + approvedClue).then().extract().path("trackingNo");
        Api.anonymous().get("/api/public/counties/" + county + "/self-reports/" + tracking).then().statusCode(200)
                .body("statusLabel", equalTo("已核实"));
        // Another village's member cannot be named by id.
        as(clerk).body(Map.of("channel", "基层干部排查", "screeningKind", "常态化排查", "memberId", otherHead, "description", "越权登记线索"))
                .post(api + "/clues").then().statusCode(404);
    }

    @Test
    void theHouseholdPageShowsItsCaseAndPlanAndStartsAClueAndACaseWithoutRetyping() {
        String h1 = page(clerk, "/households/" + approvedHousehold);
        assertTrue(h1.contains("风险未消除") && h1.contains("href=\"/cases/" + approvedCase + "\""), h1);
        assertTrue(h1.contains("href=\"/cases/" + approvedCase + "/plan\"") && h1.contains("尚未制定一户一策"), "plan link");
        assertTrue(h1.contains("href=\"/cases/" + approvedCase + "/visits\"") && h1.contains("走访记录（0 次）"), "visits link");
        assertTrue(h1.contains("href=\"/clues/" + approvedClue + "\"") && h1.contains("已纳入监测"), "clue link and its status");
        assertFalse(h1.contains("id=\"open-case-form\""), "a monitored household is not identified again");
        assertFalse(page(clerk, "/households/" + rejectedHousehold).contains("风险未消除"));

        // 登记风险线索 from a household: the members to choose from, no ID number to type.
        String h4 = page(clerk, "/households/" + clueHousehold);
        assertTrue(h4.contains("未纳入监测") && h4.contains("href=\"/clues/new?household=" + clueHousehold + "\""), h4);
        String clueForm = page(clerk, "/clues/new?household=" + clueHousehold);
        assertTrue(clueForm.contains("name=\"memberId\"") && clueForm.contains(clueHeadMasked) && clueForm.contains("李春生"), clueForm);
        assertFalse(clueForm.contains("name=\"idNumber\""), "no ID number to retype");
        // A refusal shows the same form again with what was typed.
        String refused = form(clerk).formParam("household", clueHousehold).formParam("memberId", clueHead).formParam("channel", "农户自主申报")
                .formParam("sourceDetail", "村委会").formParam("description", "短").post("/clues").then().statusCode(400).extract().asString();
        assertTrue(refused.contains("name=\"memberId\"") && refused.contains("value=\"村委会\"") && refused.contains("data-field=\"description\""),
                refused);
        String location = form(clerk).formParam("household", clueHousehold).formParam("memberId", clueHead).formParam("channel", "农户自主申报")
                .formParam("sourceDetail", "村委会").formParam("description", "务工受伤，家里没有收入").post("/clues").then().statusCode(303)
                .extract().header("Location");
        long clue = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        as(clerk).get(api + "/clues/" + clue).then().statusCode(200).body("householdId", equalTo((int) clueHousehold))
                .body("idMasked", equalTo(clueHeadMasked)).body("personName", equalTo("李春生")).body("status", equalTo("OPEN"));
        assertTrue(page(clerk, "/households/" + clueHousehold).contains("href=\"/clues/" + clue + "\""), "the clue on its household");

        // 启动识别 from a household: the form carries the household, nothing is typed about the person.
        String h3 = page(clerk, "/households/" + formHousehold);
        assertTrue(h3.contains("id=\"open-case-form\"") && h3.contains("name=\"householdId\" value=\"" + formHousehold + "\""), h3);
        form(clerk).formParam("householdId", formHousehold).formParam("monitoringType", "突发严重困难户").post("/cases").then().statusCode(400)
                .body(containsString("请至少选择一个风险类别")).body(containsString("<option selected>突发严重困难户</option>"))
                .body(containsString("name=\"householdId\" value=\"" + formHousehold + "\"")); // no risk category: the form again, as typed
        String opened = form(clerk).formParam("householdId", formHousehold).formParam("monitoringType", "突发严重困难户")
                .formParam("riskCategories", "因意外事故").post("/cases").then().statusCode(303).extract().header("Location");
        long caseId = Long.parseLong(opened.substring(opened.lastIndexOf('/') + 1));
        String h3after = page(clerk, "/households/" + formHousehold);
        assertTrue(h3after.contains("id=\"open-case-link\"") && h3after.contains("href=\"/cases/" + caseId + "\""), h3after);
        assertFalse(h3after.contains("id=\"open-case-form\""), "one case at a time");

        // Another village's clerk sees none of it; the readers of this village do.
        as(otherClerk).accept("text/html").get("/households/" + approvedHousehold).then().statusCode(404);
        as(otherClerk).accept("text/html").get("/clues/new?household=" + clueHousehold).then().statusCode(404);
        assertTrue(page(approver, "/households/" + approvedHousehold).contains("href=\"/cases/" + approvedCase + "\""));
    }

    @Test
    void theHomeShowsTheWorkAndTheFiguresOfTheReadersScope() {
        String home = page(clerk, "/");
        // Clues waiting for 入户核实: the public self-report, and those the other tests record in this village.
        long open = as(clerk).queryParam("status", "OPEN").get(api + "/clues").then().statusCode(200).extract().jsonPath().getList("id").size();
        long selfReports = as(clerk).queryParam("status", "OPEN").queryParam("channel", "农户自主申报").get(api + "/clues").then().statusCode(200)
                .extract().jsonPath().getList("id").size();
        assertTrue(open >= 1 && selfReports >= 1);
        assertTrue(home.contains("待入户核实的风险线索 <strong>" + open + "</strong> 条（其中农户自主申报 " + selfReports + " 条）"), home);
        // The caller's steps, as the inbox computes their due dates.
        JsonPath inbox = as(clerk).get(api + "/inbox").then().statusCode(200).extract().jsonPath();
        long overdue = inbox.<String>getList("dueOn").stream().filter(d -> d != null && LocalDate.parse(d).isBefore(LocalDate.parse(TODAY))).count();
        long week = inbox.<String>getList("dueOn").stream().filter(d -> d != null && !LocalDate.parse(d).isBefore(LocalDate.parse(TODAY))
                && !LocalDate.parse(d).isAfter(WEEK_END)).count();
        assertTrue(home.contains("已逾期 <strong>" + overdue + "</strong> 件，本周到期 <strong>" + week + "</strong> 件"), home);
        inbox.<Integer>getList("caseId").stream().limit(5).forEach(id -> assertTrue(home.contains("href=\"/cases/" + id + "\""), "step link " + id));
        // Plans and visits due by the end of the week, as the follow-up ledgers compute them.
        long plans = as(clerk).get(api + "/plan-tasks").then().statusCode(200).extract().jsonPath().<String>getList("dueOn").stream()
                .filter(d -> d != null && !LocalDate.parse(d).isAfter(WEEK_END)).count();
        // Approved on 16 Oct: 10 days end on Saturday the 26th, so the plan is due Monday the 28th, within this week.
        assertEquals(1, plans, "the approved household's plan is due on " + as(clerk).get(api + "/plan-tasks").asString());
        assertTrue(home.contains("帮扶计划（制定或调整）<strong>" + plans + "</strong> 户"), home);
        long visits = as(clerk).get(api + "/visit-cadence").then().statusCode(200).extract().jsonPath().<String>getList("dueOn").stream()
                .filter(d -> d != null && !LocalDate.parse(d).isAfter(WEEK_END)).count();
        assertTrue(home.contains("走访、回头看 <strong>" + visits + "</strong> 次"), home);
        // Figures: one monitored household (边缘易致贫户, 风险未消除), identified in 2024, none eliminated; and the chart's data.
        assertTrue(home.contains("监测户 <strong>1</strong> 户") && home.contains("2024年识别纳入 <strong>1</strong> 户")
                && home.contains("2024年风险消除 <strong>0</strong> 户"), home);
        assertTrue(home.contains("<td data-state=\"UNRESOLVED\">1</td>") && home.contains("<td data-type=\"MARGINAL\">1</td>"), home);
        assertTrue(home.contains("data-echarts=\"pie\"") && home.contains("data-values=\"1|0|0\""), home);
        assertTrue(home.contains("href=\"/cases?state=MONITORED\"") && home.contains("href=\"/inbox\"") && home.contains("href=\"/followup\""));

        // The county sees the same figures; another village's clerk sees none of this village's work.
        assertTrue(page(approver, "/").contains("监测户 <strong>1</strong> 户"));
        String other = page(otherClerk, "/");
        assertTrue(other.contains("待入户核实的风险线索 <strong>0</strong> 条") && other.contains("监测户 <strong>0</strong> 户")
                && other.contains("已逾期 <strong>0</strong> 件，本周到期 <strong>0</strong> 件"), other);
        assertFalse(other.contains("href=\"/cases/" + approvedCase + "\"") || other.contains("href=\"/clues/"), other);
    }

    @Test
    void theCaseListFiltersByStateStepVillageAndTypeWithNamesAndHeads() {
        String monitored = page(clerk, "/cases?state=MONITORED");
        assertTrue(monitored.contains("共 1 件") && monitored.contains("data-case=\"" + approvedCase + "\"") && monitored.contains("赵文山")
                && monitored.contains("测试村101"), monitored);
        assertFalse(monitored.contains("钱有福"), "a rejected household is not monitored");
        String rejected = page(clerk, "/cases?state=REJECTED");
        assertTrue(rejected.contains("共 1 件") && rejected.contains("钱有福") && rejected.contains("不予纳入"), rejected);
        String all = page(clerk, "/cases");
        assertTrue(all.contains("href=\"/households/" + approvedHousehold + "\"") && all.contains("href=\"/households/" + rejectedHousehold + "\""),
                all);
        // Sorted by 启动日期 (ties by case id, the same way round): the two orders are each other's reverse, the filters kept.
        String oldest = page(clerk, "/cases?sort=startedOn&dir=asc");
        String newest = page(clerk, "/cases?sort=startedOn&dir=desc");
        String a = "data-case=\"" + approvedCase + "\"";
        String r = "data-case=\"" + rejectedCase + "\"";
        assertTrue(oldest.indexOf(a) < oldest.indexOf(r) != newest.indexOf(a) < newest.indexOf(r), "the order turns round");
        assertTrue(newest.contains("<th aria-sort=\"descending\"><a class=\"sort\" href=\"/cases?sort=startedOn&amp;dir=asc\">启动日期 ▼</a></th>"),
                newest);
        assertTrue(page(clerk, "/cases?state=REJECTED").contains("href=\"/cases?state=REJECTED&amp;sort=approvedOn&amp;dir=asc\""));
        as(clerk).accept("text/html").get("/cases?sort=householdNo").then().statusCode(400).body(containsString("此列表只能按启动日期、识别日期排序"));
        // The step filter offers the steps cases in progress are at; the approved case is at its entry step.
        String atEntry = page(clerk, "/cases?state=IN_PROGRESS&step=identification:" + as(clerk).get(api + "/cases/" + approvedCase).then()
                .extract().path("currentStep"));
        assertTrue(atEntry.contains("data-case=\"" + approvedCase + "\"") && !atEntry.contains("钱有福"), atEntry);
        assertTrue(page(clerk, "/cases?type=" + "边缘易致贫户").contains("赵文山"));
        assertTrue(page(clerk, "/cases?type=" + "脱贫不稳定户").contains("共 0 件"));
        assertTrue(page(clerk, "/cases?village=" + village).contains("赵文山"));
        as(clerk).accept("text/html").get("/cases?state=NONSENSE").then().statusCode(400).body(containsString("没有这个状态"));

        // Another village's clerk: nothing of this village, and not its village as a filter.
        String other = page(otherClerk, "/cases");
        assertTrue(other.contains("共 0 件") && !other.contains("赵文山"), other);
        as(otherClerk).accept("text/html").get("/cases?village=" + village).then().statusCode(404).body(not(containsString("赵文山")));
    }
}
