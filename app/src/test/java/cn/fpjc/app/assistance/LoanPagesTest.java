package cn.fpjc.app.assistance;

import static cn.fpjc.app.assistance.WelfareJobPagesTest.FULL_ID;
import static cn.fpjc.app.assistance.WelfareJobPagesTest.follow;
import static cn.fpjc.app.assistance.WelfareJobPagesTest.page;
import static cn.fpjc.app.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fpjc.app.registry.Ids;
import cn.fpjc.app.support.Api;
import cn.fpjc.app.support.BrowserForm;
import cn.fpjc.core.platform.security.Roles;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * 小额信贷 in the browser, without the API: a village clerk records an application found by 户编号 (checked first, with
 * the schedule and 贴息; refused beside the amount with what was typed kept), the county approver approves it, county
 * staff record the disbursement, a repayment and the one 展期 (a second is refused), the clerk records post-loan
 * supervision; the overdue view charts the delinquency ranges and gives the county rate against the 1 % limit with its
 * source; the bank's ledger is imported with its row report. Roles without a step are refused on the page in Chinese.
 */
@QuarkusTest
class LoanPagesTest {
    static final Pattern LOAN = Pattern.compile("/loans/(\\d+)$");

    static void today(String county, String day) {
        as("admin").body(Map.of("today", day, "county", county)).put("/api/admin/clock").then().statusCode(200);
    }

    static void machineDate(String county) {
        as("admin").queryParam("county", county).delete("/api/admin/clock").then().statusCode(200);
    }

    /** A one-person 脱贫户 household; returns {its head's member id, ID number}. */
    static String[] household(String user, String county, String village, String householdNo, String name, String birth) {
        String id = Ids.of(birth, true);
        long member = as(user).body(Map.of("householdNo", householdNo, "villageCode", village, "category", "脱贫户", "members", List.of(Map.of(
                "name", name, "idNumber", id, "relation", "户主", "labour", "普通劳动力", "health", "健康")))).post("/api/counties/" + county
                + "/households").then().statusCode(201).extract().jsonPath().getLong("members[0].id");
        return new String[] {String.valueOf(member), id};
    }

    static RequestSpecification application(String user, String householdNo, long member, String amount) {
        return BrowserForm.from("/loans/new?householdNo=" + householdNo, Api.token(user)).formParam("householdNo", householdNo)
                .formParam("memberId", member).formParam("amount", amount).formParam("termMonths", "36").formParam("annualRate", "3.45")
                .formParam("repaymentMethod", "按季付息、到期还本").formParam("purpose", "养殖肉牛10头").formParam("appliedOn", "2025-03-10");
    }

    static RequestSpecification form(String user, long loan) {
        return BrowserForm.from("/loans/" + loan, Api.token(user));
    }

    static String version(String page) {
        Matcher v = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(page);
        assertTrue(v.find(), page);
        return v.group(1);
    }

