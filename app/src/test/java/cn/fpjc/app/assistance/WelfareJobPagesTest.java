package cn.fpjc.app.assistance;

import static cn.fpjc.app.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fpjc.app.support.Api;
import cn.fpjc.app.support.BrowserForm;
import cn.fpjc.core.platform.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * 公益性岗位 in the browser (Heilongjiang: contracts of at most a year, accident insurance required): a township reviewer
 * sets up a post, places a member found by 户编号 and sees every check, the member leaves with the row's version, the
 * county approver generates a month's payroll once; a village clerk reads but cannot manage, and another village sees none.
 */
@QuarkusTest
class WelfareJobPagesTest {
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    static final Pattern FULL_ID = Pattern.compile("(?<![\\dX])\\d{17}[\\dX](?![\\dX])");

    static String page(String user, String path, int status) {
        return given().cookie("fpjc_token", Api.token(user)).get(path).then().statusCode(status).extract().asString();
    }

    static String follow(String user, Response redirect) {
        assertEquals(303, redirect.statusCode(), redirect.asString());
        var get = given().cookie("fpjc_token", Api.token(user));
        redirect.getCookies().forEach(get::cookie);
        return get.get(redirect.header("Location")).then().statusCode(200).extract().asString();
    }

    @Test
    void aPostIsSetUpFilledLeftAndPaidThroughThePages() {
        String county = Api.onboard("heilongjiang", "23");
        String admin = Api.createUser("t_wjp_admin_" + county, Roles.COUNTY_ADMIN, county, county);
        String[] tv = Api.addTownshipAndVillage(admin, county, "101");
        String other = Api.addTownshipAndVillage(admin, county, "102")[1];
        String manager = Api.createUser("t_wjp_rev_" + county, Roles.TOWNSHIP_REVIEWER, county, tv[0]);
        String approver = Api.createUser("t_wjp_appr_" + county, Roles.COUNTY_APPROVER, county, county);
        String clerk = Api.createUser("t_wjp_clerk_" + county, Roles.VILLAGE_CLERK, county, tv[1]);
        String otherClerk = Api.createUser("t_wjp_clerk2_" + county, Roles.VILLAGE_CLERK, county, other);
        Map<String, Long> h = ProgrammeEntitlementTest.household(manager, county, tv[1], "脱贫户", List.of(
                ProgrammeEntitlementTest.member("褚甲", "户主", "19750101", "非在校生", "省外", 6)));
        String householdNo = as(manager).get("/api/counties/" + county + "/households/" + h.get("household")).then().statusCode(200)
                .extract().path("householdNo");

        assertTrue(page(clerk, "/programmes", 200).contains("href=\"/welfare-jobs\""), "linked from 帮扶政策");
        // A post: refused without its name (what was typed stays), then set up.
        String refused = BrowserForm.from("/welfare-jobs", Api.token(manager)).formParam("villageCode", tv[1]).formParam("title", "")
                .formParam("monthlyWage", "800").formParam("localMinWage", "2000").formParam("minWageSource", "测试最低工资文件")
                .post("/welfare-jobs/positions").then().statusCode(400).extract().asString();
        assertTrue(refused.contains("请填写岗位名称") && refused.contains("value=\"测试最低工资文件\""), refused);
        String created = follow(manager, BrowserForm.from("/welfare-jobs", Api.token(manager)).formParam("villageCode", tv[1])
                .formParam("title", "保洁员").formParam("monthlyWage", "800").formParam("localMinWage", "2000")
                .formParam("minWageSource", "测试最低工资文件").post("/welfare-jobs/positions"));
        assertTrue(created.contains("已设立岗位") && created.contains("保洁员") && created.contains("2000.00") && created.contains("测试最低工资文件"),
                created);
        Matcher post = Pattern.compile("data-position=\"(\\d+)\"").matcher(created);
        assertTrue(post.find());
        long position = Long.parseLong(post.group(1));

        // Placing: the 户编号 first, then one of its members.
        String step2 = page(manager, "/welfare-jobs?householdNo=" + householdNo, 200);
        assertTrue(step2.contains("id=\"placement\"") && step2.contains("褚甲"), step2);
        long member = h.get("褚甲");
        LocalDate start = YearMonth.from(TODAY).minusMonths(1).atDay(1);
        String noInsurance = BrowserForm.from("/welfare-jobs?householdNo=" + householdNo, Api.token(manager)).formParam("householdNo", householdNo)
                .formParam("memberId", member).formParam("positionId", position).formParam("startsOn", start.toString())
                .formParam("endsOn", start.plusMonths(6).toString()).post("/welfare-jobs/placements").then().statusCode(409).extract().asString();
        assertTrue(noInsurance.contains("未能安置") && noInsurance.contains("人身意外保险"), noInsurance);
        assertTrue(noInsurance.contains("value=\"" + start + "\""), "the dates stay typed");
        String placed = BrowserForm.from("/welfare-jobs", Api.token(manager)).formParam("memberId", member).formParam("positionId", position)
                .formParam("startsOn", start.toString()).formParam("endsOn", start.plusMonths(6).toString()).formParam("accidentInsured", "true")
                .post("/welfare-jobs/placements").then().statusCode(200).extract().asString();
        assertTrue(placed.contains("已安置：褚甲") && placed.contains("id=\"placement-checks\"") && placed.contains("有劳动能力")
                && placed.contains("为在岗人员购买人身意外保险"), placed);
        assertFalse(placed.contains("不符合</span>"), "every check passed");
        assertFalse(FULL_ID.matcher(placed).find(), "masked ID numbers only");

        // The county approver generates last month's payroll once: a whole month in post is the whole wage.
        String month = YearMonth.from(start).toString();
        String payroll = follow(approver, BrowserForm.from("/welfare-jobs/payroll?month=" + month, Api.token(approver)).formParam("month", month)
                .post("/welfare-jobs/payroll"));
        assertTrue(payroll.contains("已生成" + month + "工资表：1 人，合计 800.00 元") && payroll.contains("褚甲"), payroll);
        String again = BrowserForm.from("/welfare-jobs/payroll?month=" + month, Api.token(approver)).formParam("month", month)
                .post("/welfare-jobs/payroll").then().statusCode(409).extract().asString();
        assertTrue(again.contains("未能生成工资表") && again.contains("800.00"), again);
        String asManager = page(manager, "/welfare-jobs/payroll?month=" + month, 200);
        assertTrue(asManager.contains("800.00") && !asManager.contains("id=\"generate-payroll\""), "the reviewer reads, does not generate");
        assertTrue(BrowserForm.from("/welfare-jobs/payroll", Api.token(manager)).formParam("month", month).post("/welfare-jobs/payroll")
                .then().statusCode(403).extract().asString().contains("未能生成工资表"));

        // 离岗 with the row's version; a stale version is refused.
        String list = page(manager, "/welfare-jobs", 200);
        Matcher v = Pattern.compile("id=\"leave-(\\d+)\".*?name=\"version\" value=\"(\\d+)\"", Pattern.DOTALL).matcher(list);
        assertTrue(v.find(), list);
        String placement = v.group(1);
        String stale = BrowserForm.from("/welfare-jobs", Api.token(manager)).formParam("version", "99").formParam("leftOn", TODAY.toString())
                .formParam("reason", "辞职").post("/welfare-jobs/placements/" + placement + "/leave").then().statusCode(409).extract().asString();
        assertTrue(stale.contains("未能办理离岗"), stale);
        String left = follow(manager, BrowserForm.from("/welfare-jobs", Api.token(manager)).formParam("version", v.group(2))
                .formParam("leftOn", TODAY.toString()).formParam("reason", "辞职").post("/welfare-jobs/placements/" + placement + "/leave"));
        assertTrue(left.contains("已办理离岗：褚甲") && left.contains("已离岗") && left.contains("辞职"), left);

        // A village clerk reads the village's posts but manages none; another village sees nothing.
        String clerkView = page(clerk, "/welfare-jobs", 200);
        assertTrue(clerkView.contains("保洁员") && !clerkView.contains("id=\"new-position\"") && !clerkView.contains("id=\"leave-"), clerkView);
        String forbidden = BrowserForm.from("/welfare-jobs", Api.token(clerk)).formParam("villageCode", tv[1]).formParam("title", "护林员")
                .post("/welfare-jobs/positions").then().statusCode(403).extract().asString();
        assertTrue(forbidden.contains("id=\"jobs-error\""), forbidden);
        assertFalse(page(otherClerk, "/welfare-jobs", 200).contains("保洁员"), "another village's clerk sees none of it");
        assertTrue(page(manager, "/welfare-jobs?householdNo=NOPE" + county, 200).contains("未找到户编号为"));
    }
}
