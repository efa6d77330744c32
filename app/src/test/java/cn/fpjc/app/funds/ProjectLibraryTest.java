package cn.fpjc.app.funds;

import static cn.fpjc.app.support.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.fpjc.app.funds.FundsFixture.County;
import cn.fpjc.app.support.Api;
import cn.fpjc.core.platform.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The project library under Heilongjiang's rules (黑农办发〔2024〕7号 衔接资金使用管理) and Henan's (绩效目标): 村申报 → 乡审核 →
 * 部门论证 → 县审定 with 三公示一公告, 立项 within 45 days of the indicator document, the negative list, 联农带农 for operating
 * projects, due diligence at 20,000,000, fee caps, changes approved again with the old version kept, and org scope.
 */
@QuarkusTest
class ProjectLibraryTest {
    static final LocalDate START = LocalDate.of(2025, 3, 3);
    final List<County> used = new ArrayList<>();

    County county(String province, String code) {
        County c = FundsFixture.county(province, code);
        used.add(c);
        return c;
    }

    @AfterEach
    void resetClocks() {
        used.forEach(FundsFixture::resetClock);
    }

    static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> b = new HashMap<>(body);
        b.put(key, value);
        return b;
    }

    @Test
    void aProjectGoesFromTheVillageToTheLibraryToApprovalAndAuditWithEveryStepInItsHistory() {
        County c = county("heilongjiang", "23");
        FundsFixture.setToday(c, START);
        long central = FundsFixture.allocation(c, 2025, "CENTRAL", "1000000", START);
        long id = FundsFixture.declare(c, FundsFixture.project(c, 2025, "黑木耳大棚", "INDUSTRY", "OPERATING", Map.of("CENTRAL", "300000")));
        JsonPath declared = FundsFixture.get(c, id);
        assertEquals("DECLARED", declared.getString("status"));
        assertEquals("发布村级申报公示，期满后乡镇审核", declared.getString("next"));

        // The township cannot review before the village notice is over.
        String p = c.base() + "/projects/" + id;
        as(c.clerk()).body(FundsFixture.notice("VILLAGE_NOTICE", START, START.plusDays(4), "村务公开栏")).post(p + "/notices").then().statusCode(200);
        as(c.reviewer()).body(Map.of("approve", true, "version", FundsFixture.version(c, id))).post(p + "/township-review").then().statusCode(409)
                .body("code", equalTo("NOTICE_NOT_OVER")).body("message", containsString("2025-03-08 起可办理"));
        // One village notice per version: a second is refused by the unique key.
        as(c.clerk()).body(FundsFixture.notice("VILLAGE_NOTICE", START, START.plusDays(6), "村务公开栏")).post(p + "/notices").then().statusCode(409)
                .body("code", equalTo("NOTICE_EXISTS"));
        // A department cannot skip the township.
        as(c.dept()).body(Map.of("approve", true, "version", FundsFixture.version(c, id))).post(p + "/assessment").then().statusCode(409)
                .body("code", equalTo("PROJECT_STEP_NOT_ALLOWED"));
        FundsFixture.setToday(c, START.plusDays(5));
        as(c.reviewer()).body(Map.of("approve", true, "opinion", "同意", "version", FundsFixture.version(c, id))).post(p + "/township-review").then()
                .statusCode(200).body("status", equalTo("TOWNSHIP_REVIEWED"));
        // The rest of the way, as the fixture walks it.
        as(c.reviewer()).body(FundsFixture.notice("TOWNSHIP_NOTICE", START.plusDays(5), START.plusDays(9), "乡镇政务公开栏")).post(p + "/notices").then()
                .statusCode(200);
        FundsFixture.setToday(c, START.plusDays(10));
        as(c.dept()).body(Map.of("approve", true, "version", FundsFixture.version(c, id))).post(p + "/assessment").then().statusCode(200);
        as(c.admin()).body(Map.of("approve", true, "version", FundsFixture.version(c, id))).post(p + "/county-decision").then().statusCode(403);
        as(c.approver()).body(Map.of("approve", true, "version", FundsFixture.version(c, id))).post(p + "/county-decision").then().statusCode(200)
                .body("revision", equalTo(1));
        as(c.admin()).body(FundsFixture.notice("COUNTY_NOTICE", START.plusDays(10), START.plusDays(14), "县政府网站")).post(p + "/notices").then()
                .statusCode(200);
        as(c.admin()).body(FundsFixture.notice("COUNTY_ANNOUNCEMENT", START.plusDays(10), null, "县政府网站")).post(p + "/notices").then()
                .statusCode(409).body("code", equalTo("NOTICE_NOT_OVER"));
        FundsFixture.setToday(c, START.plusDays(15));
        as(c.admin()).body(FundsFixture.notice("COUNTY_ANNOUNCEMENT", START.plusDays(15), null, "县政府网站")).post(p + "/notices").then()
                .statusCode(200).body("status", equalTo("LISTED")).body("listedOn", equalTo("2025-03-18"));
        FundsFixture.approve(c, id, Map.of("CENTRAL", central), START.plusDays(15));
        as(c.admin()).body(Map.of("date", START.plusDays(15).toString(), "version", FundsFixture.version(c, id))).post(p + "/audit").then().statusCode(409)
                .body("code", equalTo("PROJECT_STEP_NOT_ALLOWED"));
        as(c.admin()).body(Map.of("date", START.plusDays(15).toString(), "version", FundsFixture.version(c, id))).post(p + "/completion").then()
                .statusCode(200);
        as(c.admin()).body(Map.of("date", START.plusDays(15).toString(), "version", FundsFixture.version(c, id))).post(p + "/audit").then()
                .statusCode(200).body("status", equalTo("AUDITED")).body("next", equalTo("登记项目资产"));

        JsonPath done = FundsFixture.get(c, id);
        assertEquals(List.of("申报", "发布村级申报公示", "乡镇审核通过", "发布乡镇审核公示", "部门论证通过", "县级审定通过", "发布县级审定公示", "县级公告入库",
                "立项批复", "竣工验收", "决算审计"), done.getList("history.step"));
        assertEquals(4, done.getList("notices").size());
        assertEquals(1, done.getList("revisions").size());
        assertEquals(List.of("ASSET_INCOME"), done.getList("linkages.kind"));
        // The allocation shows what it pays for, and the 45-day clock met.
        as(c.admin()).get(c.base() + "/allocations/" + central).then().statusCode(200).body("arranged", equalTo(300000.0f))
                .body("unarranged", equalTo(700000.0f)).body("projects[0].approvedInTime", equalTo(true)).body("approvalState", equalTo("未到期"));
    }

    @Test
    void theFortyFiveDayClockMovesOffTheNationalDayHolidayAndALateApprovalIsShownLate() {
        County c = county("heilongjiang", "23");
        LocalDate received = LocalDate.of(2024, 8, 20);
        FundsFixture.setToday(c, received);
        long a = FundsFixture.allocation(c, 2024, "PROVINCIAL", "200000", received);
        // 2024-08-20 + 45 days = 2024-10-04, inside 国庆节 (10-01 to 10-07): due on the next working day, 10-08.
        as(c.admin()).get(c.base() + "/allocations/" + a).then().statusCode(200).body("approvalDue", equalTo("2024-10-08"))
                .body("approvalRule", containsString("45天")).body("approvalRule", containsString("顺延")).body("approvalRule", containsString("黑农办发〔2024〕7号"));
        long onTime = FundsFixture.declare(c, FundsFixture.project(c, 2024, "村道硬化", "INFRASTRUCTURE", "PUBLIC_WELFARE", Map.of("PROVINCIAL", "100000")));
        long late = FundsFixture.declare(c, FundsFixture.project(c, 2024, "灌溉渠", "INFRASTRUCTURE", "PUBLIC_WELFARE", Map.of("PROVINCIAL", "100000")));
        FundsFixture.list(c, onTime, LocalDate.of(2024, 9, 2));
        FundsFixture.list(c, late, LocalDate.of(2024, 9, 2));
        FundsFixture.setToday(c, LocalDate.of(2024, 10, 9));
        FundsFixture.approve(c, onTime, Map.of("PROVINCIAL", a), LocalDate.of(2024, 10, 8));
        as(c.admin()).get(c.base() + "/allocations/" + a).then().body("approvalState", equalTo("已逾期"));
        FundsFixture.approve(c, late, Map.of("PROVINCIAL", a), LocalDate.of(2024, 10, 9));
        as(c.admin()).get(c.base() + "/allocations/" + a).then().body("approvalState", equalTo("逾期完成"))
                .body("projects.find { it.id == " + onTime + " }.approvedInTime", equalTo(true))
                .body("projects.find { it.id == " + late + " }.approvedInTime", equalTo(false));
        // Another township's reviewer sees the document's sums and state, not the projects it does not cover.
        String[] other = Api.addTownshipAndVillage(c.admin(), c.code(), "102");
        String outsider = Api.createUser("t_fd_rev3_" + c.code(), Roles.TOWNSHIP_REVIEWER, c.code(), other[0]);
        as(outsider).get(c.base() + "/allocations/" + a).then().statusCode(200).body("projects", hasSize(0))
                .body("arranged", equalTo(200000.0f)).body("approvalState", equalTo("逾期完成"));
    }

    @Test
    void theNegativeListOperatingProjectsWithoutLinkageAndHenansTargetsAreRefusedWithTheirSources() {
        County c = county("heilongjiang", "23");
        FundsFixture.setToday(c, START);
        Map<String, Object> body = FundsFixture.project(c, 2025, "村部办公楼", "OTHER", "PUBLIC_WELFARE", Map.of("CENTRAL", "500000"));
        as(c.clerk()).body(with(body, "usage", "OFFICE_BUILDINGS")).post(c.base() + "/projects").then().statusCode(422)
                .body("code", equalTo("PROJECT_REFUSED")).body("message", containsString("衔接资金负面清单"))
                .body("message", containsString("修建楼堂馆所")).body("message", containsString("黑农办发〔2024〕7号"));
        Map<String, Object> operating = FundsFixture.project(c, 2025, "肉牛养殖场", "INDUSTRY", "OPERATING", Map.of("CENTRAL", "500000"));
        as(c.clerk()).body(with(operating, "linkages", List.of())).post(c.base() + "/projects").then().statusCode(422)
                .body("message", containsString("经营性项目未建立联农带农机制")).body("message", containsString("黑农办发〔2024〕7号"));
        as(c.clerk()).body(operating).post(c.base() + "/projects").then().statusCode(201)
                .body("checks.find { it.rule == '经营性项目须建立联农带农机制' }.result", equalTo("符合"));
        // A public-welfare project needs no mechanism; Heilongjiang sets no target rule.
        as(c.clerk()).body(with(with(body, "linkages", List.of()), "targets", List.of())).post(c.base() + "/projects").then().statusCode(201);

        County henan = county("henan", "41");
        FundsFixture.setToday(henan, START);
        Map<String, Object> noTargets = with(FundsFixture.project(henan, 2025, "小型水利", "INFRASTRUCTURE", "PUBLIC_WELFARE",
                Map.of("CENTRAL", "100000")), "targets", List.of());
        as(henan.clerk()).body(noTargets).post(henan.base() + "/projects").then().statusCode(422)
                .body("message", containsString("没有绩效目标的项目不得纳入项目库"));
    }

    @Test
    void anEnterpriseRunProjectOfTwentyMillionNeedsDueDiligenceBeforeTheCountyDecides() {
        County c = county("heilongjiang", "23");
        FundsFixture.setToday(c, START);
        Map<String, Object> big = with(FundsFixture.project(c, 2025, "农产品加工园", "INDUSTRY", "OPERATING",
                Map.of("CENTRAL", "15000000", "INTEGRATED", "5000000")), "enterpriseRun", true);
        long id = FundsFixture.declare(c, big);
        assertEquals("待办理", FundsFixture.get(c, id).getString("checks.find { it.rule == '依托企业实施的大额项目须履行尽职调查' }.result"));
        String p = c.base() + "/projects/" + id;
        as(c.clerk()).body(FundsFixture.notice("VILLAGE_NOTICE", START, START.plusDays(4), "村务公开栏")).post(p + "/notices").then().statusCode(200);
        FundsFixture.setToday(c, START.plusDays(5));
        as(c.reviewer()).body(Map.of("approve", true, "version", FundsFixture.version(c, id))).post(p + "/township-review").then().statusCode(200);
        as(c.reviewer()).body(FundsFixture.notice("TOWNSHIP_NOTICE", START.plusDays(5), START.plusDays(9), "乡镇")).post(p + "/notices").then().statusCode(200);
        FundsFixture.setToday(c, START.plusDays(10));
        as(c.dept()).body(Map.of("approve", true, "version", FundsFixture.version(c, id))).post(p + "/assessment").then().statusCode(200);
        as(c.approver()).body(Map.of("approve", true, "version", FundsFixture.version(c, id))).post(p + "/county-decision").then().statusCode(422)
                .body("message", containsString("达到 20000000 元")).body("message", containsString("尽职调查"));
        as(c.dept()).body(Map.of("dueDiligenceOn", START.plusDays(10).toString(), "dueDiligenceNote", "尽职调查报告（第三方）", "version",
                FundsFixture.version(c, id))).post(p + "/due-diligence").then().statusCode(200);
        as(c.approver()).body(Map.of("approve", true, "version", FundsFixture.version(c, id))).post(p + "/county-decision").then().statusCode(200)
                .body("status", equalTo("COUNTY_DECIDED"));
        // Just under the threshold: no due diligence needed.
        Map<String, Object> under = with(FundsFixture.project(c, 2025, "冷链仓储", "INDUSTRY", "OPERATING", Map.of("CENTRAL", "19999999.99")),
                "enterpriseRun", true);
        as(c.clerk()).body(under).post(c.base() + "/projects").then().statusCode(201)
                .body("checks.find { it.rule == '依托企业实施的大额项目须履行尽职调查' }.result", equalTo("符合"));
    }

    @Test
    void approvalsStayWithinTheDocumentAndTheManagementFeeCap() {
        County c = county("heilongjiang", "23");
        FundsFixture.setToday(c, START);
        long central = FundsFixture.allocation(c, 2025, "CENTRAL", "1000000", START);
        // 1 % of 1,000,000 central = 10,000.00: one fen more is refused, exactly the cap is approved.
        long tooMuch = FundsFixture.declare(c, with(FundsFixture.project(c, 2025, "项目管理费", "MANAGEMENT_FEE", "PUBLIC_WELFARE",
                Map.of("CENTRAL", "10000.01")), "usage", "PROJECT_MANAGEMENT"));
        long exact = FundsFixture.declare(c, with(FundsFixture.project(c, 2025, "项目管理费（调整）", "MANAGEMENT_FEE", "PUBLIC_WELFARE",
                Map.of("CENTRAL", "10000")), "usage", "PROJECT_MANAGEMENT"));
        long large = FundsFixture.declare(c, FundsFixture.project(c, 2025, "产业园", "INDUSTRY", "OPERATING", Map.of("CENTRAL", "995000")));
        FundsFixture.list(c, tooMuch, START);
        FundsFixture.list(c, exact, START);
        FundsFixture.list(c, large, START);
        JsonPath p = FundsFixture.get(c, tooMuch);
        as(c.approver()).body(Map.of("approvalDoc", "测复1号", "approvedOn", START.plusDays(15).toString(), "allocations",
                List.of(Map.of("fundingId", p.getLong("fundings[0].id"), "allocationId", central)), "version", p.getLong("version")))
                .post(c.base() + "/projects/" + tooMuch + "/approval").then().statusCode(422).body("code", equalTo("FEE_CAP_EXCEEDED"))
                .body("message", containsString("超过 1%")).body("message", containsString("黑农办发〔2024〕7号"));
        FundsFixture.approve(c, exact, Map.of("CENTRAL", central), START.plusDays(15));
        // 995,000 more would take the document past its 1,000,000: refused, nothing written.
        JsonPath l = FundsFixture.get(c, large);
        as(c.approver()).body(Map.of("approvalDoc", "测复2号", "approvedOn", START.plusDays(15).toString(), "allocations",
                List.of(Map.of("fundingId", l.getLong("fundings[0].id"), "allocationId", central)), "version", l.getLong("version")))
                .post(c.base() + "/projects/" + large + "/approval").then().statusCode(422).body("code", equalTo("FUNDING_EXCEEDS_ALLOCATION"));
        assertEquals("LISTED", FundsFixture.get(c, large).getString("status"));
        // A connecting-fund line without a document is refused by field.
        as(c.approver()).body(Map.of("approvalDoc", "测复3号", "approvedOn", START.plusDays(15).toString(), "allocations", List.of(), "version",
                l.getLong("version"))).post(c.base() + "/projects/" + large + "/approval").then().statusCode(400)
                .body("fields[0].field", equalTo("allocations"));
    }

    @Test
    void aChangeOfAnApprovedProjectTakesEffectOnlyWhenApprovedAgainAndTheOldVersionIsKept() {
        County c = county("heilongjiang", "23");
        FundsFixture.setToday(c, START);
        long central = FundsFixture.allocation(c, 2025, "CENTRAL", "1000000", START);
        Map<String, Object> body = FundsFixture.project(c, 2025, "蔬菜大棚", "INDUSTRY", "OPERATING", Map.of("CENTRAL", "200000"));
        long id = FundsFixture.approvedProject(c, body, Map.of("CENTRAL", central), START);
        String p = c.base() + "/projects/" + id;
        long line = FundsFixture.get(c, id).getLong("fundings[0].id");
        as(c.finance()).body(SpendingProgressTest.payment(line, "50000.00", START.plusDays(15).toString(), "记-CH-1")).post(p + "/payments").then()
                .statusCode(201);
        Map<String, Object> changed = with(with(body, "name", "蔬菜大棚（扩建）"), "fundings", List.of(Map.of("source", "CENTRAL", "amount", "250000")));
        as(c.clerk()).body(Map.of("project", changed, "reason", "扩建")).post(p + "/changes").then().statusCode(403);
        as(c.admin()).body(Map.of("project", changed, "reason", "群众要求扩大规模")).post(p + "/changes").then().statusCode(201);
        as(c.admin()).body(Map.of("project", changed, "reason", "再次申请")).post(p + "/changes").then().statusCode(409)
                .body("code", equalTo("CHANGE_PENDING"));
        JsonPath pending = FundsFixture.get(c, id);
        assertEquals("蔬菜大棚", pending.getString("name"));
        long change = pending.getLong("changes[0].id");
        as(c.admin()).body(Map.of("approve", true)).post(p + "/changes/" + change + "/decision").then().statusCode(403);
        as(c.approver()).body(Map.of("approve", true, "opinion", "同意变更")).post(p + "/changes/" + change + "/decision").then().statusCode(200)
                .body("name", equalTo("蔬菜大棚（扩建）")).body("revision", equalTo(2)).body("totalAmount", equalTo(250000.0f))
                .body("fundings[0].allocationId", equalTo((int) central)).body("revisions", hasSize(2))
                .body("revisions[0].content.name", equalTo("蔬菜大棚")).body("revisions[1].reason", equalTo("群众要求扩大规模"))
                .body("changes[0].status", equalTo("APPROVED")).body("fundings[0].id", equalTo((int) line));
        // Below what was paid, or beyond what the document holds: refused at the county's decision, the change still pending.
        for (String[] t : new String[][] { { "40000", "不能低于已支付金额" }, { "1000000.01", "已安排" } }) {
            as(c.admin()).body(Map.of("project", with(changed, "fundings", List.of(Map.of("source", "CENTRAL", "amount", t[0]))), "reason", "调整"))
                    .post(p + "/changes").then().statusCode(201);
            long pendingId = FundsFixture.get(c, id).getLong("changes.find { it.status == 'PENDING' }.id");
            as(c.approver()).body(Map.of("approve", true)).post(p + "/changes/" + pendingId + "/decision").then().statusCode(t[0].equals("40000") ? 409 : 422)
                    .body("message", containsString(t[1]));
            as(c.approver()).body(Map.of("approve", false, "opinion", "不同意")).post(p + "/changes/" + pendingId + "/decision").then().statusCode(200);
        }
        assertEquals(0, new java.math.BigDecimal("250000").compareTo(new java.math.BigDecimal(FundsFixture.get(c, id).getString("totalAmount"))));
    }

    @Test
    void aTownshipSeesItsOwnProjectsOnlyAndTheLibraryShowsItsDeadlines() {
        County c = county("heilongjiang", "23");
        FundsFixture.setToday(c, LocalDate.of(2024, 12, 5));
        String[] other = Api.addTownshipAndVillage(c.admin(), c.code(), "102");
        String otherReviewer = Api.createUser("t_fd_rev2_" + c.code(), Roles.TOWNSHIP_REVIEWER, c.code(), other[0]);
        long id = FundsFixture.declare(c, FundsFixture.project(c, 2025, "光伏板清洗", "INDUSTRY", "PUBLIC_WELFARE", Map.of("CENTRAL", "50000")));
        as(otherReviewer).get(c.base() + "/projects/" + id).then().statusCode(404);
        as(otherReviewer).get(c.base() + "/projects?year=2025").then().statusCode(200).body("total", equalTo(0));
        as(c.reviewer()).get(c.base() + "/projects?year=2025").then().statusCode(200).body("items.id", hasItem((int) id));
        // A county-level project across both townships starts at the county and is seen by each township it reaches.
        Map<String, Object> wide = with(FundsFixture.project(c, 2025, "跨乡镇产业路", "INFRASTRUCTURE", "PUBLIC_WELFARE", Map.of("CENTRAL", "90000")),
                "villages", List.of(c.village(), other[1]));
        long county = as(c.admin()).body(wide).post(c.base() + "/projects").then().statusCode(201).body("townshipCode", org.hamcrest.Matchers.nullValue())
                .body("status", equalTo("TOWNSHIP_REVIEWED")).extract().jsonPath().getLong("id");
        as(otherReviewer).get(c.base() + "/projects?year=2025").then().statusCode(200).body("items.id", equalTo(List.of((int) county)));
        as(otherReviewer).get(c.base() + "/projects/" + county).then().statusCode(200);
        // A clerk cannot declare in another township's village.
        as(c.clerk()).body(with(FundsFixture.project(c, 2025, "越权", "INDUSTRY", "PUBLIC_WELFARE", Map.of("CENTRAL", "1")), "villages",
                List.of(other[1]))).post(c.base() + "/projects").then().statusCode(400).body("fields[0].field", equalTo("villages"));

        as(c.admin()).get(c.base() + "/library/2025").then().statusCode(200).body("libraryDue", equalTo("2024-10-31"))
                .body("planDue", equalTo("2024-11-30")).body("planRule", containsString("黑农办发〔2024〕7号")).body("planState", equalTo("逾期未编制"));
        as(c.approver()).body(Map.of("completedOn", "2024-12-03", "docNumber", "测政办〔2024〕9号")).post(c.base() + "/library/2025/plan").then()
                .statusCode(200).body("planState", equalTo("逾期编制"));
        as(c.approver()).body(Map.of("completedOn", "2024-12-04")).post(c.base() + "/library/2025/plan").then().statusCode(409)
                .body("code", equalTo("PLAN_EXISTS"));
        County henan = county("henan", "41");
        as(henan.admin()).get(henan.base() + "/library/2025").then().statusCode(200).body("libraryRule", containsString("本省未设定"));
    }

    @Test
    void aBatchOfTownshipReviewsDecidesEachProjectOnItsOwnAndTheLedgerListsTheYear() throws Exception {
        County c = county("heilongjiang", "23");
        FundsFixture.setToday(c, START);
        long ready = FundsFixture.declare(c, FundsFixture.project(c, 2025, "A 庭院经济", "INDUSTRY", "HOUSEHOLD", Map.of("CENTRAL", "80000")));
        long notYet = FundsFixture.declare(c, FundsFixture.project(c, 2025, "B 村级道路", "INFRASTRUCTURE", "PUBLIC_WELFARE",
                Map.of("PROVINCIAL", "120000", "DONATION", "5000.5", "PAIRED_ASSISTANCE", "1000")));
        as(c.clerk()).body(FundsFixture.notice("VILLAGE_NOTICE", START, START.plusDays(4), "村务公开栏")).post(c.base() + "/projects/" + ready + "/notices")
                .then().statusCode(200);
        FundsFixture.setToday(c, START.plusDays(5));
        List<Map<String, Object>> items = List.of(Map.of("id", ready, "version", FundsFixture.version(c, ready)),
                Map.of("id", notYet, "version", FundsFixture.version(c, notYet)));
        as(c.reviewer()).body(Map.of("step", "TOWNSHIP_REVIEW", "items", items, "approve", true, "opinion", "同意")).post(c.base() + "/projects/decisions")
                .then().statusCode(200).body("find { it.id == " + ready + " }.ok", equalTo(true))
                .body("find { it.id == " + notYet + " }.ok", equalTo(false))
                .body("find { it.id == " + notYet + " }.message", containsString("尚未发布村级申报公示"));
        assertEquals("TOWNSHIP_REVIEWED", FundsFixture.get(c, ready).getString("status"));
        assertEquals("DECLARED", FundsFixture.get(c, notYet).getString("status"));
        // A clerk may not take a township's step, in a batch or not.
        as(c.clerk()).body(Map.of("step", "TOWNSHIP_REVIEW", "items", items, "approve", true)).post(c.base() + "/projects/decisions").then()
                .statusCode(403);

        byte[] xlsx = as(c.admin()).get(c.base() + "/projects.xlsx?year=2025").then().statusCode(200).extract().asByteArray();
        try (org.dhatim.fastexcel.reader.ReadableWorkbook wb = new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            List<List<String>> rows = new ArrayList<>();
            wb.getFirstSheet().read().forEach(r -> {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < r.getCellCount(); i++) {
                    cells.add(r.getCellText(i));
                }
                rows.add(cells);
            });
            assertEquals(4, rows.size(), "title, header, two projects: " + rows);
            assertEquals("测试县" + c.code() + "2025年度巩固拓展脱贫攻坚成果和乡村振兴项目台账（共 2 个项目）", rows.get(0).get(0));
            assertEquals(List.of("1", "A 庭院经济", "产业发展", "到户类"), rows.get(2).subList(0, 4));
            assertEquals(List.of("2", "B 村级道路", "基础设施", "公益性"), rows.get(3).subList(0, 4));
            assertEquals(0, new java.math.BigDecimal("126000.50").compareTo(new java.math.BigDecimal(rows.get(3).get(8))), rows.get(3).get(8));
            assertEquals("乡镇已审核", rows.get(2).get(16));
        }
    }

    @Test
    void twoApprovalsAtOnceNeverTakeMoreThanTheDocumentHolds() throws Exception {
        County c = county("heilongjiang", "23");
        FundsFixture.setToday(c, START);
        long central = FundsFixture.allocation(c, 2025, "CENTRAL", "500000", START);
        long first = FundsFixture.declare(c, FundsFixture.project(c, 2025, "甲棚", "INDUSTRY", "OPERATING", Map.of("CENTRAL", "300000")));
        long second = FundsFixture.declare(c, FundsFixture.project(c, 2025, "乙棚", "INDUSTRY", "OPERATING", Map.of("CENTRAL", "300000")));
        FundsFixture.list(c, first, START);
        FundsFixture.list(c, second, START);
        List<java.util.concurrent.Callable<Integer>> calls = new ArrayList<>();
        for (long id : new long[] { first, second }) {
            JsonPath p = FundsFixture.get(c, id);
            Map<String, Object> body = Map.of("approvalDoc", "测复" + id, "approvedOn", START.plusDays(15).toString(), "allocations",
                    List.of(Map.of("fundingId", p.getLong("fundings[0].id"), "allocationId", central)), "version", p.getLong("version"));
            calls.add(() -> as(c.approver()).body(body).post(c.base() + "/projects/" + id + "/approval").then().extract().statusCode());
        }
        List<Integer> codes = cn.fpjc.app.support.Parallel.atOnce(calls);
        assertEquals(List.of(200, 422), codes.stream().sorted().toList(), codes.toString());
        as(c.admin()).get(c.base() + "/allocations/" + central).then().body("arranged", equalTo(300000.0f));
    }

    @Test
    void datesCannotBeBackdatedPastTheStepsTheyFollow() {
        County c = county("heilongjiang", "23");
        FundsFixture.setToday(c, START);
        long id = FundsFixture.declare(c, FundsFixture.project(c, 2025, "晾晒场", "INFRASTRUCTURE", "PUBLIC_WELFARE", Map.of("CENTRAL", "50000")));
        // A village notice "published" before the project was declared is refused.
        as(c.clerk()).body(FundsFixture.notice("VILLAGE_NOTICE", START.minusDays(10), START.minusDays(6), "村务公开栏"))
                .post(c.base() + "/projects/" + id + "/notices").then().statusCode(400).body("fields[0].field", equalTo("startsOn"))
                .body("fields[0].message", containsString("不早于项目进入「村级申报」的日期 2025-03-03"));
        FundsFixture.list(c, id, START);
        // The document reaches the county on day 20; an approval dated day 16 would hide a late approval from its clock.
        FundsFixture.setToday(c, START.plusDays(20));
        long document = FundsFixture.allocation(c, 2025, "CENTRAL", "50000", START.plusDays(20));
        JsonPath p = FundsFixture.get(c, id);
        as(c.approver()).body(Map.of("approvalDoc", "测复", "approvedOn", START.plusDays(16).toString(), "allocations",
                List.of(Map.of("fundingId", p.getLong("fundings[0].id"), "allocationId", document)), "version", p.getLong("version")))
                .post(c.base() + "/projects/" + id + "/approval").then().statusCode(400).body("fields[0].field", equalTo("approvedOn"))
                .body("fields[0].message", containsString("早于指标文件"));
        FundsFixture.approve(c, id, Map.of("CENTRAL", document), START.plusDays(20));
    }
}