    @Test
    void aLoanGoesFromApplicationToSupervisionThroughThePages() {
        String county = Api.onboard("henan", "41");
        String admin = Api.createUser("t_lnp_admin_" + county, Roles.COUNTY_ADMIN, county, county);
        String[] tv = Api.addTownshipAndVillage(admin, county, "101");
        String other = Api.addTownshipAndVillage(admin, county, "102")[1];
        String clerk = Api.createUser("t_lnp_clerk_" + county, Roles.VILLAGE_CLERK, county, tv[1]);
        String outsider = Api.createUser("t_lnp_clerk2_" + county, Roles.VILLAGE_CLERK, county, other);
        String approver = Api.createUser("t_lnp_appr_" + county, Roles.COUNTY_APPROVER, county, county);
        String dept = Api.createUser("t_lnp_dept_" + county, Roles.DEPARTMENT, county, county);
        today(county, "2025-03-10");
        try {
            String no = "LP" + county;
            String[] borrower = household(clerk, county, tv[1], no, "贺贷款", "19800101");
            long member = Long.parseLong(borrower[0]);
            String id = borrower[1];

            // The book links the form; the form finds the household by 户编号 and shows the product's rules with their sources.
            assertTrue(page(clerk, "/loans", 200).contains("href=\"/loans/new\""), "登记贷款申请 from the book");
            String form = page(clerk, "/loans/new?householdNo=" + no, 200);
            assertTrue(form.contains("id=\"application\"") && form.contains("贺贷款（户主") && form.contains("国家统一规定"), form);
            assertTrue(page(clerk, "/loans/new?householdNo=NONE" + county, 200).contains("未找到户编号为"));

            // Checked first: eligible, 12 quarters of 431.25 interest, all of it 贴息; nothing saved.
            String checked = application(clerk, no, member, "50000").formParam("action", "check").post("/loans/new").then().statusCode(200)
                    .extract().asString();
            assertTrue(checked.contains("符合条件") && checked.contains("<td>431.25</td><td>431.25</td><td>0.00</td>")
                    && checked.contains("<td>5175.00</td><td>5175.00</td>"), checked);
            // Too much for a first loan: refused beside the amount, naming the rule and its source; what was typed stays.
            String refused = application(clerk, no, member, "50000.01").formParam("action", "apply").post("/loans/new").then().statusCode(422)
                    .extract().asString();
            assertTrue(refused.contains("data-field=\"amount\"") && refused.contains("首笔贷款金额50000.01元超过") && refused.contains("国家统一规定")
                    && refused.contains("value=\"养殖肉牛10头\"") && refused.contains("value=\"50000.01\""), refused);
            String notANumber = application(clerk, no, member, "五万").formParam("action", "apply").post("/loans/new").then().statusCode(400)
                    .extract().asString();
            assertTrue(notANumber.contains("请填写贷款金额（元），如 50000") && notANumber.contains("value=\"五万\""), notANumber);
            // A department may not apply: refused in Chinese on the page.
            String deptRefused = BrowserForm.from("/loans/new", Api.token(dept)).formParam("memberId", member).formParam("amount", "10000")
                    .formParam("action", "apply").post("/loans/new").then().statusCode(403).extract().asString();
            assertTrue(deptRefused.contains("id=\"application-error\"") && deptRefused.contains("您的角色不能登记贷款申请"), deptRefused);
            // Without the form's CSRF token the post is refused before anything runs.
            given().redirects().follow(false).cookie("fpjc_token", Api.token(clerk)).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                    .formParam("memberId", member).formParam("amount", "50000").post("/loans/new").then().statusCode(403);

            Response applied = application(clerk, no, member, "50000").formParam("action", "apply").post("/loans/new");
            assertEquals(303, applied.statusCode(), applied.asString());
            Matcher m = LOAN.matcher(applied.header("Location"));
            assertTrue(m.find(), applied.header("Location"));
            long loan = Long.parseLong(m.group(1));
            String after = follow(clerk, applied);
            assertTrue(after.contains("已登记贺贷款的贷款申请（50000.00 元，36个月）") && after.contains("已申请"), after);
            assertFalse(after.contains("id=\"decision-form\""), "the clerk does not approve");

            // The county approver: a decision without a choice is refused beside it; then approved with the version read.
            String toDecide = page(approver, "/loans/" + loan, 200);
            assertTrue(toDecide.contains("id=\"decision-form\""), toDecide);
            String noChoice = form(approver, loan).formParam("version", version(toDecide)).formParam("decide.note", "同意")
                    .post("/loans/" + loan + "/decision").then().statusCode(400).extract().asString();
            assertTrue(noChoice.contains("data-field=\"decide.approve\"") && noChoice.contains("请选择同意或不同意")
                    && noChoice.contains(">同意</textarea>"), noChoice);
            String approved = follow(approver, form(approver, loan).formParam("version", version(toDecide)).formParam("decide.approve", "yes")
                    .formParam("decide.note", "同意").post("/loans/" + loan + "/decision"));
            assertTrue(approved.contains("已审批同意") && approved.contains("id=\"loan-status\">已审批同意"), approved);
            assertTrue(approved.contains("<span id=\"loan-decider\" title=\"" + approver + "\">测试用户" + approver + "</span>"),
                    "审批人 by display name: " + approved);

            // County staff record the disbursement: the schedule with 贴息 per period.
            String toDisburse = page(admin, "/loans/" + loan, 200);
            String disbursed = follow(admin, form(admin, loan).formParam("version", version(toDisburse)).formParam("disburse.contractNo", "HT-P-" + county)
                    .formParam("disburse.bank", "兰考农商银行").formParam("disburse.disbursedOn", "2025-03-10").post("/loans/" + loan + "/disbursement"));
            assertTrue(disbursed.contains("已登记放款") && disbursed.contains("2028-03-10") && disbursed.contains("<td>431.25</td><td>431.25</td><td>0.00</td>")
                    && disbursed.contains("<td>5175.00</td><td>5175.00</td><td>0.00</td>"), disbursed);

            // A repayment: too much principal is refused with the typed values kept; then recorded. A clerk may not record one.
            String tooMuch = form(admin, loan).formParam("repay.paidOn", "2025-03-10").formParam("repay.principal", "50000.01")
                    .formParam("repay.note", "提前还款").post("/loans/" + loan + "/repayments").then().statusCode(422).extract().asString();
            assertTrue(tooMuch.contains("还款本金超过贷款余额") && tooMuch.contains("value=\"50000.01\"") && tooMuch.contains("value=\"提前还款\""), tooMuch);
            String repaid = follow(admin, form(admin, loan).formParam("repay.paidOn", "2025-03-10").formParam("repay.principal", "1000")
                    .formParam("repay.interest", "0").post("/loans/" + loan + "/repayments"));
            assertTrue(repaid.contains("已登记还款，贷款余额 49000.00 元") && repaid.contains("手工登记"), repaid);
            String clerkRepays = form(clerk, loan).formParam("repay.paidOn", "2025-03-10").formParam("repay.interest", "1")
                    .post("/loans/" + loan + "/repayments").then().statusCode(403).extract().asString();
            assertTrue(clerkRepays.contains("未能登记还款：您的角色不能办理这一步"), clerkRepays);
            assertFalse(page(clerk, "/loans/" + loan, 200).contains("id=\"repayment-form\""), "the clerk is not offered the form");

            // The one 展期: recorded, then no longer offered, and a second post is refused.
            String toRenew = page(admin, "/loans/" + loan, 200);
            assertTrue(toRenew.contains("id=\"renewal-form\"") && toRenew.contains("<option>续贷</option>") && toRenew.contains("<option>展期</option>"), toRenew);
            String renewed = follow(admin, form(admin, loan).formParam("version", version(toRenew)).formParam("renew.kind", "展期")
                    .formParam("renew.months", "12").formParam("renew.note", "受灾暂时无法按期还款").post("/loans/" + loan + "/renewal"));
            assertTrue(renewed.contains("已办理展期，新的到期日 2029-03-10") && !renewed.contains("id=\"renewal-form\""), renewed);
            String again = form(admin, loan).formParam("version", MicroLoanTest.version(admin, county, loan)).formParam("renew.kind", "续贷").formParam("renew.months", "12")
                    .formParam("renew.note", "再次续贷").post("/loans/" + loan + "/renewal").then().statusCode(409).extract().asString();
            assertTrue(again.contains("未能办理续贷或展期") && again.contains("只能办理一次"), again);

            // Post-loan supervision by the village clerk: the missing answer is refused beside it, then recorded.
            String unanswered = form(clerk, loan).formParam("supervise.supervisedOn", "2025-03-10").formParam("supervise.supervisor", "村支书")
                    .formParam("supervise.findings", "肉牛已购入，长势良好").post("/loans/" + loan + "/supervisions").then().statusCode(400).extract().asString();
            assertTrue(unanswered.contains("data-field=\"supervise.fundsAsAgreed\"") && unanswered.contains(">肉牛已购入，长势良好</textarea>"), unanswered);
            String supervised = follow(clerk, form(clerk, loan).formParam("supervise.supervisedOn", "2025-03-10").formParam("supervise.supervisor", "村支书")
                    .formParam("supervise.fundsAsAgreed", "yes").formParam("supervise.findings", "肉牛已购入，长势良好").post("/loans/" + loan + "/supervisions"));
            assertTrue(supervised.contains("已登记贷后监管") && supervised.contains("<td>肉牛已购入，长势良好</td>"), supervised);

            // Names, not codes; masked numbers only; another village's clerk gets a page that says the loan is not found.
            String book = page(clerk, "/loans", 200);
            assertTrue(book.contains("data-loan=\"" + loan + "\"") && book.contains("<td>测试村101</td>") && !book.contains("<td>" + tv[1] + "</td>"),
                    book);
            assertFalse(FULL_ID.matcher(book).find() || FULL_ID.matcher(supervised).find() || supervised.contains(id), "masked ID numbers only");
            String notFound = page(outsider, "/loans/" + loan, 404);
            assertTrue(notFound.contains("<html") && notFound.contains("未找到这笔贷款，或借款人不在您的管辖范围内"), notFound);
            assertTrue(page(clerk, "/loans?status=乱写", 400).contains("id=\"loans-error\""), "a bad filter is a page, not JSON");
        } finally {
            machineDate(county);
        }
    }

