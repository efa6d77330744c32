package cn.fpjc.app.assistance;

import static cn.fpjc.app.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fpjc.app.support.Api;
import cn.fpjc.app.support.BrowserForm;
import cn.fpjc.core.platform.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 申请办理 in the browser (Heilongjiang's 雨露计划: a 10-day notice): a clerk applies from a household's 可享受政策 page, the
 * queue's batch forms take each step by its role (each ticked row carrying its version), a failed batch names the
 * application and keeps what was typed, the village 公示 sheet shows masked ID numbers only, and another village's clerk
 * finds nothing.
 */
@QuarkusTest
class ApplicationPagesTest {
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    static final int YEAR = TODAY.getYear();
    static final Pattern FULL_ID = Pattern.compile("(?<![\\dX])\\d{17}[\\dX](?![\\dX])");

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
        String admin = Api.createUser("t_apg_admin_" + county, Roles.COUNTY_ADMIN, county, county);
        String[] tv = Api.addTownshipAndVillage(admin, county, "101");
        village = tv[1];
        String other = Api.addTownshipAndVillage(admin, county, "102")[1];
        clerk = Api.createUser("t_apg_clerk_" + county, Roles.VILLAGE_CLERK, county, village);
        reviewer = Api.createUser("t_apg_rev_" + county, Roles.TOWNSHIP_REVIEWER, county, tv[0]);
        approver = Api.createUser("t_apg_appr_" + county, Roles.COUNTY_APPROVER, county, county);
        otherClerk = Api.createUser("t_apg_clerk2_" + county, Roles.VILLAGE_CLERK, county, other);
    }

    /** A household of a father working 6 months outside the province (transport subsidy) and a 中职 student (雨露计划). */
    static Map<String, Long> family() {
        return ProgrammeEntitlementTest.household(clerk, county, village, "脱贫户", List.of(
                ProgrammeEntitlementTest.member("卫父", "户主", "19730101", "非在校生", "省外", 6),
                ProgrammeEntitlementTest.member("卫生", "子女", "20080101", "中职", "未务工", null)));
    }

    static String page(String user, String path, int status) {
        return given().cookie("fpjc_token", Api.token(user)).get(path).then().statusCode(status).extract().asString();
    }

    /** Follows a redirect as the browser does, carrying the flash cookie the redirect set. */
    static String follow(String user, Response redirect) {
        return follow(user, redirect, 200);
    }

    static String follow(String user, Response redirect, int status) {
        assertEquals(303, redirect.statusCode(), redirect.asString());
        var get = given().cookie("fpjc_token", Api.token(user));
        redirect.getCookies().forEach(get::cookie);
        return get.get(redirect.header("Location")).then().statusCode(status).extract().asString();
    }

    static Response apply(String user, long household, long member, String claimed) {
        var form = BrowserForm.from("/households/" + household + "/entitlements?year=" + YEAR, Api.token(user))
                .formParam("memberId", member).formParam("householdId", household).formParam("year", YEAR);
        if (claimed != null) {
            form.formParam("claimedAmount", claimed);
        }
        return form.post("/programmes/" + (claimed == null ? "yulu" : "transport-subsidy") + "/applications");
    }

    static String queue(String user) {
        return page(user, "/programmes/yulu/applications?year=" + YEAR, 200);
    }

    /** The checkbox value of an application in the queue: "id:version". */
    static String item(String html, long id) {
        Matcher m = Pattern.compile("name=\"items\" value=\"(" + id + ":\\d+)\"").matcher(html);
        assertTrue(m.find(), "application " + id + " can be ticked: " + html);
        return m.group(1);
    }

    static String batch(String user, long id, String action, Map<String, String> inputs, int status) {
        var form = BrowserForm.from("/programmes/yulu/applications?year=" + YEAR, Api.token(user)).formParam("year", YEAR)
                .formParam("items", item(queue(user), id)).formParam("action", action);
        inputs.forEach(form::formParam);
        return form.post("/programmes/yulu/applications/batch").then().statusCode(status).extract().asString();
    }

    static String row(String html, long id) {
        int at = html.indexOf("<tr data-application=\"" + id + "\"");
        assertTrue(at >= 0, "a row for application " + id);
        return html.substring(at, html.indexOf("</tr>", at));
    }

    static long idOf(Response redirect) {
        String location = redirect.header("Location");
        assertNotNull(location);
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    @Test
    void aClerkAppliesFromTheEntitlementsPageAndEachRoleTakesItsStepInTheQueue() {
        Map<String, Long> f = family();
        long household = f.get("household");
        long student = f.get("卫生");
        String entitlements = page(clerk, "/households/" + household + "/entitlements?year=" + YEAR, 200);
        assertTrue(entitlements.contains("action=\"/programmes/yulu/applications\" class=\"apply no-print\" data-programme=\"yulu\" data-member=\""
                + student + "\""), "an 申请 button beside the entitled decision");
        assertTrue(entitlements.contains("name=\"claimedAmount\""), "the transport subsidy (actual cost) asks for the fare");

        // The transport subsidy pays the actual fare: without it the page comes back with the service's reason.
        String refused = follow(clerk, apply(clerk, household, f.get("卫父"), ""));
        assertTrue(refused.contains("未能提交申请") && refused.contains("请填写实际发生的费用"), refused);
        String fare = follow(clerk, apply(clerk, household, f.get("卫父"), "650.50"));
        assertTrue(fare.contains("已提交卫父的") && fare.contains("650.50"), fare);

        // The county's clock 25 days back while the application goes to its notice (a 公示 starts after the township's review
        // and approval waits for it to end): the platform admin's per-county date, reset before approval.
        as("admin").body(Map.of("today", TODAY.minusDays(25).toString(), "county", county)).put("/api/admin/clock").then().statusCode(200);
        Response submitted = apply(clerk, household, student, null);
        long id = idOf(submitted);
        assertTrue(submitted.header("Location").endsWith("/programmes/yulu/applications/" + id));
        String detail = follow(clerk, submitted);
        assertTrue(detail.contains("已提交卫生的雨露计划") && detail.contains("待村级核实"), detail);
        assertTrue(detail.contains("id=\"rules\"") && detail.contains("补助标准（每生每年）"), "the rules at submission");
        assertTrue(detail.contains(YEAR + "-H1") && detail.contains("1500.00"), "the instalments");
        assertFalse(FULL_ID.matcher(detail).find(), "no unmasked ID number");
        // A second application of the same member and year: back to the household's page with the reason.
        assertTrue(follow(clerk, apply(clerk, household, student, null)).contains("未能提交申请"));

        String q = queue(clerk);
        String r = row(q, id);
        assertTrue(r.contains("卫生") && r.contains("待村级核实") && r.contains("3000.00") && r.contains("*"), r);
        assertTrue(q.contains("data-select-all=\"items\""), "select all");
        assertTrue(q.contains("value=\"CHECK\"") && !q.contains("value=\"REVIEW\"") && !q.contains("value=\"APPROVE\""),
                "a clerk is offered the clerk's steps only");
        assertFalse(FULL_ID.matcher(q).find(), "no unmasked ID number in the queue");

        String checked = batch(clerk, id, "CHECK", Map.of(), 200);
        assertTrue(row(checked, id).contains("已村级核实") && row(checked, id).contains("卫生"), checked);
        String reviewerQueue = queue(reviewer);
        assertTrue(reviewerQueue.contains("value=\"REVIEW\"") && !reviewerQueue.contains("value=\"CHECK\""));
        assertTrue(row(batch(reviewer, id, "REVIEW", Map.of(), 200), id).contains("已乡镇审核"));

        // Heilongjiang's 雨露计划 notice lasts at least 10 days: five are refused for this application, and the dates stay typed.
        String from = TODAY.minusDays(20).toString();
        String shortTo = TODAY.minusDays(16).toString();
        String tooShort = batch(clerk, id, "NOTICE", Map.of("noticeFrom", from, "noticeTo", shortTo, "objectionPhone", "0451-12317"), 200);
        String result = row(tooShort, id);
        assertTrue(result.contains("未办理") && result.contains("不少于 10 天") && result.contains("卫生"), result);
        assertTrue(tooShort.contains("name=\"noticeFrom\" value=\"" + from + "\"") && tooShort.contains("name=\"noticeTo\" value=\"" + shortTo + "\"")
                && tooShort.contains("value=\"0451-12317\""), "what was typed is kept");
        String noticed = batch(clerk, id, "NOTICE", Map.of("noticeFrom", from, "noticeTo", TODAY.minusDays(11).toString(),
                "objectionPhone", "0451-12317"), 200);
        assertTrue(row(noticed, id).contains("已开始公示"), noticed);
        assertFalse(noticed.contains("value=\"" + from + "\""), "a batch that went through leaves the form empty");

        String notice = page(clerk, "/programmes/yulu/notice?year=" + YEAR + "&village=" + village, 200);
        assertTrue(notice.contains(YEAR + "年雨露计划") && notice.contains("拟补助对象公示"), notice);
        assertTrue(notice.contains("卫生") && notice.contains("3000.00") && notice.contains("0451-12317") && notice.contains("data-print"), notice);
        assertTrue(notice.contains(from) && notice.contains(TODAY.minusDays(11).toString()), "the period");
        assertFalse(FULL_ID.matcher(notice).find(), "masked ID numbers only on the notice");
        assertTrue(Pattern.compile("<td>\\d{3,}\\*+[\\dX]*</td>").matcher(notice).find() || notice.contains("*"), "the masked ID number");

        as("admin").queryParam("county", county).delete("/api/admin/clock").then().statusCode(200);
        assertTrue(row(batch(approver, id, "APPROVE", Map.of(), 200), id).contains("已审批"));
        assertTrue(page(clerk, "/programmes/yulu/applications/" + id, 200).contains("县级已审批"));
        assertTrue(row(page(clerk, "/programmes/yulu/applications?year=" + YEAR + "&status=县级已审批", 200), id).contains("县级已审批"),
                "the status filter");
        assertFalse(page(clerk, "/programmes/yulu/applications?year=" + YEAR + "&status=待村级核实", 200).contains("data-application=\"" + id + "\""));
    }

    @Test
    void aStaleVersionOrAStepOfAnotherRoleIsReportedForThatApplicationAndAnEmptyBatchIsRefused() {
        Map<String, Long> f = family();
        long id = idOf(apply(clerk, f.get("household"), f.get("卫生"), null));
        String stale = BrowserForm.from("/programmes/yulu/applications", Api.token(clerk)).formParam("items", id + ":99")
                .formParam("action", "CHECK").post("/programmes/yulu/applications/batch").then().statusCode(200).extract().asString();
        assertTrue(row(stale, id).contains("未办理"), stale);
        String wrongRole = BrowserForm.from("/programmes/yulu/applications", Api.token(approver)).formParam("items", item(queue(approver), id))
                .formParam("action", "CHECK").post("/programmes/yulu/applications/batch").then().statusCode(200).extract().asString();
        assertTrue(row(wrongRole, id).contains("村级"), wrongRole);
        String none = BrowserForm.from("/programmes/yulu/applications", Api.token(clerk)).formParam("action", "CHECK")
                .formParam("reason", "typed").post("/programmes/yulu/applications/batch").then().statusCode(400).extract().asString();
        assertTrue(none.contains("请选择申请") && none.contains("id=\"queue-error\""), none);
        // Without the form's token the batch is refused.
        given().redirects().follow(false).cookie("fpjc_token", Api.token(clerk)).contentType("application/x-www-form-urlencoded")
                .formParam("items", id + ":0").formParam("action", "CHECK").post("/programmes/yulu/applications/batch").then().statusCode(403);
    }

    @Test
    void anotherVillagesClerkFindsNothingAndUnknownThingsAreRefusedInChinese() {
        Map<String, Long> f = family();
        long id = idOf(apply(clerk, f.get("household"), f.get("卫生"), null));
        String notFound = page(otherClerk, "/programmes/yulu/applications/" + id, 404);
        assertTrue(notFound.contains("未找到这份申请") && notFound.contains("<nav"), "a Chinese page inside the layout");
        assertFalse(queue(otherClerk).contains("data-application=\"" + id + "\""), "another village's queue");
        assertTrue(page(otherClerk, "/programmes/yulu/notice?year=" + YEAR + "&village=" + village, 400).contains("请选择本人范围内的一个村"));
        // (back to the household's page, which is not found for this clerk either)
        String foreign = follow(otherClerk, apply(otherClerk, f.get("household"), f.get("卫父"), "100"), 404);
        assertTrue(foreign.contains("未找到"), foreign);
        assertTrue(page(clerk, "/programmes/nope/applications", 404).contains("id=\"queue-error\""));
        assertTrue(page(clerk, "/programmes/yulu/applications?year=abc", 400).contains("年度应为数字"));
        // Sortable by 村, 金额 and 公示期 (aria-sort marks the order); any other column is a 400 page saying which.
        String byAmount = page(clerk, "/programmes/yulu/applications?year=" + YEAR + "&sort=amount&dir=desc", 200);
        assertTrue(byAmount.contains("<th aria-sort=\"descending\"><a class=\"sort\" href=\"/programmes/yulu/applications?year=" + YEAR
                + "&amp;sort=amount&amp;dir=asc\">金额（元） ▼</a></th>"), byAmount);
        assertTrue(byAmount.contains("<input type=\"hidden\" name=\"sort\" value=\"amount\">"), "the batch form keeps the order");
        assertTrue(page(clerk, "/programmes/yulu/applications?sort=memberName", 400).contains("此列表只能按申请先后、村、金额、公示期排序"));
        // The API agrees: the application is the clerk's village's alone.
        as(otherClerk).get("/api/counties/" + county + "/programme-applications/" + id).then().statusCode(404);
    }
}
