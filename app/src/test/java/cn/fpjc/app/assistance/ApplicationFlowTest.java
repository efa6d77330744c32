package cn.fpjc.app.assistance;

import static cn.fpjc.app.support.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fpjc.app.support.Api;
import cn.fpjc.app.support.Parallel;
import cn.fpjc.core.platform.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A programme application from 申请 to 县级审批 (Heilongjiang's 雨露计划: 10-day notice, two terms), each step by its role,
 * the engine checking entitlement at submission, 村级核实 and approval; the 公示; one application per member and year.
 */
@QuarkusTest
class ApplicationFlowTest {
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    static final int YEAR = TODAY.getYear();
    static String county;
    static String village;
    static String clerk;
    static String reviewer;
    static String approver;
    static String otherClerk;

    @BeforeEach
    void county() {
        if (county != null) {
            return;
        }
        county = Api.onboard("heilongjiang", "23");
        String admin = Api.createUser("t_app_admin_" + county, Roles.COUNTY_ADMIN, county, county);
        String[] tv = Api.addTownshipAndVillage(admin, county, "101");
        village = tv[1];
        String other = Api.addTownshipAndVillage(admin, county, "102")[1];
        clerk = Api.createUser("t_app_clerk_" + county, Roles.VILLAGE_CLERK, county, village);
        reviewer = Api.createUser("t_app_rev_" + county, Roles.TOWNSHIP_REVIEWER, county, tv[0]);
        approver = Api.createUser("t_app_appr_" + county, Roles.COUNTY_APPROVER, county, county);
        otherClerk = Api.createUser("t_app_clerk2_" + county, Roles.VILLAGE_CLERK, county, other);
    }

    static String base() {
        return "/api/counties/" + county + "/programme-applications";
    }

    static Map<String, Long> family(String schooling, String place, Integer months) {
        List<Map<String, Object>> members = List.of(
                ProgrammeEntitlementTest.member("冯父", "户主", "19730101", "非在校生", place, months),
                ProgrammeEntitlementTest.member("冯生", "子女", "20080101", schooling, "未务工", null));
        return ProgrammeEntitlementTest.household(clerk, county, village, "脱贫户", members);
    }

    static JsonPath submit(String user, String programme, long member, Object claimed, int status) {
        Map<String, Object> body = new HashMap<>(Map.of("programmeId", programme, "memberId", member, "year", YEAR));
        if (claimed != null) {
            body.put("claimedAmount", claimed);
        }
        return as(user).body(body).post(base()).then().statusCode(status).extract().jsonPath();
    }

    static JsonPath step(String user, long id, String action, Map<String, Object> extra) {
        long version = as(user).get(base() + "/" + id).then().statusCode(200).extract().jsonPath().getLong("version");
        Map<String, Object> body = new HashMap<>(extra);
        body.put("items", List.of(Map.of("id", id, "version", version)));
        body.put("action", action);
        return as(user).body(body).post(base() + "/decisions").then().statusCode(200).extract().jsonPath();
    }

    static void ok(JsonPath r) {
        assertTrue(r.getBoolean("[0].ok"), r.prettify());
    }

    static Map<String, Object> notice(LocalDate from, LocalDate to) {
        return Map.of("noticeFrom", from.toString(), "noticeTo", to.toString(), "objectionPhone", "0451-12317");
    }

    @Test
    void aYuluApplicationGoesThroughEveryStepByItsRoleAndIsPaidInTwoTerms() {
        Map<String, Long> f = family("中职", "未务工", null);
        long student = f.get("冯生");
        // The county's clock 25 days back until the notice is posted (a 公示 starts after the township's review; approval
        // waits for it to end): the platform admin's per-county date, reset before approval.
        as("admin").body(Map.of("today", TODAY.minusDays(25).toString(), "county", county)).put("/api/admin/clock").then().statusCode(200);
        JsonPath a = submit(clerk, "yulu", student, null, 201);
        long id = a.getLong("id");
        assertEquals("SUBMITTED", a.getString("status"));
        assertEquals(3000, a.getDouble("amount"), 0.001);
        assertEquals(List.of(YEAR + "-H1", YEAR + "-H2"), a.getList("instalments.period"));
        assertEquals(List.of(1500f, 1500f), a.getList("instalments.amount"));
        assertEquals(YEAR + "-07-15", a.getString("instalments[0].dueBy"));
        assertTrue(a.getList("rulesAtSubmission.rule").contains("补助标准（每生每年）"));
        // Once per member, programme and year.
        assertEquals("APPLICATION_EXISTS", submit(clerk, "yulu", student, null, 409).getString("code"));
        as(clerk).body(Map.of("programmeId", "yulu", "memberId", student, "year", YEAR)).post(base()).then().statusCode(409)
                .body("code", equalTo("APPLICATION_EXISTS"));

        // Each step by its own role: a reviewer cannot do the village check.
        JsonPath wrong = step(reviewer, id, "CHECK", Map.of());
        assertFalse(wrong.getBoolean("[0].ok"));
        assertTrue(wrong.getString("[0].message").contains("村级"), wrong.prettify());
        assertEquals("冯生", wrong.getString("[0].memberName"));
        ok(step(clerk, id, "CHECK", Map.of()));
        ok(step(reviewer, id, "REVIEW", Map.of()));
        // Heilongjiang: the 雨露计划 notice lasts at least 10 days.
        JsonPath tooShort = step(clerk, id, "NOTICE", notice(TODAY.minusDays(20), TODAY.minusDays(16)));
        assertFalse(tooShort.getBoolean("[0].ok"));
        assertTrue(tooShort.getString("[0].message").contains("公示 5 天") && tooShort.getString("[0].message").contains("不少于 10 天"),
                tooShort.prettify());
        // Not before the township's review (on the county's day, 25 days back).
        JsonPath early = step(clerk, id, "NOTICE", notice(TODAY.minusDays(30), TODAY.minusDays(11)));
        assertTrue(early.getString("[0].message").contains("公示应在乡镇审核之后"), early.prettify());
        ok(step(clerk, id, "NOTICE", notice(TODAY.minusDays(20), TODAY.minusDays(11))));
        as("admin").queryParam("county", county).delete("/api/admin/clock").then().statusCode(200);
        JsonPath published = as(clerk).queryParam("programme", "yulu").queryParam("year", YEAR).queryParam("village", village)
                .get(base() + "/notice").then().statusCode(200).extract().jsonPath();
        assertEquals("冯生", published.getString("lines[0].memberName"));
        assertTrue(published.getString("lines[0].idMasked").contains("*"));
        assertEquals("0451-12317", published.getString("objectionPhone"));
        assertFalse(published.prettify().matches("(?s).*\\d{17}[\\dX].*"), "no unmasked ID number on the notice");

        ok(step(approver, id, "APPROVE", Map.of()));
        as(clerk).get(base() + "/" + id).then().statusCode(200).body("status", equalTo("APPROVED")).body("statusLabel", equalTo("县级已审批"));

        // Paid from the approved application: the spring term's half to the household's 一卡通, once.
        as(clerk).body(Map.of("holderMemberId", f.get("冯父"), "bankName", "黑龙江省农村信用社", "accountNo", "6228480012345678"))
                .put("/api/counties/" + county + "/household-accounts/" + f.get("household")).then().statusCode(201);
        Map<String, Object> spring = Map.of("programmeId", "yulu", "year", YEAR, "period", YEAR + "-H1");
        JsonPath batch = as(approver).body(spring).post(base() + "/payment-batch").then().statusCode(201).extract().jsonPath();
        assertEquals("雨露计划助学补助", batch.getString("batch.programmeName"));
        assertEquals(1, batch.getInt("batch.lines"));
        assertEquals(1500, batch.getDouble("instructions[0].amount"), 0.001);
        assertEquals(student, batch.getLong("instructions[0].memberId"));
        assertTrue(batch.getString("instructions[0].accountMasked").contains("*"));
        // Asked again: nothing left to instruct for that term; an unknown term names the programme's terms.
        as(approver).body(spring).post(base() + "/payment-batch").then().statusCode(400).body("fields[0].message", containsString("-H2"));
        as(clerk).body(spring).post(base() + "/payment-batch").then().statusCode(403);
        // An approved application is final.
        JsonPath again = step(approver, id, "REJECT", Map.of("reason", "重复"));
        assertFalse(again.getBoolean("[0].ok"));
    }

    @Test
    void approvalWaitsForTheNoticeToEndAndAnObjectionNeedsItsHandling() {
        long student = family("高职", "未务工", null).get("冯生");
        long id = submit(clerk, "yulu", student, null, 201).getLong("id");
        ok(step(clerk, id, "CHECK", Map.of()));
        ok(step(reviewer, id, "REVIEW", Map.of()));
        ok(step(clerk, id, "NOTICE", notice(TODAY, TODAY.plusDays(9))));
        JsonPath early = step(approver, id, "APPROVE", Map.of());
        assertFalse(early.getBoolean("[0].ok"));
        assertTrue(early.getString("[0].message").contains("公示期尚未结束"), early.prettify());
        ok(step(clerk, id, "OBJECTION", Map.of("objection", "村民反映该生已辍学")));
        // (the notice has not ended, so approval is still refused; the objection is kept)
        as(clerk).get(base() + "/" + id).then().body("objection", equalTo("村民反映该生已辍学"));
        JsonPath rejected = step(approver, id, "REJECT", Map.of("reason", "经核实已辍学"));
        ok(rejected);
        as(clerk).get(base() + "/" + id).then().body("status", equalTo("REJECTED")).body("rejectReason", equalTo("经核实已辍学"));
    }

    @Test
    void theEngineRefusesAMemberNotEntitledNamingTheRuleAndTheTransportSubsidyPaysTheFareUpToTheCap() {
        Map<String, Long> f = family("高中", "省外", 4);
        as(clerk).body(Map.of("programmeId", "yulu", "memberId", f.get("冯生"), "year", YEAR)).post(base()).then().statusCode(409)
                .body("code", equalTo("APPLICATION_NOT_ENTITLED")).body("message", containsString("在校情况：高中"));
        long worker = f.get("冯父");
        as(clerk).body(Map.of("programmeId", "transport-subsidy", "memberId", worker, "year", YEAR)).post(base()).then().statusCode(400)
                .body("fields[0].field", equalTo("claimedAmount"));
        JsonPath fare = submit(clerk, "transport-subsidy", worker, 650.5, 201);
        assertEquals(650.5, fare.getDouble("amount"), 0.001);
        Map<String, Long> g = family("非在校生", "省外", 6);
        assertEquals(800, submit(clerk, "transport-subsidy", g.get("冯父"), 1200, 201).getDouble("amount"), 0.001);
    }

    @Test
    void twoClerksSubmittingTheSameApplicationAtOnceMakeOneRow() throws Exception {
        long student = family("中职", "未务工", null).get("冯生");
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(() -> as(clerk).body(Map.of("programmeId", "yulu", "memberId", student, "year", YEAR)).post(base())
                    .then().extract().statusCode());
        }
        List<Integer> codes = Parallel.atOnce(calls);
        assertEquals(1, codes.stream().filter(c -> c == 201).count(), codes.toString());
        assertEquals(7, codes.stream().filter(c -> c == 409).count(), codes.toString());
    }

    @Test
    void applyingTakesAMemberOffTheUnclaimedListAndOtherVillagesSeeNothing() {
        long student = family("中职", "未务工", null).get("冯生");
        String unclaimed = "/api/counties/" + county + "/assistance-programmes/yulu/unclaimed";
        assertTrue(as(approver).queryParam("size", 500).get(unclaimed).then().statusCode(200).extract().jsonPath()
                .getList("items.memberId", Long.class).contains(student));
        long id = submit(clerk, "yulu", student, null, 201).getLong("id");
        assertFalse(as(approver).queryParam("size", 500).get(unclaimed).then().statusCode(200).extract().jsonPath()
                .getList("items.memberId", Long.class).contains(student));
        as(otherClerk).get(base() + "/" + id).then().statusCode(404);
        as(otherClerk).body(Map.of("programmeId", "yulu", "memberId", student, "year", YEAR)).post(base()).then().statusCode(404);
        as(otherClerk).queryParam("programme", "yulu").get(base()).then().statusCode(200).header("X-Total-Count", "0");
        as(clerk).queryParam("programme", "yulu").queryParam("status", "待村级核实").get(base()).then().statusCode(200)
                .body("id", org.hamcrest.Matchers.hasItem((int) id));
        as("t_app_admin_" + county).get(base() + "/" + id).then().statusCode(200);
        // A stale version in a batch is reported, not applied.
        JsonPath stale = as(clerk).body(Map.of("items", List.of(Map.of("id", id, "version", 99)), "action", "CHECK"))
                .post(base() + "/decisions").then().statusCode(200).extract().jsonPath();
        assertFalse(stale.getBoolean("[0].ok"));
    }
}