    /**
     * 江西, national limits: two quarterly loans disbursed 10 Jan 2025 (40,000 and 30,000). On 11 Apr the bank's ledger
     * pays the first one's interest (one row refused), the second is a day late: 30,000 of 70,000 overdue = 42.86 %,
     * above the 1 % limit.
     */
    @Test
    void theOverdueViewChartsTheRangesAndTheLedgerIsImportedWithItsRowReport() {
        String county = Api.onboard("jiangxi", "36");
        String admin = Api.createUser("t_lnp_admin_" + county, Roles.COUNTY_ADMIN, county, county);
        String village = Api.addTownshipAndVillage(admin, county, "101")[1];
        String clerk = Api.createUser("t_lnp_clerk_" + county, Roles.VILLAGE_CLERK, county, village);
        String approver = Api.createUser("t_lnp_appr_" + county, Roles.COUNTY_APPROVER, county, county);
        today(county, "2025-01-10");
        try {
            String[] ids = new String[2];
            long[] loans = new long[2];
            String[] amounts = {"40000", "30000"};
            for (int i = 0; i < 2; i++) {
                String no = "LPJ" + county + i;
                String[] borrower = household(clerk, county, village, no, "欧贷" + "甲乙".charAt(i), "1985010" + (i + 1));
                ids[i] = borrower[1];
                loans[i] = as(clerk).body(Map.of("memberId", Long.parseLong(borrower[0]), "amount", amounts[i], "termMonths", 12, "annualRate", "3.45",
                        "repaymentMethod", "按季付息、到期还本", "purpose", "种植脐橙")).post("/api/counties/" + county + "/loans").then().statusCode(201)
                        .extract().jsonPath().getLong("loan.id");
                MicroLoanTest.approve(county, approver, loans[i]);
                MicroLoanTest.disburse(county, admin, loans[i], "JXP-" + county + "-" + i, "2025-01-10");
            }
            today(county, "2025-04-11");

            // The ledger page is county staff's; a clerk is told so on the page.
            assertTrue(page(clerk, "/loans/ledger", 403).contains("只有县级管理员和县级审定人员可以导入银行台账"));
            assertTrue(page(admin, "/loans/ledger", 200).contains("id=\"ledger-form\""));
            String csv = "合同编号,身份证号,还款日期,还款本金,还款利息,流水号\n"
                    + "JXP-" + county + "-0," + ids[0] + ",2025-04-10,0,345.00,P001\n"
                    + "JXP-NONE," + ids[0] + ",2025-04-10,0,10,P002\n";
            String report = RestAssured.given().auth().oauth2(Api.token(admin)).redirects().follow(false)
                    .multiPart("file", "台账.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv").post("/loans/ledger").then().statusCode(200)
                    .extract().asString();
            assertTrue(report.contains("共 2 行：已登记还款 <strong>1</strong> 行，未导入 <strong>1</strong> 行") && report.contains("已登记还款：本金0.00元，利息345.00元")
                    && report.contains("系统中没有合同编号为JXP-NONE的已放款贷款"), report);
            String wrongFile = RestAssured.given().auth().oauth2(Api.token(admin)).redirects().follow(false)
                    .multiPart("file", "台账.csv", "姓名,金额\n张三,1\n".getBytes(StandardCharsets.UTF_8), "text/csv").post("/loans/ledger").then()
                    .statusCode(400).extract().asString();
            assertTrue(wrongFile.contains("未能导入") && wrongFile.contains("合同编号"), wrongFile);

            // Before any count the view says so; a clerk may not count; county staff count now.
            String before = page(clerk, "/loans/overdue", 200);
            assertTrue(before.contains("id=\"no-scan\"") && !before.contains("id=\"scan-form\""), before);
            String clerkScan = BrowserForm.from("/loans/overdue", Api.token(clerk)).post("/loans/overdue/scan").then().statusCode(403).extract().asString();
            assertTrue(clerkScan.contains("未能重新计算"), clerkScan);
            String counted = follow(admin, BrowserForm.from("/loans/overdue", Api.token(admin)).post("/loans/overdue/scan"));
            assertTrue(counted.contains("已重新计算（2025-04-11）：在贷2笔，逾期贷款余额30000.00元"), counted);
            assertTrue(counted.contains("<strong>42.86%</strong>") && counted.contains("上限 1.00%") && counted.contains("超过上限")
                    && counted.contains("逾期率不准超1%"), counted);
            assertTrue(counted.contains("data-echarts=\"bar\"") && counted.contains("data-values=\"1|0|0|0\"")
                    && counted.contains("data-labels=\"逾期1—30天|逾期31—90天|逾期91—180天|逾期180天以上\"")
                    && counted.contains("src=\"/webjars/echarts/5.3.1/dist/echarts.min.js\"") && counted.contains("src=\"/static/charts.js\""), counted);
            assertTrue(counted.contains("data-loan=\"" + loans[1] + "\"") && !counted.contains("data-loan=\"" + loans[0] + "\""), "the late loan only");
            // The chart's script is served (a version bump of the webjar without the page fails here).
            given().get("/webjars/echarts/5.3.1/dist/echarts.min.js").then().statusCode(200);
            given().get("/static/charts.js").then().statusCode(200);
            assertTrue(page(clerk, "/loans/" + loans[0], 200).contains("银行台账"), "the imported repayment on the loan's page");
        } finally {
            machineDate(county);
        }
    }
}
