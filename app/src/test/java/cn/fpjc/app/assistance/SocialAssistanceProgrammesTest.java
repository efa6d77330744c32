package cn.fpjc.app.assistance;

import static cn.fpjc.app.assistance.ProgrammeEntitlementTest.decision;
import static cn.fpjc.app.assistance.ProgrammeEntitlementTest.entitlements;
import static cn.fpjc.app.assistance.ProgrammeEntitlementTest.household;
import static cn.fpjc.app.assistance.ProgrammeEntitlementTest.member;
import static cn.fpjc.app.support.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fpjc.app.support.Api;
import cn.fpjc.app.support.Parallel;
import cn.fpjc.core.platform.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 医疗救助资助参保 (a percentage of the year's contribution, by who the member is: 特困 in full, 低保 and monitored at the
 * province's share), 家庭经济困难学生生活补助 (tiered: stage × the lodging the application states; a special school needs a
 * recorded disability), 临时救助 (on application only: no 应享未享, no 公示, decided within the province's time limit, small
 * amounts approved by the township where the province says so), and 危房改造 once per household by a database key.
 */
@QuarkusTest
class SocialAssistanceProgrammesTest {
    static String county;
    static String village;
    static String clerk;
    static String reviewer;
    static String approver;
    static String admin;
    static String otherVillage;
    static String henan;
    static String henanVillage;
    static String henanClerk;
    static String henanReviewer;

    @BeforeEach
    void counties() {
        if (county != null) {
            return;
        }
        county = Api.onboard("heilongjiang", "23");
        admin = Api.createUser("t_sap_admin_" + county, Roles.COUNTY_ADMIN, county, county);
        String[] tv = Api.addTownshipAndVillage(admin, county, "101");
        otherVillage = Api.addTownshipAndVillage(admin, county, "102")[1];
        village = tv[1];
        clerk = Api.createUser("t_sap_clerk_" + county, Roles.VILLAGE_CLERK, county, village);
        reviewer = Api.createUser("t_sap_rev_" + county, Roles.TOWNSHIP_REVIEWER, county, tv[0]);
        approver = Api.createUser("t_sap_appr_" + county, Roles.COUNTY_APPROVER, county, county);
    }

    /** The Henan county, onboarded by the tests that need it only. */
    static void henanCounty() {
        if (henan != null) {
            return;
        }
        henan = Api.onboard("henan", "41");
        String henanAdmin = Api.createUser("t_sap_hadmin_" + henan, Roles.COUNTY_ADMIN, henan, henan);
        String[] htv = Api.addTownshipAndVillage(henanAdmin, henan, "101");
        henanVillage = htv[1];
        henanClerk = Api.createUser("t_sap_hclerk_" + henan, Roles.VILLAGE_CLERK, henan, henanVillage);
        henanReviewer = Api.createUser("t_sap_hrev_" + henan, Roles.TOWNSHIP_REVIEWER, henan, htv[0]);
    }

    @AfterEach
    void resetClock() {
        as("admin").queryParam("county", county).delete("/api/admin/clock").then().statusCode(200);
    }

    static JsonPath submit(String user, String countyCode, Map<String, Object> body, int status) {
        return as(user).body(body).post("/api/counties/" + countyCode + "/programme-applications").then().statusCode(status).extract().jsonPath();
    }

    static Map<String, Object> application(String programme, long member, int year, Object claimed, Map<String, String> declared) {
        Map<String, Object> body = new HashMap<>(Map.of("programmeId", programme, "memberId", member, "year", year));
        if (claimed != null) {
            body.put("claimedAmount", claimed);
        }
        if (declared != null) {
            body.put("declared", declared);
        }
        return body;
    }

    static JsonPath step(String user, String countyCode, long id, String action) {
        String base = "/api/counties/" + countyCode + "/programme-applications";
        long version = as(user).get(base + "/" + id).then().statusCode(200).extract().jsonPath().getLong("version");
        return as(user).body(Map.of("items", List.of(Map.of("id", id, "version", version)), "action", action)).post(base + "/decisions").then()
                .statusCode(200).extract().jsonPath();
    }

