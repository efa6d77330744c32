package cn.fpjc.app.monitoring;

import static cn.fpjc.app.support.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fpjc.app.registry.Ids;
import cn.fpjc.app.support.Api;
import cn.fpjc.app.support.Sql;
import cn.fpjc.core.platform.security.Roles;
import cn.fpjc.core.platform.tenancy.TenantDirectory;
import cn.fpjc.core.registry.HeadNameRepairJob;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 识别纳入 as a state machine over the national steps (Henan has no variant): each step by its role, with its evidence,
 * on its clocks — the 15-day clock from the clue, the notice's 5 days, the 10-day entry clock from the approval — across
 * the 2024 National Day holiday; returns, rejection, batch decisions, the inbox, scope and concurrent edits.
 */
@QuarkusTest
class IdentificationCaseTest {
    static String county;
    static String village;
    static String otherVillage;
    static String clerk;
    static String reviewer;
    static String approver;
    static String otherClerk;

    @BeforeEach
    void data() {
        if (county != null) {
            return;
        }
        county = Api.onboard("henan", "41");
        String admin = Api.createUser("t_case_admin_" + county, Roles.COUNTY_ADMIN, county, county);
        String[] tv = Api.addTownshipAndVillage(admin, county, "101");
        village = tv[1];
        otherVillage = Api.addTownshipAndVillage(admin, county, "102")[1];
        clerk = Api.createUser("t_case_clerk_" + county, Roles.VILLAGE_CLERK, county, village);
        reviewer = Api.createUser("t_case_rev_" + county, Roles.TOWNSHIP_REVIEWER, county, tv[0]);
        approver = Api.createUser("t_case_appr_" + county, Roles.COUNTY_APPROVER, county, county);
        otherClerk = Api.createUser("t_case_clerk2_" + county, Roles.VILLAGE_CLERK, county, otherVillage);
    }

    static int households;

    static long household() {
        return household(clerk, village);
    }

    static long household(String byClerk, String inVillage) {
        households++;
        Map<String, Object> head = Map.of("name", "刘福" + "一二三四五六七八九十".charAt(households % 10), "idNumber",
                Ids.of(String.format("1960%02d%02d", households % 12 + 1, households % 28 + 1), households % 2 == 0), "relation", "户主",
                "labour", "普通劳动力", "health", "长期慢性病", "illness", "糖尿病");
        return as(byClerk).body(Map.of("householdNo", "CS" + county + households, "villageCode", inVillage, "category", "一般农户",
                "members", List.of(head))).post("/api/counties/" + county + "/households").then().statusCode(201).extract().jsonPath()
                .getLong("id");
    }

    static long openCase(long household, String startedOn) {
        return openCase(clerk, household, startedOn);
    }

