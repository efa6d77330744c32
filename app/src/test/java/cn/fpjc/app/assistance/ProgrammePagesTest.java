package cn.fpjc.app.assistance;

import static cn.fpjc.app.support.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fpjc.app.support.Api;
import cn.fpjc.core.platform.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The 帮扶政策 pages: the programmes with each parameter's value and source, a household's 可享受政策 (status, amount, every
 * rule with its source), and 应享未享 by village with page numbers and the export — names not codes, masked ID numbers
 * only, refusals in Chinese inside the layout, readers only and each in their own scope.
 */
@QuarkusTest
class ProgrammePagesTest {
    static final Pattern FULL_ID = Pattern.compile("(?<![\\dX])\\d{17}[\\dX](?![\\dX])");

    static String county;
    static String village;
    static String otherVillage;
    static String clerk;
    static String otherClerk;
    static String approver;
    static String department;
    static long household;
    static String studentId;

    @BeforeEach
    void heilongjiangCountyWithAStudent() {
        if (county != null) {
            return;
        }
        county = Api.onboard("heilongjiang", "23");
        String admin = Api.createUser("t_prgp_admin_" + county, Roles.COUNTY_ADMIN, county, county);
        village = Api.addTownshipAndVillage(admin, county, "101")[1];
        otherVillage = Api.addTownshipAndVillage(admin, county, "102")[1];
        clerk = Api.createUser("t_prgp_clerk_" + county, Roles.VILLAGE_CLERK, county, village);
        otherClerk = Api.createUser("t_prgp_clerk2_" + county, Roles.VILLAGE_CLERK, county, otherVillage);
        approver = Api.createUser("t_prgp_appr_" + county, Roles.COUNTY_APPROVER, county, county);
        department = Api.createUser("t_prgp_dept_" + county, Roles.DEPARTMENT, county, county);
        Map<String, Object> student = ProgrammeEntitlementTest.member("冯中职", "子女", "20080101", "中职", "未务工", null);
        studentId = (String) student.get("idNumber");
        household = ProgrammeEntitlementTest.household(clerk, county, village, "脱贫户", List.of(
                ProgrammeEntitlementTest.member("冯父", "户主", "19720304", "非在校生", "省外", 2), student,
                ProgrammeEntitlementTest.member("冯本科", "子女", "20040505", "本科", "未务工", null),
                ProgrammeEntitlementTest.member("冯高职", "子女", "20060606", "高职", "未务工", null))).get("household");
    }

    static String page(String user, String path, int status) {
        return as(user).accept("text/html").get(path).then().statusCode(status).extract().asString();
    }

    static void noFullIdNumber(String html) {
        assertFalse(FULL_ID.matcher(html).find(), "no unmasked ID number on the page");
        assertFalse(html.contains(studentId));
    }

    @Test
    void theProgrammePageListsEachProgrammesParametersWithTheCountysValueAndSource() {
        String html = page(clerk, "/programmes?year=2025", 200);
        assertTrue(html.contains("2025年帮扶政策"), html);
        assertTrue(html.contains("雨露计划助学补助") && html.contains("中等、高等职业教育"), "name and summary");
        String yulu = section(html, "programme-yulu");
        String perYear = row(yulu, "assistance.yulu.per-student-year");
        assertTrue(perYear.contains("<strong>3000</strong>") && perYear.contains("每生每年3000元"), perYear);
        assertTrue(section(html, "programme-transport-subsidy").contains("<strong>800</strong>"), "the transport subsidy's value");
        assertTrue(html.contains("href=\"/programmes/yulu/unclaimed?year=2025\""), "each programme links to its 应享未享");
        assertTrue(html.contains("<option value=\"2025\" selected>"), "the year shown is selected");
        assertTrue(html.contains("<a href=\"/programmes\">帮扶政策</a>"), "the menu leads here");
        // Without a year: this year.
        int thisYear = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear();
        assertTrue(page(clerk, "/programmes", 200).contains(thisYear + "年帮扶政策"));
    }