    /** A plan through the green channel (before approval), with the given protective measures from 21 Sep 2024. */
    static void planWith(long householdId, List<Map<String, Object>> measures) {
        long caseId = as(clerk).body(Map.of("householdId", householdId, "monitoringType", "突发严重困难户", "riskCategories", List.of("因病"),
                "greenChannel", true, "startedOn", "2024-09-20")).post("/api/counties/" + county + "/cases").then().statusCode(201).extract()
                .jsonPath().getLong("id");
        String url = "/api/counties/" + county + "/cases/" + caseId + "/plan";
        Map<String, Object> plan = new HashMap<>(Map.of("responsibleOfficial", "李帮扶", "responsiblePhone", "0451-2345678", "labourWilling", false,
                "measures", measures));
        as(clerk).body(Api.versioned(clerk, url, plan)).put(url).then().statusCode(200);
    }

    static Map<String, Object> measure(String type, Long member) {
        Map<String, Object> m = new HashMap<>(Map.of("type", type, "risks", List.of("因病"), "startOn", "2024-09-21"));
        if (member != null) {
            m.put("memberId", member);
        }
        return m;
    }

    @Test
    void medicalInsuranceIsTheContributionInFullForTekunAndTheProvincesShareForDibaoAndMonitored() {
        Map<String, Long> poor = household(clerk, county, village, "脱贫户", List.of(member("医甲", "户主", "19700101", "非在校生", "未务工", null)));
        Map<String, Long> monitored = household(clerk, county, village, "监测户", List.of(member("医乙", "户主", "19710101", "非在校生", "未务工", null)));
        Map<String, Long> tekun = household(clerk, county, village, "脱贫户", List.of(member("医丙", "户主", "19500101", "非在校生", "未务工", null)));
        Map<String, Long> dibao = household(clerk, county, village, "脱贫户", List.of(member("医丁", "户主", "19600101", "非在校生", "未务工", null),
                member("医戊", "配偶", "19610101", "非在校生", "未务工", null)));
        planWith(tekun.get("household"), List.of(measure("特困人员救助供养", null)));
        planWith(dibao.get("household"), List.of(measure("最低生活保障（低保）", dibao.get("医丁"))));

        JsonPath p = entitlements(clerk, county, poor.get("household"), 2024);
        String none = decision(p, poor.get("医甲"), "medical-insurance");
        assertEquals("NOT_ELIGIBLE", p.getString(none + ".status"));
        assertTrue(p.getString(none + ".rules[0].fact").contains("未纳入低保或特困供养"), p.prettify());

        // 60 % of 380 = 228.00; the member pays 152 — the province's own figure.
        JsonPath m = entitlements(clerk, county, monitored.get("household"), 2024);
        String share = decision(m, monitored.get("医乙"), "medical-insurance");
        assertEquals("ELIGIBLE", m.getString(share + ".status"), m.prettify());
        assertEquals(228.00, m.getDouble(share + ".amount"), 0.001);
        assertTrue(m.getString(share + ".amountRule").contains("个人缴纳 152 元"), m.getString(share + ".amountRule"));
        assertEquals("60", m.getString(share + ".rules.find { it.parameterKey == 'assistance.medical.partial-subsidy-share' }.parameterValue")
                .replace(" %", "").strip());

        JsonPath t = entitlements(clerk, county, tekun.get("household"), 2024);
        assertEquals(380.00, t.getDouble(decision(t, tekun.get("医丙"), "medical-insurance") + ".amount"), 0.001);

        // A member's 低保 measure is the member's: the spouse is a 脱贫户 member without it.
        JsonPath d = entitlements(clerk, county, dibao.get("household"), 2024);
        assertEquals(228.00, d.getDouble(decision(d, dibao.get("医丁"), "medical-insurance") + ".amount"), 0.001);
        assertEquals("NOT_ELIGIBLE", d.getString(decision(d, dibao.get("医戊"), "medical-insurance") + ".status"));

        // The contribution is set per year: 2025 has none, so the decision waits for it rather than reusing 2024's.
        JsonPath next = entitlements(clerk, county, monitored.get("household"), 2025);
        String later = decision(next, monitored.get("医乙"), "medical-insurance");
        assertEquals("UNDETERMINED", next.getString(later + ".status"));
        assertEquals("assistance.medical.contribution", next.getString(later + ".rules.find { it.outcome == 'NOT_SET' }.parameterKey"));

        // Paid for the member, not to the 一卡通: there is no payment batch for it.
        as(approver).body(Map.of("programmeId", "medical-insurance", "year", 2024, "period", "2024"))
                .post("/api/counties/" + county + "/programme-applications/payment-batch").then().statusCode(409)
                .body("code", equalTo("PAYMENT_PROGRAMME_NOT_TO_ACCOUNT"));
        as(approver).body(Map.of("programmeId", "medical-insurance", "period", "2024", "lines", List.of(Map.of("memberId", monitored.get("医乙"),
                "amount", "228.00")))).post("/api/counties/" + county + "/payment-batches").then().statusCode(409)
                .body("code", equalTo("PAYMENT_PROGRAMME_NOT_TO_ACCOUNT"));
    }