    static long openCase(String byClerk, long household, String startedOn) {
        Map<String, Object> body = new HashMap<>(Map.of("householdId", household, "monitoringType", "边缘易致贫户",
                "riskCategories", List.of("因病")));
        body.put("startedOn", startedOn);
        return as(byClerk).body(body).post("/api/counties/" + county + "/cases").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static String url(long id) {
        return "/api/counties/" + county + "/cases/" + id;
    }

    /** Each inbox line says what its case says: 户编号, village, current step with its due date, label and evidence items. */
    private static void assertLinesSayWhatTheirCasesSay(List<Map<String, Object>> lines) {
        for (Map<String, Object> line : lines) {
            JsonPath c = get(((Number) line.get("caseId")).longValue());
            String step = "steps.find { it.stepId == '" + line.get("stepId") + "' }";
            assertEquals(c.getString("householdNo"), line.get("householdNo"));
            assertEquals(c.getString("currentStep"), line.get("stepId"));
            assertEquals(c.getString(step + ".dueOn"), line.get("dueOn"));
            assertEquals(c.getString(step + ".label"), line.get("stepLabel"));
            assertEquals(c.getList(step + ".evidenceRequired"), line.get("evidenceRequired"));
            assertEquals(c.getString("villageCode"), line.get("villageCode"));
        }
    }

    static JsonPath get(long id) {
        return as(clerk).get(url(id)).then().statusCode(200).extract().jsonPath();
    }

    /** {@code body} with the case's current version, as a client that read the case sends it (an edit without it is refused). */
    static Map<String, Object> at(long id, Map<String, ?> body) {
        Map<String, Object> b = new HashMap<>(body);
        b.put("version", get(id).getLong("version"));
        return b;
    }

    /** Completes the current step as {@code who} on {@code on}, giving every evidence item the step asks for. */
    static JsonPath complete(String who, long id, String step, String on) {
        return cn.fpjc.app.support.Cases.complete(county, clerk, who, id, step, on);
    }

    @Test
    void aConfirmedClueGoesThroughEveryStepOnItsClocksAcrossNationalDay() {
        String person = Ids.of("19620315", true);
        Map<String, Object> head = Map.of("name", "周长顺", "idNumber", person, "relation", "户主", "labour", "普通劳动力", "health", "大病",
                "illness", "肝癌");
        long h = as(clerk).body(Map.of("householdNo", "CSCL" + county, "villageCode", village, "category", "一般农户", "members", List.of(head)))
                .post("/api/counties/" + county + "/households").then().statusCode(201).extract().jsonPath().getLong("id");
        long clue = as(clerk).body(Map.of("channel", "农户自主申报", "villageCode", village, "name", "周长顺", "idNumber", person,
                "description", "确诊肝癌，自付费用高", "riskCategories", List.of("因病"), "reportedOn", "2024-09-20"))
                .post("/api/counties/" + county + "/clues").then().statusCode(201).extract().jsonPath().getLong("id");
        Map<String, Object> open = Map.of("clueId", clue, "monitoringType", "突发严重困难户", "riskCategories", List.of("因病"));
        as(clerk).body(open).post("/api/counties/" + county + "/cases").then().statusCode(400).body("fields.field", hasItem("clueId"));
        as(clerk).body(Map.of("result", "核实有风险，待启动识别程序", "note", "入户核实属实", "verifiedOn", "2024-09-21", "version", 0))
                .post("/api/counties/" + county + "/clues/" + clue + "/verification").then().statusCode(200);
        long id = as(clerk).body(open).post("/api/counties/" + county + "/cases").then().statusCode(201)
                .body("householdId", equalTo((int) h)).body("startedOn", equalTo("2024-09-20")).body("currentStep", equalTo("verify"))
                .body("steps.size()", equalTo(7)).body("missing", hasItem("需要：入户核实记录"))
                // 5 days from 20 Sep; 15 days from 20 Sep is 5 Oct (holiday) → 8 Oct.
                .body("steps.find { it.stepId == 'verify' }.dueOn", equalTo("2024-09-25"))
                .body("steps.find { it.stepId == 'county' }.dueOn", equalTo("2024-10-08"))
                .body("steps.find { it.stepId == 'county' }.dueRule", containsString("顺延")).extract().jsonPath().getLong("id");
        as(clerk).body(open).post("/api/counties/" + county + "/cases").then().statusCode(409).body("code", equalTo("CASE_ALREADY_OPEN"));

        // Evidence is required item by item; the role is the step's.
        as(clerk).body(at(id, Map.of("stepId", "verify", "evidence", Map.of("书面申请", "有")))).post(url(id) + "/complete").then().statusCode(400)
                .body("fields.field", hasItem("evidence.入户核实记录"));
        complete(clerk, id, "verify", "2024-09-23");
        as(reviewer).body(at(id, Map.of("stepId", "authorize", "evidence", Map.of()))).post(url(id) + "/complete").then().statusCode(403)
                .body("message", containsString("村"));
        as(clerk).body(at(id, Map.of("stepId", "review", "evidence", Map.of()))).post(url(id) + "/complete").then().statusCode(409)
                .body("message", containsString("授权承诺与信息比对"));
        complete(clerk, id, "authorize", "2024-09-24");
        complete(clerk, id, "review", "2024-10-09");
        // The notice must stay up 5 days after the review: not before 14 Oct.
        JsonPath c = get(id);
        assertEquals("2024-10-14", c.getString("steps.find { it.stepId == 'notice' }.earliestOn"));
        as(clerk).body(at(id, Map.of("stepId", "notice", "evidence", Map.of("公示起止日期", "2024-10-09 至 2024-10-13", "异议及处理情况", "无异议"),
                "completedOn", "2024-10-11"))).post(url(id) + "/complete").then().statusCode(400).body("fields.message", hasItem(containsString("2024-10-14")));
        // The 公示's dates are dates, at least the province's 5 days, not before the step before; the refusal leaves nothing set.
        as(clerk).body(at(id, Map.of("stepId", "notice", "evidence", Map.of("公示起止日期", "10月9日至13日", "异议及处理情况", "无异议"),
                "completedOn", "2024-10-14"))).post(url(id) + "/complete").then().statusCode(400)
                .body("fields.message", hasItem(containsString("应为两个日期")));
        as(clerk).body(at(id, Map.of("from", "2024-10-10", "to", "2024-10-13"))).post(url(id) + "/notice-period").then().statusCode(400)
                .body("fields.message", hasItem(containsString("公示 4 天")));
        as(clerk).body(at(id, Map.of("from", "2024-10-08", "to", "2024-10-13"))).post(url(id) + "/notice-period").then().statusCode(400)
                .body("fields.message", hasItem(containsString("2024-10-09")));
        org.junit.jupiter.api.Assertions.assertNull(get(id).get("steps.find { it.stepId == 'notice' }.noticeFrom"));
        complete(clerk, id, "notice", "2024-10-14");
        complete(reviewer, id, "township", "2024-10-15");
        // The county returns it; the township decides again.
        as(approver).body(at(id, Map.of("reason", ""))).post(url(id) + "/return").then().statusCode(400);
        as(approver).body(at(id, Map.of("reason", "乡镇审核意见缺少签字"))).post(url(id) + "/return").then().statusCode(200)
                .body("currentStep", equalTo("township")).body("events.action", hasItem("RETURNED"));
        complete(reviewer, id, "township", "2024-10-15");
        JsonPath approved = complete(approver, id, "county", "2024-10-16");
        assertEquals("2024-10-16", approved.getString("approvedOn"));
        // 10 days from 16 Oct is Sat 26 Oct → Mon 28 Oct.
        assertEquals("2024-10-28", approved.getString("steps.find { it.stepId == 'entry' }.dueOn"));
        JsonPath done = complete(clerk, id, "entry", "2024-10-20");
        assertEquals("COMPLETED", done.getString("status"));
        assertEquals("已完成", done.getString("statusLabel"));
        assertTrue(done.getList("events.action").containsAll(List.of("OPENED", "COMPLETED", "RETURNED")));
    }

    @Test
    void theCountyRejectsWithReasonsOnlyAtItsApprovalStep() {
        long id = openCase(household(), "2024-03-01");
        as(approver).body(at(id, Map.of("reason", "家庭收入高于监测范围"))).post(url(id) + "/reject").then().statusCode(403);
        for (String[] s : new String[][] { { clerk, "verify" }, { clerk, "authorize" }, { clerk, "review" }, { clerk, "notice" },
                { reviewer, "township" } }) {
            complete(s[0], id, s[1], s[1].equals("notice") || s[1].equals("township") ? "2024-03-12" : "2024-03-04");
        }
        as(clerk).get("/cases/" + id + "/rejection-notice").then().statusCode(409);
        as(approver).body(at(id, Map.of("reason", "短"))).post(url(id) + "/reject").then().statusCode(400);
        as(approver).body(at(id, Map.of("reason", "经比对，家庭人均纯收入高于监测范围且无刚性支出"))).post(url(id) + "/reject").then().statusCode(200)
                .body("status", equalTo("REJECTED")).body("rejectionReason", containsString("高于监测范围"));
        as(approver).body(at(id, Map.of("stepId", "county", "evidence", Map.of()))).post(url(id) + "/complete").then().statusCode(409);
        // 告知书: to the head, the number masked, the county's reasons.
        String head = as(clerk).get("/api/counties/" + county + "/households/" + get(id).getLong("householdId")).jsonPath()
                .getString("members[0].idMasked");
        String notice = as(clerk).get("/cases/" + id + "/rejection-notice").then().statusCode(200)
                .body(containsString("识别结果告知书")).body(containsString("高于监测范围且无刚性支出")).body(containsString(head))
                .body(containsString("12317")).extract().asString();
        assertTrue(!notice.contains("糖尿病"), "no health details in the notice");
        as(otherClerk).get("/cases/" + id + "/rejection-notice").then().statusCode(404);
        as(otherClerk).get("/cases/" + id + "/rejection-notice/pdf").then().statusCode(404);
        // The same 告知书 as a PDF (issue 18 item 11), read back with PDFBox; the print page links to it.
        assertTrue(notice.contains("href=\"/cases/" + id + "/rejection-notice/pdf\""), notice);
        cn.fpjc.app.support.Pdfs.assumeCjkFont();
        var pdf = cn.fpjc.app.support.Pdfs.get(as(clerk), "/cases/" + id + "/rejection-notice/pdf");
        String text = pdf.text().replaceAll("\\s+", "");
        assertTrue(pdf.fileName().startsWith("防止返贫监测对象识别结果告知书") && pdf.fileName().endsWith(".pdf"), pdf.fileName());
        assertTrue(text.contains("防止返贫监测对象识别结果告知书") && text.contains("高于监测范围且无刚性支出") && text.contains(head) && text.contains("12317"), text);
        assertTrue(!text.contains("糖尿病") && !text.contains("返回案件"), text);
    }

    @Test
    void theOverdueLedgerRunsMostOverdueFirstThenByVillage() {
        // The same start, so the same due date: the other village's case is opened first, yet this village (the lower code)
        // comes first.
        long there = openCase(otherClerk, household(otherClerk, otherVillage), "2024-03-01");
        long here = openCase(household(), "2024-03-01");
        List<Map<String, Object>> lines = as(approver).get("/api/counties/" + county + "/overdue-steps").then().statusCode(200)
                .extract().jsonPath().getList("$");
        java.util.Comparator<Map<String, Object>> ledgerOrder = java.util.Comparator.<Map<String, Object>, String>comparing(l -> (String) l.get("dueOn"))
                .thenComparing(l -> (String) l.get("villageCode")).thenComparing(l -> ((Number) l.get("caseId")).longValue());
        assertEquals(lines.stream().sorted(ledgerOrder).toList(), lines);
        List<Long> ids = lines.stream().map(l -> ((Number) l.get("caseId")).longValue()).toList();
        assertTrue(ids.contains(here) && ids.indexOf(here) < ids.indexOf(there), ids.toString());
    }

    @Test
    void theOverdueLedgerListsEveryStepPastItsDueDateInScope() {
        long id = openCase(household(), "2024-07-01");
        as(approver).get("/api/counties/" + county + "/overdue-steps").then().statusCode(200)
                .body("find { it.caseId == " + id + " }.stepId", equalTo("verify"))
                .body("find { it.caseId == " + id + " }.dueOn", equalTo("2024-07-08")); // 1 Jul + 5 = Sat 6 Jul → Mon 8 Jul
        as(otherClerk).get("/api/counties/" + county + "/overdue-steps").then().statusCode(200).body("caseId", not(hasItem((int) id)));
        String page = as(approver).get("/cases/overdue").then().statusCode(200).body(containsString("逾期台账"))
                .body(containsString("受理与入户核实")).extract().asString();
        // Villages by name, never by code.
        String text = page.replaceAll("<[^>]*>", " ");
        assertTrue(text.contains("测试村101") && !text.contains(village) && !text.contains(otherVillage), text);
        // The case's history names who opened it by display name (the username only in a title).
        String detail = as(approver).get("/cases/" + id).then().statusCode(200).extract().asString();
        assertTrue(detail.contains("title=\"" + clerk + "\">测试用户" + clerk + "</span>"), detail);
        assertTrue(!detail.replaceAll("<[^>]*>", " ").replace("测试用户" + clerk, "").contains(clerk), detail);
    }

    @Test
    void theTownshipDecidesManyCasesAtOnceAndEachIsReported() {
        List<Long> ready = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long id = openCase(household(), "2024-05-06");
            for (String step : List.of("verify", "authorize", "review")) {
                complete(clerk, id, step, "2024-05-07");
            }
            complete(clerk, id, "notice", "2024-05-13");
            ready.add(id);
        }
        long notReady = openCase(household(), "2024-05-06");
        as(reviewer).get("/api/counties/" + county + "/inbox").then().statusCode(200).body("caseId", hasItem(ready.get(0).intValue()))
                .body("caseId", not(hasItem((int) notReady)));
        as(otherClerk).get("/api/counties/" + county + "/inbox").then().statusCode(200).body("caseId", not(hasItem(ready.get(0).intValue())));
        List<Long> ids = new java.util.ArrayList<>(ready);
        ids.add(notReady);
        // The inbox names the village and the 户主.
        as(reviewer).get("/api/counties/" + county + "/inbox").then().statusCode(200)
                .body("find { it.caseId == " + ready.get(0) + " }.villageName", equalTo("测试村101"))
                .body("find { it.caseId == " + ready.get(0) + " }.headName", containsString("刘福"));
        // Each line says what its case says, and the lines run earliest due first (undated last), then by village and case.
        List<Map<String, Object>> lines = as(reviewer).get("/api/counties/" + county + "/inbox").then().statusCode(200).extract().jsonPath()
                .getList("$");
        assertTrue(lines.size() >= 3, lines.toString());
        assertLinesSayWhatTheirCasesSay(lines);
        assertTrue(lines.stream().anyMatch(l -> !((List<?>) l.get("evidenceRequired")).isEmpty()), lines.toString());
        // A case moved by a replica of the release before (a rolling upgrade) keeps the label and evidence copied for its
        // previous step: the inbox reads its step row instead.
        Sql.execute("UPDATE " + Sql.database(county) + ".monitoring_case SET current_step_label = '旧步骤', current_step_evidence = '旧材料',"
                + " current_step_copy_of = 'review' WHERE id = " + ready.get(1));
        List<Map<String, Object>> afterUpgrade = as(reviewer).get("/api/counties/" + county + "/inbox").then().statusCode(200).extract()
                .jsonPath().getList("$");
        assertEquals(lines, afterUpgrade);
        assertLinesSayWhatTheirCasesSay(afterUpgrade);
        java.util.Comparator<Map<String, Object>> inboxOrder = java.util.Comparator
                .<Map<String, Object>, String>comparing(l -> l.get("dueOn") == null ? "9999-12-31" : (String) l.get("dueOn"))
                .thenComparing(l -> (String) l.get("villageCode")).thenComparing(l -> ((Number) l.get("caseId")).longValue());
        assertEquals(lines.stream().sorted(inboxOrder).toList(), lines);
        // A village clerk's inbox (read from its own index, the village an equality): the case still at 受理与入户核实 is
        // there, only the clerk's village, in the same order; the other village's clerk does not see it.
        List<Map<String, Object>> mine = as(clerk).get("/api/counties/" + county + "/inbox").then().statusCode(200).extract().jsonPath()
                .getList("$");
        assertTrue(mine.stream().anyMatch(l -> ((Number) l.get("caseId")).longValue() == notReady), mine.toString());
        assertTrue(mine.stream().noneMatch(l -> ready.contains(((Number) l.get("caseId")).longValue())), "the township's steps are not the clerk's");
        assertEquals(List.of(village), mine.stream().map(l -> l.get("villageCode")).distinct().toList());
        assertLinesSayWhatTheirCasesSay(mine);
        assertEquals(mine.stream().sorted(inboxOrder).toList(), mine);
        as(otherClerk).get("/api/counties/" + county + "/inbox").then().statusCode(200).body("caseId", not(hasItem((int) notReady)));
        // One case has its own evidence text; the others take the shared one.
        JsonPath results = as(reviewer).body(Map.of("caseIds", ids, "action", "COMPLETE", "stepId", "township",
                "evidence", Map.of("乡镇审核意见", "同意上报"), "caseEvidence", Map.of(String.valueOf(ready.get(2)), Map.of("乡镇审核意见", "同意，另附说明"))))
                .post("/api/counties/" + county + "/case-batches").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(true, true, true, false), results.getList("ok"));
        assertTrue(results.getString("[3].message").contains("受理与入户核实"), results.prettify());
        // Each result is named by 户编号 and 户主, the failed one included.
        for (int i = 0; i < 4; i++) {
            long id = results.getLong("[" + i + "].caseId");
            assertEquals(get(id).getString("householdNo"), results.getString("[" + i + "].householdNo"));
            assertTrue(results.getString("[" + i + "].headName").startsWith("刘福"), results.prettify());
        }
        ready.forEach(id -> assertEquals("county", get(id).getString("currentStep")));
        assertEquals("同意上报", get(ready.get(0)).getString("steps.find { it.stepId == 'township' }.evidence.乡镇审核意见"));
        assertEquals("同意，另附说明", get(ready.get(2)).getString("steps.find { it.stepId == 'township' }.evidence.乡镇审核意见"));
        as(approver).get("/api/counties/" + county + "/inbox").then().statusCode(200).body("caseId", hasItem(ready.get(1).intValue()));
        JsonPath returned = as(approver).body(Map.of("caseIds", ready.subList(0, 2), "action", "RETURN", "reason", "请补充比对结果"))
                .post("/api/counties/" + county + "/case-batches").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(true, true), returned.getList("ok"));
        assertEquals("township", get(ready.get(0)).getString("currentStep"));
    }

    @Inject
    HeadNameRepairJob headNameRepair;

    @Inject
    TenantDirectory tenants;

    @Test
    void theInboxNamesTheHeadAsTheHouseholdKeepsItAndTheNightlyRepairCatchesUpWithAnOlderReplica() throws Exception {
        long h = household();
        long id = openCase(h, "2024-05-06");
        String head = Sql.column("SELECT name FROM " + Sql.database(county) + ".member WHERE household_id = " + h).get(0);
        String line = "find { it.caseId == " + id + " }.headName";
        as(clerk).get("/api/counties/" + county + "/inbox").then().statusCode(200).body(line, equalTo(head));
        // A replica of the release before renames the head without keeping the household's copy (a rolling upgrade): the
        // inbox shows the copy until the nightly repair puts it right.
        Sql.execute("UPDATE " + Sql.database(county) + ".member SET name = '刘福新' WHERE household_id = " + h);
        as(clerk).get("/api/counties/" + county + "/inbox").then().statusCode(200).body(line, equalTo(head));
        headNameRepair.run(tenants.find(county).orElseThrow());
        as(clerk).get("/api/counties/" + county + "/inbox").then().statusCode(200).body(line, equalTo("刘福新"));
        assertEquals(List.of(), Sql.column("SELECT h.id FROM " + Sql.database(county) + ".household h WHERE NOT (h.head_name <=>"
                + " (SELECT m.name FROM " + Sql.database(county) + ".member m WHERE m.household_id = h.id AND m.active = TRUE"
                + " AND m.relation = 'HEAD' ORDER BY m.id LIMIT 1))"), "every household of the county matches its members");
        // A household that release created has no copy at all: the inbox reads the head from the members.
        Sql.execute("UPDATE " + Sql.database(county) + ".household SET head_name = NULL WHERE id = " + h);
        Sql.execute("UPDATE " + Sql.database(county) + ".member SET name = '刘福旧' WHERE household_id = " + h);
        as(clerk).get("/api/counties/" + county + "/inbox").then().statusCode(200).body(line, equalTo("刘福旧"));
    }

    /** The 待办 page's batch form, posted as a browser does: results by name, and what was typed kept when not all was done. */
    @Test
    void theInboxPageNamesHouseholdsAndKeepsWhatWasTypedWhenABatchFails() {
        long a = openCase(household(), "2024-05-06");
        long b = openCase(household(), "2024-05-06");
        for (long id : List.of(a, b)) {
            for (String step : List.of("verify", "authorize", "review")) {
                complete(clerk, id, step, "2024-05-07");
            }
            complete(clerk, id, "notice", "2024-05-13");
        }
        String token = Api.token(reviewer);
        String inbox = as(reviewer).accept("text/html").get("/inbox").then().statusCode(200).extract().asString();
        assertTrue(inbox.contains("测试村101") && !inbox.contains("<td>" + village + "</td>"), "village names, not codes");
        assertTrue(inbox.contains("data-select-all=\"caseIds\""), "select-all per batch group");
        String noA = get(a).getString("householdNo");
        String noB = get(b).getString("householdNo");
        // No shared 乡镇审核意见: case a has its own, so it is done; case b is not, stays ticked, and the typed reason is kept.
        String page = cn.fpjc.app.support.BrowserForm.from("/inbox", token).formParam("caseIds", a).formParam("caseIds", b)
                .formParam("stepId", "township").formParam("action", "COMPLETE").formParam("evidence.乡镇审核意见", "")
                .formParam("caseEvidence." + a + ".乡镇审核意见", "同意（本户）").formParam("reason", "材料不全请补充")
                .post("/inbox/batch").then().statusCode(200).extract().asString();
        String results = page.substring(page.indexOf("id=\"batch-results\""), page.indexOf("</table>", page.indexOf("id=\"batch-results\"")));
        assertTrue(results.contains(">" + noA + "</a>") && results.contains(">" + noB + "</a>") && results.contains("刘福"), results);
        assertTrue(results.contains("请填写「乡镇审核意见」"), results);
        assertEquals("county", get(a).getString("currentStep"));
        assertEquals("同意（本户）", get(a).getString("steps.find { it.stepId == 'township' }.evidence.乡镇审核意见"));
        assertTrue(page.contains("value=\"" + b + "\" aria-label=\"选择" + noB + "\" checked"), "the case not done stays ticked");
        assertTrue(page.contains("name=\"reason\" value=\"材料不全请补充\""), "the typed reason is kept");
        // A refused batch (a date that does not exist) shows the form again with everything typed.
        String refused = cn.fpjc.app.support.BrowserForm.from("/inbox", token).formParam("caseIds", b).formParam("stepId", "township")
                .formParam("action", "COMPLETE").formParam("evidence.乡镇审核意见", "同意上报（保留）").formParam("noticeFrom", "2024-02-30")
                .formParam("caseEvidence." + b + ".乡镇审核意见", "本户另议").post("/inbox/batch").then().statusCode(400).extract().asString();
        assertTrue(refused.contains("name=\"evidence.乡镇审核意见\" value=\"同意上报（保留）\""), refused);
        assertTrue(refused.contains("name=\"caseEvidence." + b + ".乡镇审核意见\" value=\"本户另议\""), refused);
        assertTrue(refused.contains("value=\"" + b + "\" aria-label=\"选择" + noB + "\" checked"), refused);
        assertEquals("township", get(b).getString("currentStep"));
    }

    @Test
    void casesFollowTheOrgScopeAndConcurrentDecisionsDoNotBothWin() {
        long id = openCase(household(), "2024-06-03");
        as(otherClerk).get(url(id)).then().statusCode(404);
        as(otherClerk).body(at(id, Map.of("stepId", "verify", "evidence", Map.of()))).post(url(id) + "/complete").then().statusCode(404);
        String other = Api.onboard("henan", "41");
        String stranger = Api.createUser("t_case_stranger_" + other, Roles.COUNTY_ADMIN, other, other);
        as(stranger).get(url(id)).then().statusCode(403);
        as(otherClerk).body(Map.of("householdId", get(id).getLong("householdId"), "monitoringType", "脱贫不稳定户",
                "riskCategories", List.of("因病"))).post("/api/counties/" + county + "/cases").then().statusCode(404);
        long version = get(id).getLong("version");
        Map<String, Object> body = Map.of("stepId", "verify", "evidence", Map.of("书面申请", "有", "入户核实记录", "有"), "completedOn",
                "2024-06-04", "version", version);
        as(clerk).body(body).post(url(id) + "/complete").then().statusCode(200);
        as(clerk).body(body).post(url(id) + "/complete").then().statusCode(409).body("code", equalTo("CONCURRENT_UPDATE"));
        assertEquals("authorize", get(id).getString("currentStep"));
    }

    @Test
    void theCountysApprovalMakesAnOrdinaryHouseholdMonitoredThroughTheRegistry() {
        long household = household();
        String registry = "/api/counties/" + county + "/households/" + household;
        long id = openCase(household, "2024-04-01");
        for (String[] s : new String[][] { { clerk, "verify" }, { clerk, "authorize" }, { clerk, "review" }, { clerk, "notice" },
                { reviewer, "township" } }) {
            complete(s[0], id, s[1], s[1].equals("notice") || s[1].equals("township") ? "2024-04-12" : "2024-04-02");
        }
        as(clerk).get(registry).then().statusCode(200).body("category", equalTo("ORDINARY"))
                .body("events.kind", not(hasItem("CATEGORY_CHANGED")));
        complete(approver, id, "county", "2024-04-15");

        // The household's history shows the change, by whom and why; the audit log has its before and after.
        JsonPath h = as(clerk).get(registry).then().statusCode(200).body("category", equalTo("MONITORED")).extract().jsonPath();
        assertEquals("户类型变更", h.getString("events.find { it.kind == 'CATEGORY_CHANGED' }.kindLabel"));
        assertEquals(approver, h.getString("events.find { it.kind == 'CATEGORY_CHANGED' }.actor"));
        String detail = h.getString("events.find { it.kind == 'CATEGORY_CHANGED' }.detail");
        assertTrue(detail.contains("一般农户 → 监测户") && detail.contains("案件 " + id), detail);
        as(approver).queryParam("entityType", "household").queryParam("entityId", h.getString("householdNo"))
                .get("/api/counties/" + county + "/audit-log").then().statusCode(200)
                .body("[0].action", equalTo("CHANGE_CATEGORY")).body("[0].actor", equalTo(approver))
                .body("[0].before", containsString("ORDINARY")).body("[0].after", containsString("MONITORED"));
    }
}
