package cn.fpjc.app.monitoring;

import static cn.fpjc.app.support.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fpjc.app.registry.Ids;
import cn.fpjc.app.support.Api;
import cn.fpjc.app.support.Cases;
import cn.fpjc.app.support.Sql;
import cn.fpjc.core.platform.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 民勤县 (demo tenant 620621, Gansu plug-in): its "一键报贫" identification variant — 5-working-day feedback and
 * approval clocks across National Day 2024, and the responsible official's plan step — then its follow-up rules:
 * the official's quarterly visit, the plan's re-adjustment by 31 March, and households monitored over two years.
 * Works in a township and village of its own so the demo's villages are untouched.
 */
@QuarkusTest
class MinqinFollowUpTest {
    static final String COUNTY = "620621";
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    static String village;
    static String clerk;
    static String reviewer;
    static String official;
    static int households;

    @BeforeEach
    void data() {
        if (village != null) {
            return;
        }
        String[] tv = Api.addTownshipAndVillage("minqin.admin", COUNTY, "150");
        village = tv[1];
        clerk = Api.createUser("t_mq_clerk", Roles.VILLAGE_CLERK, COUNTY, village);
        reviewer = Api.createUser("t_mq_rev", Roles.TOWNSHIP_REVIEWER, COUNTY, tv[0]);
        official = Api.createUser("t_mq_official", Roles.RESPONSIBLE_OFFICIAL, COUNTY, village);
    }

    static String base() {
        return "/api/counties/" + COUNTY;
    }