    @Test
    void educationAidIsTieredByStageAndTheLodgingTheApplicationStates() {
        Map<String, Long> h = household(clerk, county, village, "脱贫户", List.of(member("学父", "户主", "19800101", "非在校生", "未务工", null),
                member("学小", "子女", "20160101", "小学", "未务工", null), member("学初", "子女", "20120101", "初中", "未务工", null),
                member("学幼", "子女", "20210101", "学前教育", "未务工", null), member("学高", "子女", "20090101", "高中", "未务工", null)));
        JsonPath e = entitlements(clerk, county, h.get("household"), 2025);
        String primary = decision(e, h.get("学小"), "education-aid");
        assertEquals("ELIGIBLE", e.getString(primary + ".status"), e.prettify());
        assertEquals(500, e.getDouble(primary + ".amount"), 0.001); // before anyone applies: the non-boarding standard, said so
        assertTrue(e.getString(primary + ".amountRule").contains("按申请时申报"), e.getString(primary + ".amountRule"));
        assertTrue(e.getString(primary + ".amountRule").contains("初中寄宿生 1250 元"), e.getString(primary + ".amountRule"));
        // Heilongjiang sets no preschool standard: undetermined, not guessed; 高中 is not in the programme.
        assertEquals("UNDETERMINED", e.getString(decision(e, h.get("学幼"), "education-aid") + ".status"));
        assertEquals("NOT_ELIGIBLE", e.getString(decision(e, h.get("学高"), "education-aid") + ".status"));

        JsonPath boarding = submit(clerk, county, application("education-aid", h.get("学初"), 2025, null, Map.of("lodging", "寄宿生")), 201);
        assertEquals(1250, boarding.getDouble("amount"), 0.001);
        assertEquals(List.of("住宿情况：寄宿生"), boarding.getList("declared"));
        // A special school needs a recorded disability; a choice or key the programme does not have is refused by field.
        JsonPath special = submit(clerk, county, application("education-aid", h.get("学小"), 2025, null, Map.of("lodging", "SPECIAL_SCHOOL")), 409);
        assertEquals("APPLICATION_NOT_ENTITLED", special.getString("code"));
        assertTrue(special.getString("message").contains("残疾"), special.prettify());
        as(clerk).body(application("education-aid", h.get("学小"), 2025, null, Map.of("lodging", "走读"))).post("/api/counties/" + county
                + "/programme-applications").then().statusCode(400).body("fields.field", hasItem("declared.lodging"))
                .body("fields.message", hasItem(containsString("寄宿生")));
        as(clerk).body(application("education-aid", h.get("学小"), 2025, null, Map.of("bus", "yes"))).post("/api/counties/" + county
                + "/programme-applications").then().statusCode(400).body("fields.field", hasItem("declared.bus"));

        // Henan sets the same tiers from its own document.
        henanCounty();
        Map<String, Long> hn = household(henanClerk, henan, henanVillage, "脱贫户", List.of(member("豫父", "户主", "19800101", "非在校生", "未务工", null),
                member("豫小", "子女", "20160101", "小学", "未务工", null)));
        JsonPath applied = submit(henanClerk, henan, application("education-aid", hn.get("豫小"), 2025, null, Map.of("lodging", "BOARDING")), 201);
        assertEquals(1000, applied.getDouble("amount"), 0.001);
        assertTrue(applied.getString("rulesAtSubmission.find { it.parameterKey == 'assistance.education.boarding-primary' }.source")
                .startsWith("001"), applied.prettify());
    }