    @Test
    void aYearOutOfRangeOrNotANumberIsRefusedInChineseInsideTheLayout() {
        String html = page(clerk, "/programmes?year=2019", 400);
        assertTrue(html.contains("id=\"programmes-error\"") && html.contains("年度不在可查询的范围内（2020年至明年）：2019"), html);
        assertTrue(html.contains("<nav id=\"site-nav\">") && html.contains("id=\"year\""), "inside the layout, the year selector still there");
        assertFalse(html.contains("雨露计划助学补助"));
        assertTrue(page(clerk, "/programmes?year=abc", 400).contains("年度应为数字"));
        assertTrue(page(clerk, "/households/" + household + "/entitlements?year=1999", 400).contains("年度不在可查询的范围内"));
        assertTrue(page(approver, "/programmes/yulu/unclaimed?year=2099", 400).contains("年度不在可查询的范围内"));
    }

    @Test
    void theHouseholdsEntitlementsShowEachMembersStatusAmountAndEveryRuleWithItsSource() {
        assertTrue(page(clerk, "/households/" + household, 200).contains("href=\"/households/" + household + "/entitlements\""),
                "the household page links to its 可享受政策");
        String html = page(clerk, "/households/" + household + "/entitlements?year=2025", 200);
        noFullIdNumber(html);
        assertTrue(html.contains("测试村101") && !html.contains(">" + village + "<"), "the village by name");
        // The summary: two students entitled to 雨露计划 at Heilongjiang's 3000 yuan.
        String eligible = section(html, "eligible");
        assertTrue(eligible.contains("冯中职") && eligible.contains("冯高职") && eligible.contains("3000.00"), eligible);
        assertFalse(eligible.contains("冯本科"), "Heilongjiang funds vocational students only");

        String student = member(html, "冯中职");
        assertTrue(student.contains("符合条件") && student.contains("3000.00 元") && student.contains("春季学期于7月15日前"), student);
        assertTrue(student.contains("雨露计划+") && student.contains("<details>"), "every rule with its source, folded");
        assertTrue(student.indexOf("data-status=\"ELIGIBLE\"") < student.indexOf("data-status=\"NOT_ELIGIBLE\""), "entitled first");

        String bachelor = member(html, "冯本科");
        assertTrue(bachelor.contains("不符合条件") && bachelor.contains("在校情况：本科"), bachelor);
        assertTrue(bachelor.contains("本科学生是否纳入由省里规定"), "the rule that failed, in words");
        String father = member(html, "冯父");
        assertTrue(father.contains("务工时间：2 个月") && father.contains("不符合"), "the transport subsidy's months rule: " + father);
    }

    @Test
    void aValueTheProvinceHasNotSetShowsUndeterminedAndNotSet() {
        String hunan = Api.onboard("hunan", "43");
        String admin = Api.createUser("t_prgp_hadmin_" + hunan, Roles.COUNTY_ADMIN, hunan, hunan);
        String v = Api.addTownshipAndVillage(admin, hunan, "101")[1];
        String hClerk = Api.createUser("t_prgp_hclerk_" + hunan, Roles.VILLAGE_CLERK, hunan, v);
        long h = ProgrammeEntitlementTest.household(hClerk, hunan, v, "脱贫户", List.of(
                ProgrammeEntitlementTest.member("刘父", "户主", "19750101", "非在校生", "未务工", null),
                ProgrammeEntitlementTest.member("刘中职", "子女", "20080303", "中职", "未务工", null))).get("household");
        String student = member(page(hClerk, "/households/" + h + "/entitlements?year=2025", 200), "刘中职");
        assertTrue(student.contains("无法判断（参数未设定）") && student.contains("data-status=\"UNDETERMINED\""), student);
        assertTrue(student.contains("本省（县）本年度未设定此参数"), "no source is invented for a value not set");
        assertTrue(row(section(page(hClerk, "/programmes?year=2025", 200), "programme-yulu"), "assistance.yulu.per-student-year")
                .contains("未设定"));
    }

    @Test
    void anotherVillagesClerkGetsANotFoundPageForTheHousehold() {
        String html = page(otherClerk, "/households/" + household + "/entitlements", 404);
        assertTrue(html.contains("未找到这户农户，或这户不在您的管辖范围内") && html.contains("<nav id=\"site-nav\">"), html);
        assertFalse(html.contains("冯中职"));
    }