    static long household() {
        households++;
        Map<String, Object> head = Map.of("name", "马永" + "甲乙丙丁戊己庚辛壬癸".charAt(households % 10), "idNumber",
                Ids.of(String.format("1968%02d%02d", households % 12 + 1, households % 27 + 1), true), "relation", "户主", "labour", "普通劳动力",
                "health", "健康");
        return as(clerk).body(Map.of("householdNo", "MQ150" + households, "villageCode", village, "category", "一般农户",
                "members", List.of(head))).post(base() + "/households").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static JsonPath complete(String who, long id, String step, String on) {
        return Cases.complete(COUNTY, clerk, who, id, step, on);
    }

    /** 「告知书（不符合时）」 is asked only when it applies: a household found to qualify gets its feedback without one. */
    @Test
    void theNoticeOfNotQualifyingIsAskedOnlyWhenItApplies() {
        long id = as(clerk).body(Map.of("householdId", household(), "monitoringType", "突发严重困难户", "riskCategories", List.of("因病"),
                "startedOn", "2024-09-27")).post(base() + "/cases").then().statusCode(201).extract().jsonPath().getLong("id");
        complete(clerk, id, "verify", "2024-09-30");
        as(reviewer).get(base() + "/cases/" + id).then().statusCode(200).body("missing", hasItem("需要：核查结果"))
                .body("missing", hasItem("如适用：告知书（不符合时）"));
        String inbox = as(reviewer).accept("text/html").get("/inbox").then().statusCode(200).extract().asString();
        assertTrue(inbox.contains("告知书（不符合时） <span class=\"muted optional\">仅在适用时填写，可留空</span>"), inbox);
        assertTrue(inbox.contains("测试村150"), "the village by its name");
        JsonPath nothing = as(reviewer).body(Map.of("caseIds", List.of(id), "action", "COMPLETE", "stepId", "feedback", "evidence", Map.of()))
                .post(base() + "/case-batches").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(false), nothing.getList("ok"));
        assertTrue(nothing.getString("[0].message").contains("核查结果") && !nothing.getString("[0].message").contains("告知书"),
                nothing.prettify());
        JsonPath done = as(reviewer).body(Map.of("caseIds", List.of(id), "action", "COMPLETE", "stepId", "feedback",
                "evidence", Map.of("核查结果", "符合监测条件"))).post(base() + "/case-batches").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(true), done.getList("ok"), done.prettify());
        assertEquals("review", as(clerk).get(base() + "/cases/" + id).then().extract().jsonPath().getString("currentStep"));
    }

    /** The Minqin variant from a report on Fri 27 Sep 2024, approved 14 Oct, its plan step done by the official. */
    static long[] identified() {
        long h = household();
        long id = as(clerk).body(Map.of("householdId", h, "monitoringType", "突发严重困难户", "riskCategories", List.of("因病"),
                "startedOn", "2024-09-27")).post(base() + "/cases").then().statusCode(201)
                .body("steps.stepId", equalTo(List.of("verify", "feedback", "review", "township", "county", "plan")))
                .extract().jsonPath().getLong("id");
        complete(clerk, id, "verify", "2024-09-30");
        JsonPath afterCheck = as(clerk).get(base() + "/cases/" + id).then().extract().jsonPath();
        // Feedback within 5 working days of the check on Mon 30 Sep: 8, 9, 10, 11 Oct and the working Saturday 12 Oct.
        assertEquals("2024-10-12", afterCheck.getString("steps.find { it.stepId == 'feedback' }.dueOn"));
        assertTrue(afterCheck.getString("steps.find { it.stepId == 'feedback' }.dueRule").contains("工作日"));
        complete(reviewer, id, "feedback", "2024-10-08");
        JsonPath afterFeedback = as(clerk).get(base() + "/cases/" + id).then().extract().jsonPath();
        // Approval: 5 working days from 8 Oct is 15 Oct, but 15 days from the report (27 Sep) is 12 Oct — the earlier wins.
        assertEquals("2024-10-12", afterFeedback.getString("steps.find { it.stepId == 'county' }.dueOn"));
        complete(clerk, id, "review", "2024-10-09");
        // 评议和公示: the 公示 went up on 8 Oct for 5 days (Cases.complete); 乡镇初审 waits for it to end — not on the 10th.
        as(reviewer).body(Api.versioned(reviewer, base() + "/cases/" + id, Map.of("stepId", "township", "evidence", Map.of("乡镇审核意见", "同意"),
                "completedOn", "2024-10-10"))).post(base() + "/cases/" + id + "/complete").then().statusCode(400)
                .body("fields.message", hasItem(containsString("公示期至2024-10-12")));
        complete(reviewer, id, "township", "2024-10-14");
        JsonPath approved = complete("minqin.approver", id, "county", "2024-10-14");
        assertEquals("2024-10-24", approved.getString("steps.find { it.stepId == 'plan' }.dueOn"));
        assertEquals("2024-10-24", approved.getString("planDue"));
        // The plan step is the official's: the clerk may not do it; the official drafts the plan and completes the step.
        as(clerk).body(Api.versioned(clerk, base() + "/cases/" + id, Map.of("stepId", "plan", "evidence", Map.of("帮扶计划", "已制定")))).post(base() + "/cases/" + id + "/complete").then()
                .statusCode(403);
        as(official).body(Api.versioned(official, base() + "/cases/" + id, Map.of("stepId", "plan", "evidence", Map.of("帮扶计划", "已制定"), "completedOn", "2024-10-18")))
                .post(base() + "/cases/" + id + "/complete").then().statusCode(400).body("fields.field", hasItem("evidence.帮扶计划"));
        as(official).body(Api.versioned(official, base() + "/cases/" + id + "/plan", Map.of("responsibleOfficial", "马帮扶", "labourWilling", true, "measures", List.of(Map.of("type", "产业帮扶",
                "risks", List.of("因病"), "startOn", "2024-10-15", "description", "肉羊养殖"))))).put(base() + "/cases/" + id + "/plan").then()
                .statusCode(200);
        complete(official, id, "plan", "2024-10-18");
        as(clerk).get(base() + "/cases/" + id).then().body("status", equalTo("COMPLETED")).body("riskState", equalTo("UNRESOLVED"))
                .body("approvedOn", equalTo("2024-10-14"));
        return new long[] {h, id};
    }

    @Test
    void theOfficialsQuarterlyVisitIsDueThreeMonthsAfterTheLastOne() {
        long id = identified()[1];
        JsonPath cadence = as(clerk).get(base() + "/visit-cadence").then().statusCode(200).extract().jsonPath();
        // Never visited: due three months after the approval, long overdue; Minqin sets no 回头看 interval.
        assertEquals("2025-01-14", cadence.getString("find { it.caseId == " + id + " && it.kind == 'OFFICIAL' }.dueOn"));
        assertEquals("已逾期", cadence.getString("find { it.caseId == " + id + " && it.kind == 'OFFICIAL' }.dueState"));
        // The village team's monthly visit to monitored households is due too; Minqin sets no 回头看 interval.
        assertEquals(List.of("OFFICIAL", "TEAM"), cadence.getList("findAll { it.caseId == " + id + " }.kind").stream().sorted().toList());
        assertEquals("2024-11-14", cadence.getString("find { it.caseId == " + id + " && it.kind == 'TEAM' }.dueOn"));
        assertTrue(cadence.getString("find { it.caseId == " + id + " && it.kind == 'OFFICIAL' }.intervalSource").contains("每季度"));
        as(official).body(Map.of("kind", "OFFICIAL", "visitor", "马帮扶", "visitedOn", TODAY.minusDays(1).toString(), "findings", "羊群存栏30只，收入稳定"))
                .post(base() + "/cases/" + id + "/visits").then().statusCode(201);
        as(clerk).get(base() + "/visit-cadence").then().body("find { it.caseId == " + id + " && it.kind == 'OFFICIAL' }.lastVisit", equalTo(TODAY.minusDays(1).toString()))
                .body("find { it.caseId == " + id + " && it.kind == 'OFFICIAL' }.dueOn", equalTo(TODAY.minusDays(1).plusMonths(3).toString()))
                .body("find { it.caseId == " + id + " && it.kind == 'OFFICIAL' }.dueState", equalTo("未到期"))
                .body("find { it.caseId == " + id + " && it.kind == 'TEAM' }.dueState", equalTo("已逾期"));
        // The follow-up page names the village, and the visits page who recorded the visit, never their codes.
        String followup = as(clerk).accept("text/html").get("/followup").then().statusCode(200).extract().asString();
        String shown = followup.replaceAll("<[^>]*>", " ");
        assertTrue(followup.contains("data-case=\"" + id + "\"") && shown.contains("测试村150") && !shown.contains(village), followup);
        String visits = as(clerk).accept("text/html").get("/cases/" + id + "/visits").then().statusCode(200).extract().asString();
        assertTrue(visits.contains("登记：测试用户" + official)
                && !visits.replaceAll("<[^>]*>", " ").replace("测试用户" + official, "").contains(official), visits);
        // A reviewer of another township does not see it.
        as("minqin.reviewer").get(base() + "/visit-cadence").then().statusCode(200).body("caseId", org.hamcrest.Matchers.not(hasItem((int) id)));
    }

    @Test
    void aPlanNotAdjustedThisYearIsDueBy31MarchAndOldCasesAreListedWithTheirHistory() {
        long id = identified()[1];
        as(clerk).get(base() + "/plan-tasks").then().body("caseId", org.hamcrest.Matchers.not(hasItem((int) id)));
        // Last adjusted last year (as if saved then): this year's re-adjustment is due on 31 March.
        Sql.execute("UPDATE " + Sql.database(COUNTY) + ".assistance_plan SET adjusted_on = '" + (TODAY.getYear() - 1) + "-06-01' WHERE case_id = " + id);
        as(clerk).get(base() + "/plan-tasks").then().statusCode(200)
                .body("find { it.caseId == " + id + " }.task", equalTo("年度动态调整"))
                .body("find { it.caseId == " + id + " }.dueOn", equalTo(TODAY.getYear() + "-03-31"))
                .body("find { it.caseId == " + id + " }.dueRule", containsString("3月底前"));
        as(clerk).get(base() + "/cases/" + id + "/plan").then().body("readjustDue", equalTo(TODAY.getYear() + "-03-31"));
        // Saving the plan is its adjustment.
        as(official).body(Api.versioned(official, base() + "/cases/" + id + "/plan", Map.of("responsibleOfficial", "马帮扶", "labourWilling", true, "measures", List.of(Map.of("type", "产业帮扶",
                "risks", List.of("因病"), "startOn", "2024-10-15", "description", "肉羊养殖扩群"))))).put(base() + "/cases/" + id + "/plan").then()
                .statusCode(200).body("readjustDue", equalTo(null));
        as(clerk).get(base() + "/plan-tasks").then().body("caseId", org.hamcrest.Matchers.not(hasItem((int) id)));
        // Approved on 11 Oct 2024: more than two years ago today.
        as(clerk).get(base() + "/long-cases").then().statusCode(200).body("find { it.caseId == " + id + " }.approvedOn", equalTo("2024-10-14"))
                .body("find { it.caseId == " + id + " }.measures", equalTo(1))
                .body("find { it.caseId == " + id + " }.history.action", hasItem("PLANNED"));
    }

    @Test
    void theDeadlineScanFlagsWhatIsOverdueInItsScope() {
        long id = identified()[1];
        long h = household();
        long late = as(clerk).body(Map.of("householdId", h, "monitoringType", "边缘易致贫户", "riskCategories", List.of("因学"),
                "startedOn", "2024-09-27")).post(base() + "/cases").then().statusCode(201).extract().jsonPath().getLong("id");
        as(clerk).post(base() + "/deadline-scan/runs").then().statusCode(403);
        as("minqin.approver").post(base() + "/deadline-scan/runs").then().statusCode(200).body("status", equalTo("DONE"))
                .body("scannedOn", equalTo(TODAY.toString()));
        JsonPath scan = as(clerk).get(base() + "/deadline-scan").then().statusCode(200).extract().jsonPath();
        // The identified household has not been visited by its official for more than a quarter; the new case's check is late.
        assertEquals("2025-01-14", scan.getString("flags.find { it.caseId == " + id + " && it.item == '帮扶责任人走访' }.dueOn"));
        assertEquals("2024-11-14", scan.getString("flags.find { it.caseId == " + id + " && it.item == '驻村工作队走访' }.dueOn"));
        // 5 days from Fri 27 Sep 2024 end on 2 Oct, a holiday: moved to 8 Oct.
        assertEquals("2024-10-08", scan.getString("flags.find { it.caseId == " + late + " }.dueOn"));
        assertEquals("STEP", scan.getString("flags.find { it.caseId == " + late + " }.kind"));
        assertTrue(scan.getInt("scan.steps") >= 1 && scan.getInt("scan.visits") >= 1, scan.prettify());
        String page = as(clerk).accept("text/html").get("/cases/overdue").then().statusCode(200).extract().asString();
        assertTrue(page.contains("期限扫描（" + TODAY) && page.contains("data-case=\"" + id + "\" data-kind=\"VISIT\""), page);
        String text = page.replaceAll("<[^>]*>", " ");
        assertTrue(text.contains("测试村150") && !text.contains(village), text);
        // The demo village's clerk sees the county's counts but not these flags.
        as("minqin.clerk").get(base() + "/deadline-scan").then().statusCode(200)
                .body("flags.caseId", org.hamcrest.Matchers.not(hasItem((int) id)));
    }
}