    @Test
    void temporaryAidIsOnApplicationDecidedWithinTheProvincesTimeLimitWithoutANotice() {
        // Thursday 26 Sep 2024: 15 working days run over the National Day holiday and its two working weekends.
        as("admin").body(Map.of("today", "2024-09-26", "county", county)).put("/api/admin/clock").then().statusCode(200);
        Map<String, Long> h = household(clerk, county, village, "一般农户", List.of(member("急甲", "户主", "19750101", "非在校生", "未务工", null)));
        JsonPath e = entitlements(clerk, county, h.get("household"), 2024);
        String d = decision(e, h.get("急甲"), "temporary-aid");
        assertEquals("NOT_ELIGIBLE", e.getString(d + ".status"));
        assertEquals("未申报困难情况（临时救助依申请办理）", e.getString(d + ".rules[0].fact"));
        as(clerk).get("/api/counties/" + county + "/assistance-programmes/temporary-aid/unclaimed").then().statusCode(409)
                .body("code", equalTo("PROGRAMME_ON_APPLICATION_ONLY"));

        // The kind of hardship and the amount applied for are required.
        as(clerk).body(application("temporary-aid", h.get("急甲"), 2024, 2000, null)).post("/api/counties/" + county + "/programme-applications")
                .then().statusCode(400).body("fields.field", hasItem("declared.kind"));
        as(clerk).body(application("temporary-aid", h.get("急甲"), 2024, null, Map.of("kind", "EMERGENCY"))).post("/api/counties/" + county
                + "/programme-applications").then().statusCode(400).body("fields.field", hasItem("claimedAmount"));

        JsonPath a = submit(clerk, county, application("temporary-aid", h.get("急甲"), 2024, 2000, Map.of("kind", "急难型（交通事故、火灾等意外事件）")), 201);
        assertEquals(2000, a.getDouble("amount"), 0.001);
        assertEquals("2024-10-22", a.getString("decideBy"));
        assertTrue(a.getString("decideByRule").startsWith("一般程序：受理之日起15个工作日内"), a.getString("decideByRule"));
        long id = a.getLong("id");
        assertTrue(step(clerk, county, id, "CHECK").getBoolean("[0].ok"));
        assertTrue(step(reviewer, county, id, "REVIEW").getBoolean("[0].ok"));
        // Heilongjiang sets no township limit: the county approves, with no 公示 in between.
        JsonPath notice = step(clerk, county, id, "NOTICE");
        assertEquals(false, notice.getBoolean("[0].ok"));
        assertTrue(notice.getString("[0].message").contains("不设村内公示"), notice.prettify());
        assertTrue(step(approver, county, id, "APPROVE").getBoolean("[0].ok"));
        JsonPath approved = as(clerk).get("/api/counties/" + county + "/programme-applications/" + id).then().statusCode(200).extract().jsonPath();
        assertEquals("APPROVED", approved.getString("status"));
        assertNull(approved.get("approvalRule"));

        // The urgent procedure: 3 days, by the calendar.
        Map<String, Long> u = household(clerk, county, village, "一般农户", List.of(member("急乙", "户主", "19760101", "非在校生", "未务工", null)));
        JsonPath urgent = submit(clerk, county, application("temporary-aid", u.get("急乙"), 2024, 800,
                Map.of("kind", "DISASTER", "procedure", "URGENT")), 201);
        assertEquals("2024-09-29", urgent.getString("decideBy"));
        assertTrue(urgent.getString("decideByRule").startsWith("紧急程序：受理之日起3日内"), urgent.getString("decideByRule"));
    }

    @Test
    void aSmallTemporaryAidIsApprovedByTheTownshipWhereTheProvinceSaysSo() {
        // Henan: up to 3 × the urban monthly 低保 standard; the standard is the province admin's to set (no seed gives it).
        henanCounty();
        Api.setYearlyValue("henan-admin", "henan", "assistance.dibao.urban-standard-monthly", 2025, "700", "测试：城市低保月标准");
        Map<String, Long> h = household(henanClerk, henan, henanVillage, "一般农户", List.of(member("豫急", "户主", "19750101", "非在校生", "未务工", null),
                member("豫急妻", "配偶", "19760101", "非在校生", "未务工", null)));
        long small = submit(henanClerk, henan, application("temporary-aid", h.get("豫急"), 2025, 2100, Map.of("kind", "EXPENSE")), 201).getLong("id");
        long large = submit(henanClerk, henan, application("temporary-aid", h.get("豫急妻"), 2025, "2100.01", Map.of("kind", "EXPENSE")), 201)
                .getLong("id");
        for (long id : List.of(small, large)) {
            assertTrue(step(henanClerk, henan, id, "CHECK").getBoolean("[0].ok"));
        }
        JsonPath reviewed = step(henanReviewer, henan, small, "REVIEW");
        assertTrue(reviewed.getString("[0].message").startsWith("已乡镇审核并审批"), reviewed.prettify());
        JsonPath a = as(henanClerk).get("/api/counties/" + henan + "/programme-applications/" + small).then().statusCode(200).extract().jsonPath();
        assertEquals("APPROVED", a.getString("status"));
        assertTrue(a.getString("approvalRule").contains("2100 元"), a.getString("approvalRule"));
        assertTrue(a.getString("approvalRule").contains("《巩固拓展脱贫攻坚成果工作参考》"), a.getString("approvalRule"));
        // Henan sets no processing time: no deadline is made up.
        assertNull(a.get("decideBy"));

        step(henanReviewer, henan, large, "REVIEW");
        as(henanClerk).get("/api/counties/" + henan + "/programme-applications/" + large).then().statusCode(200)
                .body("status", equalTo("TOWNSHIP_REVIEWED"));
    }

