package cn.fpjc.app.assistance;

import static cn.fpjc.app.support.Api.as;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.fpjc.app.registry.Ids;
import cn.fpjc.app.support.Api;
import cn.fpjc.core.assistance.loan.LoanDelinquencyJob;
import cn.fpjc.core.platform.jobs.BackgroundJobs;
import cn.fpjc.core.platform.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 脱贫人口小额信贷 through the API, in a new 河南 county (its own loan parameters where Henan's guidance sets them, the
 * national defaults elsewhere) whose date is moved to 10 Mar 2025: who may apply and approve, the rules an application
 * is checked against (each refusal naming its parameter and source), disbursement and its schedule with 全额贴息, top-ups
 * subsidised only up to 50,000, the one 续贷 or 展期, repayments, and the bank ledger import's row report. Delinquency,
 * the overdue rate and the Jiangxi reminders run in a second county (江西) of their own, so that its figures are known.
 */
@QuarkusTest
class MicroLoanTest {
    static String county;
    static String village;
    static String clerk;
    static String reviewer;
    static String approver;
    static String admin;
    static String official;
    static String dept;
    static String outsider;
    static int households;

    static String jx;
    static String jxVillage;
    static String jxAdmin;
    static String jxClerk;

    /** Amounts read as the exact decimals the API wrote (5175.00, not a float). */
    static final JsonPathConfig EXACT = new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL);

    @Inject
    BackgroundJobs jobs;

    @Inject
    LoanDelinquencyJob delinquencyJob;

    @BeforeEach
    void data() {
        if (county == null) {
            county = Api.onboard("henan", "41");
            admin = Api.createUser("t_loan_admin_" + county, Roles.COUNTY_ADMIN, county, county);
            String[] tv = Api.addTownshipAndVillage(admin, county, "101");
            village = tv[1];
            String otherVillage = Api.addTownshipAndVillage(admin, county, "102")[1];
            clerk = Api.createUser("t_loan_clerk_" + county, Roles.VILLAGE_CLERK, county, village);
            reviewer = Api.createUser("t_loan_rev_" + county, Roles.TOWNSHIP_REVIEWER, county, tv[0]);
            approver = Api.createUser("t_loan_appr_" + county, Roles.COUNTY_APPROVER, county, county);
            official = Api.createUser("t_loan_off_" + county, Roles.RESPONSIBLE_OFFICIAL, county, village);
            dept = Api.createUser("t_loan_dept_" + county, Roles.DEPARTMENT, county, county);
            outsider = Api.createUser("t_loan_clerk2_" + county, Roles.VILLAGE_CLERK, county, otherVillage);

            jx = Api.onboard("jiangxi", "36");
            jxAdmin = Api.createUser("t_loan_admin_" + jx, Roles.COUNTY_ADMIN, jx, jx);
            jxVillage = Api.addTownshipAndVillage(jxAdmin, jx, "101")[1];
            jxClerk = Api.createUser("t_loan_clerk_" + jx, Roles.VILLAGE_CLERK, jx, jxVillage);
        }
        today(county, "2025-03-10");
    }

    @AfterEach
    void backToTheMachinesDate() {
        as("admin").queryParam("county", county).delete("/api/admin/clock").then().statusCode(200);
        as("admin").queryParam("county", jx).delete("/api/admin/clock").then().statusCode(200);
    }

    static void today(String c, String day) {
        as("admin").body(Map.of("today", day, "county", c)).put("/api/admin/clock").then().statusCode(200);
    }

    static String base() {
        return "/api/counties/" + county;
    }

    /** A one-person household of the given category (label) whose head was born on yyyymmdd; returns {member id, ID number}. */
    static String[] borrower(String inCounty, String inVillage, String user, String category, String birth) {
        households++;
        String id = Ids.of(birth, true);
        JsonPath h = as(user).body(Map.of("householdNo", "LN" + inCounty + households, "villageCode", inVillage, "category", category,
                "members", List.of(Map.of("name", "李贷" + "甲乙丙丁戊己庚辛壬癸".charAt(households % 10), "idNumber", id, "relation", "户主",
                        "labour", "普通劳动力", "health", "健康"))))
                .post("/api/counties/" + inCounty + "/households").then().statusCode(201).extract().jsonPath().using(EXACT);
        return new String[] {String.valueOf(h.getLong("members[0].id")), id};
    }

    static long member(String category, String birth) {
        return Long.parseLong(borrower(county, village, clerk, category, birth)[0]);
    }

    static Map<String, Object> application(long member, String amount, int months, String method) {
        return new HashMap<>(Map.of("memberId", member, "amount", new BigDecimal(amount), "termMonths", months, "annualRate", new BigDecimal("3.45"),
                "repaymentMethod", method, "purpose", "养殖肉牛10头"));
    }

    static JsonPath apply(String user, String c, Map<String, Object> body) {
        return as(user).body(body).post("/api/counties/" + c + "/loans").then().statusCode(201).extract().jsonPath().using(EXACT);
    }

    static long version(String user, String c, long loan) {
        return as(user).get("/api/counties/" + c + "/loans/" + loan).then().statusCode(200).extract().jsonPath().getLong("loan.version");
    }

    static void approve(String c, String user, long loan) {
        as(user).body(Map.of("approve", true, "note", "同意", "version", version(user, c, loan)))
                .post("/api/counties/" + c + "/loans/" + loan + "/decision").then().statusCode(200).body("loan.status", equalTo("APPROVED"));
    }

    static JsonPath disburse(String c, String user, long loan, String contract, String on) {
        return as(user).body(Map.of("contractNo", contract, "bank", "县农商银行", "disbursedOn", on, "version", version(user, c, loan)))
                .post("/api/counties/" + c + "/loans/" + loan + "/disbursement").then().statusCode(200).extract().jsonPath().using(EXACT);
    }

    static long running(String amount, int months, String contract) {
        long loan = apply(clerk, county, application(member("脱贫户", "19800101"), amount, months, "按季付息、到期还本")).getLong("loan.id");
        approve(county, approver, loan);
        disburse(county, admin, loan, contract, "2025-03-10");
        return loan;
    }

    @Test
    void aRefusedApplicationNamesEachFailedRuleAndItsSource() {
        // Born 11 Mar 2007: 17 on 10 Mar 2025. Henan's guidance does not restate the age range: the national default applies.
        long young = member("脱贫户", "20070311");
        as(clerk).body(application(young, "30000", 24, "按季付息、到期还本")).post(base() + "/loans").then().statusCode(422)
                .body("code", equalTo("LOAN_NOT_ELIGIBLE"))
                .body("fields.field", equalTo(List.of("BORROWER_AGE")))
                .body("fields[0].message", allOf(containsString("年满17周岁"), containsString("「小额信贷借款人年龄」18—65"), containsString("国家统一规定"),
                        containsString("18周岁（含）-65周岁（含）")));
        // The check says the same without saving, with the parameter's key; 18 on the day passes.
        as(clerk).body(application(young, "30000", 24, "按季付息、到期还本")).post(base() + "/loans/check").then().statusCode(200)
                .body("eligible", equalTo(false)).body("age", equalTo(17)).body("findings[0].parameter", equalTo("loan.micro.borrower-age"));
        as(clerk).body(application(member("监测户", "20070310"), "30000", 24, "按季付息、到期还本")).post(base() + "/loans/check").then()
                .statusCode(200).body("eligible", equalTo(true)).body("age", equalTo(18)).body("schedule", hasSize(8));
        // 65 until the day before the 66th birthday; 66 is refused.
        as(clerk).body(application(member("脱贫户", "19590311"), "30000", 24, "按季付息、到期还本")).post(base() + "/loans/check").then()
                .statusCode(200).body("eligible", equalTo(true)).body("age", equalTo(65));
        as(clerk).body(application(member("脱贫户", "19590310"), "30000", 24, "按季付息、到期还本")).post(base() + "/loans/check").then()
                .statusCode(200).body("eligible", equalTo(false)).body("age", equalTo(66));
        // An ordinary household, too much and too long: three rules, three reasons; Henan's own values where it has them.
        as(clerk).body(application(member("一般农户", "19800101"), "50000.01", 37, "按月等额本息")).post(base() + "/loans").then().statusCode(422)
                .body("code", equalTo("LOAN_NOT_ELIGIBLE"))
                .body("fields.field", equalTo(List.of("HOUSEHOLD_CATEGORY", "MAX_AMOUNT", "MAX_YEARS")))
                .body("fields[0].message", containsString("一般农户"))
                .body("fields[1].message", allOf(containsString("「脱贫人口小额信贷单户额度（原则上不超过）」50000"), containsString("国家统一规定")))
                .body("fields[2].message", containsString("「小额信贷期限（不超过）」3"));
        // Bad input is a 400 naming the fields.
        as(clerk).body(Map.of("memberId", young, "amount", -1, "repaymentMethod", "随便")).post(base() + "/loans").then().statusCode(400)
                .body("fields.field", allOf(hasItem("amount"), hasItem("termMonths"), hasItem("annualRate"), hasItem("repaymentMethod"), hasItem("purpose")));
    }

    @Test
    void theProductShowsEveryLimitWithItsSource() {
        as(dept).get(base() + "/loan-products/micro").then().statusCode(200)
                .body("maxAmountWithAddOn.value", equalTo("100000"))
                .body("maxAmountWithAddOn.source", containsString("001 第三部分三 5.金融帮扶方面③"))
                .body("subsidisedUpTo.source", containsString("001"))
                .body("subsidyShare.value", equalTo("100"))
                .body("subsidyShare.source", containsString("全额据实贴息"))
                .body("renewalsMax.value", equalTo("1"))
                .body("renewalKinds", equalTo(List.of("RENEWAL", "EXTENSION")))
                .body("rateCap", nullValue());
        as(dept).get(base() + "/loan-products/funong").then().statusCode(404);
    }

    /** The subsidy share is data: a province admin sets 70 % for a year, and the same loan's 贴息 follows (national default 100 %). */
    @Test
    void aProvinceSetsItsSubsidyShareForAYear() {
        String gs = Api.onboard("gansu", "62");
        String gsAdmin = Api.createUser("t_loan_admin_" + gs, Roles.COUNTY_ADMIN, gs, gs);
        String gsVillage = Api.addTownshipAndVillage(gsAdmin, gs, "101")[1];
        String gsClerk = Api.createUser("t_loan_clerk_" + gs, Roles.VILLAGE_CLERK, gs, gsVillage);
        today(gs, "2025-03-10");
        try {
            long m = Long.parseLong(borrower(gs, gsVillage, gsClerk, "脱贫户", "19700707")[0]);
            Map<String, Object> body = application(m, "50000", 36, "按季付息、到期还本");
            body.put("appliedOn", "2024-12-31");
            // 2024: national 100 % — 50,000 × 3.45 % ÷ 4 = 431.25 a quarter, all subsidised.
            as(gsClerk).body(body).post("/api/counties/" + gs + "/loans/check").then().statusCode(200)
                    .body("subsidyShare", equalTo(100.0f)).body("schedule[0].subsidy", equalTo(431.25f));
            // 2025: the province's 70 % — 431.25 × 70 % = 301.875 → 301.88 (half up), the borrower pays 129.37.
            Api.setYearlyValue("gansu-admin", "gansu", "loan.micro.subsidy-share", 2025, "70", "测试：省级贴息分担比例70%");
            body.put("appliedOn", "2025-03-10");
            as(gsClerk).body(body).post("/api/counties/" + gs + "/loans/check").then().statusCode(200)
                    .body("subsidyShare", equalTo(70.0f)).body("schedule[0].interest", equalTo(431.25f))
                    .body("schedule[0].subsidy", equalTo(301.88f)).body("schedule[0].borrowerInterest", equalTo(129.37f))
                    .body("totalSubsidy", equalTo(3622.56f));
            as(gsClerk).get("/api/counties/" + gs + "/loan-products/micro").then().statusCode(200)
                    .body("subsidyShare.value", equalTo("70")).body("subsidyShare.source", equalTo("测试：省级贴息分担比例70%"));
        } finally {
            as("admin").queryParam("county", gs).delete("/api/admin/clock").then().statusCode(200);
        }
    }

    @Test
    void fromApplicationToRepaymentWithOneRenewalOnly() {
        long m = member("脱贫户", "19750601");
        // Those who may not apply: a responsible official, a department; a clerk of another village does not find the member.
        as(official).body(application(m, "50000", 36, "按季付息、到期还本")).post(base() + "/loans").then().statusCode(403);
        as(dept).body(application(m, "50000", 36, "按季付息、到期还本")).post(base() + "/loans").then().statusCode(403);
        as(outsider).body(application(m, "50000", 36, "按季付息、到期还本")).post(base() + "/loans").then().statusCode(404);

        JsonPath a = apply(clerk, county, application(m, "50000", 36, "按季付息、到期还本"));
        long loan = a.getLong("loan.id");
        assertEquals("APPLIED", a.getString("loan.status"));
        assertEquals(0, new BigDecimal("50000.00").compareTo(a.getObject("subsidyCap", BigDecimal.class)));
        as(outsider).get(base() + "/loans/" + loan).then().statusCode(404);
        as(reviewer).get(base() + "/loans/" + loan).then().statusCode(200).body("loan.borrowerIdMasked", containsString("*"));

        // Only the county approver decides; the version read is required.
        as(clerk).body(Map.of("approve", true, "version", 0)).post(base() + "/loans/" + loan + "/decision").then().statusCode(403);
        as(admin).body(Map.of("approve", true, "version", 0)).post(base() + "/loans/" + loan + "/decision").then().statusCode(403);
        as(approver).body(Map.of("approve", true)).post(base() + "/loans/" + loan + "/decision").then().statusCode(400)
                .body("fields.field", hasItem("version"));
        // Disbursing before approval is refused.
        as(admin).body(Map.of("contractNo", "HT-" + county + "-1", "bank", "兰考农商银行", "disbursedOn", "2025-03-10", "version", version(admin, county, loan)))
                .post(base() + "/loans/" + loan + "/disbursement").then().statusCode(409).body("code", equalTo("LOAN_STATUS_INVALID"));
        approve(county, approver, loan);

        // Disbursement: 12 quarters of 431.25 interest, all of it subsidised (全额贴息, share 100 %), principal at maturity.
        JsonPath d = disburse(county, admin, loan, "HT-" + county + "-1", "2025-03-10");
        assertEquals("DISBURSED", d.getString("loan.status"));
        assertEquals("2028-03-10", d.getString("loan.maturityOn"));
        assertEquals(12, d.getList("schedule").size());
        assertEquals(List.of("431.25"), d.getList("schedule.interest", BigDecimal.class).stream().map(BigDecimal::toPlainString).distinct().toList());
        assertEquals(List.of("431.25"), d.getList("schedule.subsidy", BigDecimal.class).stream().map(BigDecimal::toPlainString).distinct().toList());
        assertEquals("5175.00", d.getObject("totalSubsidy", BigDecimal.class).toPlainString());
        assertEquals("50000.00", d.getObject("schedule[11].principal", BigDecimal.class).toPlainString());
        // The same contract number cannot be used for another loan.
        long second = apply(clerk, county, application(member("脱贫户", "19760601"), "20000", 12, "按月等额本息")).getLong("loan.id");
        approve(county, approver, second);
        as(admin).body(Map.of("contractNo", "HT-" + county + "-1", "bank", "兰考农商银行", "disbursedOn", "2025-03-10", "version", version(admin, county, second)))
                .post(base() + "/loans/" + second + "/disbursement").then().statusCode(409).body("code", equalTo("LOAN_CONTRACT_NO_TAKEN"));

        // Repayments (county staff); more principal than is owed is refused.
        as(clerk).body(Map.of("paidOn", "2025-03-10", "interest", 1)).post(base() + "/loans/" + loan + "/repayments").then().statusCode(403);
        as(admin).body(Map.of("paidOn", "2025-03-10", "principal", "50000.01")).post(base() + "/loans/" + loan + "/repayments").then()
                .statusCode(422).body("code", equalTo("LOAN_REPAYMENT_TOO_LARGE"));
        as(admin).body(Map.of("paidOn", "2025-03-10", "principal", "1000", "interest", "0")).post(base() + "/loans/" + loan + "/repayments").then()
                .statusCode(201).body("loan.outstanding", equalTo(49000.00f)).body("repayments", hasSize(1));

        // One renewal or extension: the first is recorded, the principal due at maturity moves into 4 more quarters.
        long v = version(admin, county, loan);
        JsonPath r = as(admin).body(Map.of("kind", "展期", "months", 12, "note", "受灾暂时无法按期还款", "version", v))
                .post(base() + "/loans/" + loan + "/renewal").then().statusCode(200).extract().jsonPath().using(EXACT);
        assertEquals("EXTENSION", r.getString("loan.renewalKind"));
        assertEquals("2029-03-10", r.getString("loan.maturityOn"));
        assertEquals(16, r.getList("schedule").size());
        assertEquals("0.00", r.getObject("schedule[11].principal", BigDecimal.class).toPlainString());
        assertEquals("50000.00", r.getObject("schedule[15].principal", BigDecimal.class).toPlainString());
        assertEquals("431.25", r.getObject("schedule[15].subsidy", BigDecimal.class).toPlainString()); // 各项政策保持不变
        // A stale version is a concurrent update; a second one (renewal or extension) is refused by its own code.
        as(admin).body(Map.of("kind", "续贷", "months", 12, "note", "再次续贷", "version", v)).post(base() + "/loans/" + loan + "/renewal").then()
                .statusCode(409).body("code", equalTo("CONCURRENT_UPDATE"));
        as(admin).body(Map.of("kind", "续贷", "months", 12, "note", "再次续贷", "version", version(admin, county, loan)))
                .post(base() + "/loans/" + loan + "/renewal").then().statusCode(409).body("code", equalTo("LOAN_RENEWAL_USED"))
                .body("message", allOf(containsString("展期"), containsString("小额信贷续贷或展期次数（最多）")));
        // 无还本续贷 belongs to another product.
        long third = running("10000", 12, "HT-" + county + "-3");
        as(admin).body(Map.of("kind", "无还本续贷", "months", 12, "note", "因灾", "version", version(admin, county, third)))
                .post(base() + "/loans/" + third + "/renewal").then().statusCode(422).body("code", equalTo("LOAN_RENEWAL_KIND_NOT_ALLOWED"));

        // Post-loan supervision by the village clerk; the list of the clerk's scope shows the loan.
        as(clerk).body(Map.of("supervisedOn", "2025-03-10", "supervisor", "村支书", "fundsAsAgreed", true, "findings", "肉牛已购入，长势良好"))
                .post(base() + "/loans/" + loan + "/supervisions").then().statusCode(201).body("supervisions", hasSize(1));
        as(clerk).get(base() + "/loans?status=已放款").then().statusCode(200).body("id", hasItem((int) loan));
        as(outsider).get(base() + "/loans").then().statusCode(200).body("id", not(hasItem((int) loan)));
        // Henan sets no reminder interval: no list, and it says why.
        as(clerk).get(base() + "/loan-reminders").then().statusCode(200).body("intervalMonths", nullValue())
                .body("rule", containsString("未设定")).body("items", hasSize(0));
    }

    @Test
    void aTopUpKeepsTheHouseholdWithin100000AndIsSubsidisedOnlyUpTo50000() {
        long m = member("脱贫户", "19820202");
        long first = apply(clerk, county, application(m, "50000", 36, "按季付息、到期还本")).getLong("loan.id");
        approve(county, approver, first);
        // 50,000 held: a top-up of 50,000.01 would make 100,000.01.
        as(clerk).body(application(m, "50000.01", 12, "按季付息、到期还本")).post(base() + "/loans").then().statusCode(422)
                .body("fields.field", equalTo(List.of("MAX_AMOUNT_WITH_ADDON")))
                .body("fields[0].message", allOf(containsString("100000"), containsString("（河南省乡村振兴局）第三部分三 5.金融帮扶方面③")));
        // A top-up of 10,000: the household borrows 60,000, of which only the first 50,000 is subsidised.
        JsonPath topUp = apply(clerk, county, application(m, "10000", 12, "按季付息、到期还本"));
        assertEquals("0.00", topUp.getObject("subsidyCap", BigDecimal.class).toPlainString());
        assertEquals("50000.00", topUp.getObject("heldBefore", BigDecimal.class).toPlainString());
        long id = topUp.getLong("loan.id");
        approve(county, approver, id);
        JsonPath d = disburse(county, admin, id, "HT-" + county + "-TOPUP", "2025-03-10");
        assertEquals("86.25", d.getObject("schedule[0].interest", BigDecimal.class).toPlainString()); // 10,000 × 3.45 % ÷ 4
        assertEquals("0.00", d.getObject("totalSubsidy", BigDecimal.class).toPlainString());
    }

    @Test
    void theBankLedgerIsImportedRowByRowWithAReasonForEachRefusal() {
        String[] who = borrower(county, village, clerk, "脱贫户", "19790909");
        Map<String, Object> early = application(Long.parseLong(who[0]), "20000", 12, "按季付息、到期还本");
        early.put("appliedOn", "2025-01-05");
        long loan = apply(clerk, county, early).getLong("loan.id");
        approve(county, approver, loan);
        String contract = "HT-" + county + "-LEDGER";
        disburse(county, admin, loan, contract, "2025-01-10");
        String other = Ids.of("19790909", true);
        String csv = "合同编号,身份证号,还款日期,还款本金,还款利息,流水号\n"
                + contract + "," + who[1] + ",2025-03-01,1000,172.50,LS001\n"
                + "HT-NONE," + who[1] + ",2025-03-01,0,10,LS002\n"
                + contract + "," + other + ",2025-03-01,0,10,LS003\n"
                + contract + "," + who[1] + ",2025/3/2,0,10,LS001\n"
                + contract + "," + who[1] + ",昨天,0,10,LS004\n"
                + contract + "," + who[1] + ",2025-03-05,30000,0,LS005\n"
                + contract + "," + who[1] + ",2025年3月6日,500,,LS006\n";
        String path = base() + "/loan-ledger";
        // The upload is guarded like every endpoint: no token, another county, staff below the county.
        RestAssured.given().multiPart("file", "台账.csv", csv.getBytes(StandardCharsets.UTF_8)).post(path).then().statusCode(401);
        RestAssured.given().auth().oauth2(Api.token("minqin.admin")).multiPart("file", "台账.csv", csv.getBytes(StandardCharsets.UTF_8)).post(path)
                .then().statusCode(403).body("code", equalTo("TENANT_MISMATCH"));
        for (String lower : List.of(clerk, reviewer, official, dept)) {
            RestAssured.given().auth().oauth2(Api.token(lower)).multiPart("file", "台账.csv", csv.getBytes(StandardCharsets.UTF_8)).post(path).then()
                    .statusCode(403);
        }
        JsonPath report = RestAssured.given().auth().oauth2(Api.token(admin)).multiPart("file", "台账.csv", csv.getBytes(StandardCharsets.UTF_8))
                .post(path).then().statusCode(200).extract().jsonPath().using(EXACT);
        assertEquals(7, report.getInt("rows"));
        assertEquals(2, report.getInt("accepted"));
        assertEquals(List.of(2, 3, 4, 5, 6, 7, 8), report.getList("results.row", Integer.class));
        assertEquals(List.of(true, false, false, false, false, false, true), report.getList("results.accepted", Boolean.class));
        List<String> reasons = report.getList("results.reason", String.class);
        assertEquals("系统中没有合同编号为HT-NONE的已放款贷款", reasons.get(1));
        assertEquals("身份证号与该合同的借款人不一致", reasons.get(2));
        assertEquals("该还款记录已导入过（流水号LS001）", reasons.get(3));
        assertEquals("还款日期无法识别（例：2024-01-31）", reasons.get(4));
        assertEquals("还款本金30000.00元超过贷款余额19000.00元", reasons.get(5));
        // The same file again: nothing new.
        JsonPath again = RestAssured.given().auth().oauth2(Api.token(admin)).multiPart("file", "台账.csv", csv.getBytes(StandardCharsets.UTF_8))
                .post(path).then().statusCode(200).extract().jsonPath().using(EXACT);
        assertEquals(0, again.getInt("accepted"));
        as(admin).get(base() + "/loans/" + loan).then().statusCode(200).body("loan.outstanding", equalTo(18500.00f))
                .body("repayments.source", everyItem(equalTo("LEDGER"))).body("repayments", hasSize(2));
        // The loan book pages (read-only) show the loan with its schedule and history, never the full ID number.
        String bookPage = as(clerk).accept("text/html").get("/loans").then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(bookPage.contains("data-loan=\"" + loan + "\"") && !bookPage.contains(who[1]), bookPage);
        String loanPage = as(clerk).accept("text/html").get("/loans/" + loan).then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(loanPage.contains("172.50") && loanPage.contains("银行台账") && loanPage.contains("《巩固拓展脱贫攻坚成果工作参考》（河南省乡村振兴局）第三部分三")
                && !loanPage.contains(who[1]), loanPage);
        as(outsider).accept("text/html").get("/loans/" + loan).then().statusCode(404);
        // Not a table, or no header naming the columns: a 400 on the file.
        RestAssured.given().auth().oauth2(Api.token(admin)).multiPart("file", "台账.txt", "x".getBytes(StandardCharsets.UTF_8)).post(path).then()
                .statusCode(400).body("code", equalTo("IMPORT_FILE_TYPE"));
        RestAssured.given().auth().oauth2(Api.token(admin)).multiPart("file", "台账.csv", "姓名,金额\n张三,1\n".getBytes(StandardCharsets.UTF_8))
                .post(path).then().statusCode(400).body("fields[0].message", containsString("合同编号"));
    }

    /**
     * A known loan book in a county of its own (江西, national loan limits): three quarterly loans disbursed 10 Jan 2025 —
     * 40,000 and 30,000 whose first interest is paid, 30,000 unpaid. On 11 Apr the unpaid one is 1 day late: overdue
     * 30,000 of 100,000 = 30.00 %, above the 1 % limit; on 12 May (the nightly job) 32 days, in the 31–90 range.
     */
    @Test
    void delinquencyBucketsAndTheCountyOverdueRateOnAKnownBook() {
        today(jx, "2025-01-10");
        String jxApprover = Api.createUser("t_loan_appr_" + jx, Roles.COUNTY_APPROVER, jx, jx);
        long[] loans = new long[3];
        String[] amounts = {"40000", "30000", "30000"};
        for (int i = 0; i < 3; i++) {
            long m = Long.parseLong(borrower(jx, jxVillage, jxClerk, "脱贫户", "1985010" + (i + 1))[0]);
            loans[i] = apply(jxClerk, jx, application(m, amounts[i], 12, "按季付息、到期还本")).getLong("loan.id");
            approve(jx, jxApprover, loans[i]);
            disburse(jx, jxAdmin, loans[i], "JX-" + jx + "-" + i, "2025-01-10");
        }
        String jxBase = "/api/counties/" + jx;
        // The first quarter's interest (due 10 Apr): 40,000 → 345.00, 30,000 → 258.75.
        today(jx, "2025-04-10");
        as(jxAdmin).body(Map.of("paidOn", "2025-04-10", "interest", "345.00")).post(jxBase + "/loans/" + loans[0] + "/repayments").then().statusCode(201);
        as(jxAdmin).body(Map.of("paidOn", "2025-04-10", "interest", "258.75")).post(jxBase + "/loans/" + loans[1] + "/repayments").then().statusCode(201);
        // Due today is not late yet.
        as(jxAdmin).post(jxBase + "/loan-delinquency/runs").then().statusCode(200).body("overdue", equalTo(0.00f)).body("exceeded", equalTo(false));

        today(jx, "2025-04-11");
        as(jxClerk).post(jxBase + "/loan-delinquency/runs").then().statusCode(403);
        as(jxAdmin).post(jxBase + "/loan-delinquency/runs").then().statusCode(200)
                .body("loans", equalTo(3)).body("outstanding", equalTo(100000.00f)).body("overdue", equalTo(30000.00f))
                .body("overdueRate", equalTo(30.00f)).body("rateLimit", equalTo(1.00f)).body("exceeded", equalTo(true))
                .body("rateLimitSource", containsString("逾期率不准超1%")).body("days1to30", equalTo(1)).body("days31to90", equalTo(0));
        // The roll-up's metric reads what the scan left: the same 30,000 of 100,000 (README "Roll-ups").
        as(jxAdmin).get(jxBase + "/metrics").then().statusCode(200)
                .body("metrics.find { it.key == 'assistance.loan-overdue-rate' }.headline.text", equalTo("30.00%"))
                .body("metrics.find { it.key == 'assistance.loan-overdue-rate' }.headline.numerator", equalTo(30000.00f))
                .body("metrics.find { it.key == 'assistance.loan-overdue-rate' }.headline.denominator", equalTo(100000.00f));
        as(jxClerk).get(jxBase + "/loan-delinquency").then().statusCode(200).body("overdue.id", equalTo(List.of((int) loans[2])))
                .body("overdue[0].overdueDays", equalTo(1)).body("overdue[0].overdueBucketLabel", equalTo("逾期1—30天"));

        // The nightly job on 12 May: 32 days late, in the 31–90 range; paying it brings the rate back to 0.
        today(jx, "2025-05-12");
        jobs.runSlot(delinquencyJob, Instant.parse("2035-01-01T18:00:00Z").plusSeconds(System.nanoTime() % 100_000));
        as(jxClerk).get(jxBase + "/loan-delinquency").then().statusCode(200).body("scan.trigger", equalTo("NIGHTLY"))
                .body("scan.scannedOn", equalTo("2025-05-12")).body("scan.days31to90", equalTo(1)).body("overdue[0].overdueDays", equalTo(32));
        as(jxClerk).get(jxBase + "/loans?bucket=逾期31—90天").then().statusCode(200).body("id", equalTo(List.of((int) loans[2])));
        as(jxAdmin).body(Map.of("paidOn", "2025-05-12", "interest", "258.75")).post(jxBase + "/loans/" + loans[2] + "/repayments").then()
                .statusCode(201).body("loan.overdueDays", equalTo(0)).body("loan.overdueBucket", equalTo("CURRENT"));
        as(jxAdmin).post(jxBase + "/loan-delinquency/runs").then().statusCode(200).body("overdue", equalTo(0.00f)).body("overdueRate", equalTo(0.00f))
                .body("exceeded", equalTo(false));
        // This county sets no reminder interval (信丰县 does, below).
        as(jxClerk).get(jxBase + "/loan-reminders").then().statusCode(200).body("intervalMonths", nullValue());
    }

    /** 信丰县 (360722) sets monthly repayment reminders and half-yearly post-loan supervision (003 二(二)5). */
    @Test
    void xinfengRemindsMonthlyAndSupervisesHalfYearly() {
        String xf = "360722";
        String xfBase = "/api/counties/" + xf;
        today(xf, "2025-01-10");
        try {
            long m = Long.parseLong(borrower(xf, "360722100201", "xinfeng.clerk", "监测户", "19880808")[0]);
            long loan = apply("xinfeng.clerk", xf, application(m, "30000", 12, "按季付息、到期还本")).getLong("loan.id");
            approve(xf, "xinfeng.approver", loan);
            disburse(xf, "xinfeng.admin", loan, "XF-" + System.nanoTime(), "2025-01-10");
            today(xf, "2025-03-09"); // the first interest (10 Apr) is more than a month away
            as("xinfeng.clerk").get(xfBase + "/loan-reminders").then().statusCode(200).body("items.loan.id", not(hasItem((int) loan)));
            today(xf, "2025-04-10");
            as("xinfeng.clerk").get(xfBase + "/loan-reminders").then().statusCode(200).body("intervalMonths", equalTo(1))
                    .body("rule", containsString("每月1次到期还款提醒"))
                    .body("items.find { it.loan.id == " + loan + " }.amountDue", equalTo(258.75f))
                    .body("items.find { it.loan.id == " + loan + " }.dueOn", equalTo("2025-04-10"));
            as("xinfeng.clerk").get(xfBase + "/loan-supervision-due").then().statusCode(200).body("intervalMonths", equalTo(6))
                    .body("rule", containsString("每半年开展1次贷后监管"))
                    .body("items.find { it.loan.id == " + loan + " }.dueOn", equalTo("2025-07-10"));
            as("xinfeng.clerk").body(Map.of("supervisedOn", "2025-04-10", "supervisor", "驻村工作队", "fundsAsAgreed", true, "findings", "种植脐橙，按约定用途使用"))
                    .post(xfBase + "/loans/" + loan + "/supervisions").then().statusCode(201);
            as("xinfeng.clerk").get(xfBase + "/loan-supervision-due").then().statusCode(200)
                    .body("items.find { it.loan.id == " + loan + " }.dueOn", equalTo("2025-10-10"));
        } finally {
            as("admin").queryParam("county", xf).delete("/api/admin/clock").then().statusCode(200);
        }
    }
}