    @Test
    void unclaimedShowsCountsByVillageThePagedListAndTheExportLink() {
        String html = page(approver, "/programmes/yulu/unclaimed?year=2025", 200);
        noFullIdNumber(html);
        assertTrue(html.contains("雨露计划助学补助 2025年应享未享名单"), html);
        String byVillage = section(html, "by-village");
        assertTrue(byVillage.contains("<td>测试村101</td><td>2</td>"), byVillage);
        String list = section(html, "unclaimed");
        assertTrue(list.contains("冯中职") && list.contains("冯高职") && list.contains("3000.00") && list.contains("测试村101"), list);
        assertFalse(list.contains("冯本科") || list.contains(">" + village + "<"), "entitled only; the village by name");
        assertTrue(list.contains("*"), "masked ID numbers");
        assertTrue(html.contains("<option value=\"" + village + "\">测试村101</option>"), "the village filter names the villages");
        assertTrue(html.contains("href=\"/api/counties/" + county + "/assistance-programmes/yulu/unclaimed.xlsx?year=2025\""), "export");

        // Page numbers: one per page at size 1; the second page shows the second person.
        String second = page(approver, "/programmes/yulu/unclaimed?year=2025&size=1&page=1", 200);
        assertTrue(second.contains("<strong class=\"page-current\" aria-current=\"page\">2</strong>"), second);
        assertTrue(second.contains("href=\"/programmes/yulu/unclaimed?year=2025&amp;size=1&amp;page=0\">1</a>"), second);
        assertTrue(section(second, "unclaimed").contains("冯高职") && !section(second, "unclaimed").contains("冯中职"));

        // A village filter: the clerk's own village; another village's is refused, and their own list lacks these people.
        assertTrue(page(clerk, "/programmes/yulu/unclaimed?year=2025&village=" + village, 200).contains("冯中职"));
        assertTrue(page(otherClerk, "/programmes/yulu/unclaimed?year=2025&village=" + village, 400).contains("所选的村不在您的管辖范围内"));
        String others = page(otherClerk, "/programmes/yulu/unclaimed?year=2025", 200);
        assertFalse(others.contains("冯中职"), "another village's clerk sees none of this village");
        assertTrue(others.contains("没有应享未享的人员"));
        assertTrue(page(approver, "/programmes/no-such/unclaimed", 404).contains("没有这个帮扶政策项目"));
    }

    @Test
    void readersOnlyADepartmentIsRefusedAndAnAnonymousVisitorGoesToTheLogin() {
        for (String path : List.of("/programmes", "/households/" + household + "/entitlements", "/programmes/yulu/unclaimed")) {
            as(department).accept("text/html").get(path).then().statusCode(403);
            io.restassured.RestAssured.given().redirects().follow(false).accept("text/html").get(path).then().statusCode(303)
                    .header("Location", endsWith("/login"));
        }
        as(clerk).accept("text/html").get("/programmes").then().statusCode(200).body(containsString("雨露计划"));
    }

    /** The element with this id, up to its closing tag of the same name (sections, tables). */
    static String section(String html, String id) {
        int at = html.indexOf("id=\"" + id + "\"");
        assertTrue(at >= 0, "no element " + id);
        int open = html.lastIndexOf('<', at);
        String tag = html.substring(open + 1, html.indexOf(' ', open));
        int end = html.indexOf("</" + tag + ">", at);
        return html.substring(open, end);
    }

    /** The table row of a parameter. */
    static String row(String html, String key) {
        int at = html.indexOf("data-key=\"" + key + "\"");
        assertTrue(at >= 0, "no parameter " + key);
        return html.substring(at, html.indexOf("</tr>", at));
    }

    /** One member's section of the 可享受政策 page. */
    static String member(String html, String name) {
        int at = html.indexOf("<h2>" + name);
        assertTrue(at >= 0, "no member " + name);
        int end = html.indexOf("</section>", at);
        assertEquals(-1, html.substring(at, end).indexOf("<section"), "sections do not nest");
        return html.substring(at, end);
    }
}