    @Test
    void theEntitlementsPageAsksForWhatTheApplicationStatesAndThePageSubmitsIt() {
        Map<String, Long> h = household(clerk, county, village, "脱贫户", List.of(member("页父", "户主", "19800101", "非在校生", "未务工", null),
                member("页初", "子女", "20120101", "初中", "未务工", null)));
        String path = "/households/" + h.get("household") + "/entitlements?year=2025";
        String html = ApplicationPagesTest.page(clerk, path, 200);
        // 临时救助 is on application: its form is there although the registry cannot say who is in hardship.
        assertTrue(html.contains("依申请办理：") && html.contains("name=\"declared.kind\""), html);
        assertTrue(html.contains("name=\"declared.lodging\"") && html.contains("<option value=\"BOARDING\">寄宿生</option>"), html);
        String programmes = ApplicationPagesTest.page(clerk, "/programmes?year=2025", 200);
        assertTrue(programmes.contains("依申请办理，无应享未享名单"), "临时救助 has no 应享未享 link");

        // Without the kind of hardship the page comes back with the field's reason; with it the application is made.
        var missing = cn.fpjc.app.support.BrowserForm.from(path, Api.token(clerk)).formParam("memberId", h.get("页父"))
                .formParam("householdId", h.get("household")).formParam("year", 2025).formParam("declared.kind", "").formParam("claimedAmount", "1500")
                .post("/programmes/temporary-aid/applications");
        String refused = ApplicationPagesTest.follow(clerk, missing);
        assertTrue(refused.contains("未能提交申请") && refused.contains("请选择困难类型"), refused);
        var made = cn.fpjc.app.support.BrowserForm.from(path, Api.token(clerk)).formParam("memberId", h.get("页初"))
                .formParam("householdId", h.get("household")).formParam("year", 2025).formParam("declared.lodging", "BOARDING")
                .post("/programmes/education-aid/applications");
        String detail = ApplicationPagesTest.follow(clerk, made);
        assertTrue(detail.contains("住宿情况：寄宿生") && detail.contains("1250.00"), detail);
    }

    @Test
    void aMemberPaidWithoutAnApplicationIsNoLongerUnclaimed() {
        Map<String, Long> h = household(clerk, county, village, "监测户", List.of(member("付父", "户主", "19800101", "非在校生", "未务工", null),
                member("付甲", "子女", "20150101", "小学", "未务工", null), member("付乙", "子女", "20150101", "小学", "未务工", null)));
        String unclaimed = "/api/counties/" + county + "/assistance-programmes/education-aid/unclaimed";
        JsonPath before = as(clerk).queryParam("year", 2025).queryParam("size", 500).get(unclaimed).then().statusCode(200).extract().jsonPath();
        assertTrue(before.getList("items.memberId", Long.class).containsAll(List.of(h.get("付甲"), h.get("付乙"))), before.prettify());
        as(clerk).body(Map.of("holderMemberId", h.get("付父"), "bankName", "黑龙江省农村信用社", "accountNo", "6228480012345679"))
                .put("/api/counties/" + county + "/household-accounts/" + h.get("household")).then().statusCode(201);
        as(approver).body(Map.of("programmeId", "education-aid", "period", "2025", "lines", List.of(Map.of("memberId", h.get("付甲"), "amount", "500.00"))))
                .post("/api/counties/" + county + "/payment-batches").then().statusCode(201);
        JsonPath after = as(clerk).queryParam("year", 2025).queryParam("size", 500).get(unclaimed).then().statusCode(200).extract().jsonPath();
        List<Long> rows = after.getList("items.memberId", Long.class);
        assertTrue(rows.contains(h.get("付乙")) && !rows.contains(h.get("付甲")), after.prettify());

        // With two villages the page draws the counts as a bar chart (ECharts) beside the table of the same figures.
        household(admin, county, otherVillage, "脱贫户", List.of(member("外父", "户主", "19800101", "非在校生", "未务工", null),
                member("外小", "子女", "20150101", "小学", "未务工", null)));
        String html = ApplicationPagesTest.page(approver, "/programmes/education-aid/unclaimed?year=2025", 200);
        assertTrue(html.contains("id=\"by-village-chart\" data-echarts=\"bar\" data-labels=\"测试村101|测试村102\""), html);
        assertTrue(html.contains("/webjars/echarts/5.3.1/dist/echarts.min.js"), "the chart library is loaded");
    }

    @Test
    void hunansHousingApplicationsForAYearCloseWhenItsPlanIsDue() {
        String hunan = Api.onboard("hunan", "43");
        String hAdmin = Api.createUser("t_sap_hnadmin_" + hunan, Roles.COUNTY_ADMIN, hunan, hunan);
        String hVillage = Api.addTownshipAndVillage(hAdmin, hunan, "101")[1];
        Map<String, Long> h = household(hAdmin, hunan, hVillage, "脱贫户", List.of(member("湘父", "户主", "19600101", "非在校生", "未务工", null)));
        as(hAdmin).body(Map.of("educationOk", true, "medicalOk", true, "housingGrade", "C", "housingCheckedOn", "2024-03-01",
                "waterQuantityOk", true, "waterQualityOk", true, "waterConvenienceOk", true, "waterGuaranteeOk", true))
                .put("/api/counties/" + hunan + "/households/" + h.get("household") + "/guarantee").then().statusCode(200);
        try {
            // 湖南: C、D级房屋 into the year's plan before May — on 6 May the year's applications are closed, and the rule says why.
            as("admin").body(Map.of("today", "2024-05-06", "county", hunan)).put("/api/admin/clock").then().statusCode(200);
            JsonPath closed = submit(hAdmin, hunan, application("housing-renovation", h.get("湘父"), 2024, 10000, null), 409);
            assertEquals("APPLICATION_WINDOW_CLOSED", closed.getString("code"));
            assertTrue(closed.getString("message").contains("4月30日前纳入") && closed.getString("message").contains("《湖南省农业农村厅"), closed.prettify());
            // In April the window is open; Hunan sets no amount for a C house, so the application waits for it, not guessed.
            as("admin").body(Map.of("today", "2024-04-10", "county", hunan)).put("/api/admin/clock").then().statusCode(200);
            JsonPath open = submit(hAdmin, hunan, application("housing-renovation", h.get("湘父"), 2024, 10000, null), 409);
            assertEquals("APPLICATION_NOT_ENTITLED", open.getString("code"));
            assertTrue(open.getString("message").contains("本年度未设定"), open.prettify());
        } finally {
            as("admin").queryParam("county", hunan).delete("/api/admin/clock").then().statusCode(200);
        }
    }

    @Test
    void housingRenovationIsOncePerHouseholdByADatabaseKeyEvenInParallel() throws Exception {
        Map<String, Long> h = household(clerk, county, village, "脱贫户", List.of(member("房父", "户主", "19600101", "非在校生", "未务工", null)));
        as(clerk).body(Map.of("educationOk", true, "medicalOk", true, "housingGrade", "C", "housingCheckedOn", "2024-03-01",
                "waterQuantityOk", true, "waterQualityOk", true, "waterConvenienceOk", true, "waterGuaranteeOk", true))
                .put("/api/counties/" + county + "/households/" + h.get("household") + "/guarantee").then().statusCode(200);
        // Two years at once for the same house: the database keeps one.
        List<Callable<Integer>> calls = List.of(2024, 2025).stream().<Callable<Integer>>map(y -> () -> as(clerk)
                .body(application("housing-renovation", h.get("房父"), y, 12000, null)).post("/api/counties/" + county + "/programme-applications")
                .then().extract().statusCode()).toList();
        List<Integer> codes = Parallel.atOnce(calls);
        assertEquals(List.of(201, 409), codes.stream().sorted().toList(), codes.toString());
        as(clerk).body(application("housing-renovation", h.get("房父"), 2026, 12000, null)).post("/api/counties/" + county + "/programme-applications")
                .then().statusCode(409).body("code", equalTo("HOUSEHOLD_APPLICATION_EXISTS"));
    }
}
