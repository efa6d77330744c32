package cn.fpjc.app.assistance;

import static cn.fpjc.app.support.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.junit.jupiter.api.Test;

/**
 * 乡村公益性岗位 under Henan's rules (wage ≥ 50 % of the local minimum wage, ≤ 2 placements, ≤ 3 years) and Heilongjiang's
 * (contract ≤ 1 year, accident insurance): one person one post and one post one person by unique keys, never a member
 * without labour capacity, the monthly payroll pro rata, and 务工生产奖补 leaving out post holders.
 */
@QuarkusTest
class WelfareJobTest {
    static final int YEAR = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();

    record County(String code, String village, String manager, String approver) {
    }

    static County county(String province, String code) {
        String county = Api.onboard(province, code);
        String admin = Api.createUser("t_wj_admin_" + county, Roles.COUNTY_ADMIN, county, county);
        String[] tv = Api.addTownshipAndVillage(admin, county, "101");
        String manager = Api.createUser("t_wj_rev_" + county, Roles.TOWNSHIP_REVIEWER, county, tv[0]);
        return new County(county, tv[1], manager, Api.createUser("t_wj_appr_" + county, Roles.COUNTY_APPROVER, county, county));
    }

    static String base(County c) {
        return "/api/counties/" + c.code() + "/welfare-jobs";
    }

    static long position(County c, String title, int wage) {
        return as(c.manager()).body(Map.of("villageCode", c.village(), "title", title, "monthlyWage", wage, "localMinWage", 2000,
                "minWageSource", "测试：省政府关于调整最低工资标准的通知")).post(base(c) + "/positions").then().statusCode(201).extract()
                .jsonPath().getLong("id");
    }

    static Map<String, Long> people(County c, String... labour) {
        List<Map<String, Object>> members = new ArrayList<>();
        String[] names = { "韩甲", "韩乙", "韩丙", "韩丁" };
        for (int i = 0; i < labour.length; i++) {
            Map<String, Object> m = ProgrammeEntitlementTest.member(names[i], i == 0 ? "户主" : "子女", "19" + (70 + i) + "0101", "非在校生", "省外", 6);
            m.put("labour", labour[i]);
            members.add(m);
        }
        return ProgrammeEntitlementTest.household(c.manager(), c.code(), c.village(), "脱贫户", members);
    }

    static io.restassured.response.ValidatableResponse place(County c, long position, long member, String from, String to, boolean insured) {
        return as(c.manager()).body(Map.of("positionId", position, "memberId", member, "startsOn", from, "endsOn", to, "accidentInsured", insured))
                .post(base(c) + "/placements").then();
    }

    static void leave(County c, long placement, String on) {
        long version = as(c.manager()).get(base(c) + "/placements").then().statusCode(200).extract().jsonPath()
                .getLong("find { it.id == " + placement + " }.version");
        as(c.manager()).body(Map.of("leftOn", on, "reason", "合同到期", "version", version)).post(base(c) + "/placements/" + placement + "/leave")
                .then().statusCode(200).body("status", equalTo("ENDED"));
    }

    @Test
    void henanOnePersonOnePostAtMostTwoPlacementsNeverWithoutLabourAndTheWageFloor() {
        County c = county("henan", "41");
        as(c.manager()).body(Map.of("villageCode", c.village(), "title", "保洁员", "monthlyWage", 999, "localMinWage", 2000,
                "minWageSource", "测试文件")).post(base(c) + "/positions").then().statusCode(400).body("code", equalTo("WAGE_BELOW_MINIMUM"))
                .body("message", containsString("50%（1000 元")).body("message", containsString("《巩固拓展脱贫攻坚成果工作参考》"));
        long p1 = position(c, "保洁员", 1000);
        long p2 = position(c, "护林员", 1200);
        long p3 = position(c, "道路养护员", 1100);
        Map<String, Long> h = people(c, "弱劳动力或半劳动力", "普通劳动力", "丧失劳动力");

        place(c, p1, h.get("韩丙"), YEAR - 2 + "-01-01", YEAR - 2 + "-12-31", true).statusCode(409).body("code", equalTo("PLACEMENT_REFUSED"))
                .body("message", containsString("劳动能力：丧失劳动力"));
        long first = place(c, p1, h.get("韩甲"), YEAR - 2 + "-01-01", YEAR - 2 + "-12-31", true).statusCode(201)
                .body("checks.rule", org.hamcrest.Matchers.hasItem(containsString("累计安置次数"))).extract().jsonPath().getLong("id");
        place(c, p2, h.get("韩甲"), YEAR - 2 + "-02-01", YEAR - 2 + "-12-31", true).statusCode(409).body("code", equalTo("MEMBER_ALREADY_PLACED"));
        place(c, p1, h.get("韩乙"), YEAR - 2 + "-02-01", YEAR - 2 + "-12-31", true).statusCode(409).body("code", equalTo("POSITION_TAKEN"));
        leave(c, first, YEAR - 2 + "-12-31");
        long second = place(c, p2, h.get("韩甲"), YEAR - 1 + "-01-01", YEAR - 1 + "-12-31", true).statusCode(201).extract().jsonPath().getLong("id");
        leave(c, second, YEAR - 1 + "-06-30");
        place(c, p3, h.get("韩甲"), YEAR + "-01-01", YEAR + "-06-30", true).statusCode(409).body("code", equalTo("PLACEMENT_REFUSED"))
                .body("message", containsString("此前已安置 2 次"));
        // The post is free again for someone else; Henan's 3 years in post: 韩乙 asking for 4 at once is refused.
        place(c, p1, h.get("韩乙"), YEAR - 3 + "-01-01", YEAR + "-12-31", true).statusCode(409).body("message", containsString("起 3 年为"));
        place(c, p1, h.get("韩乙"), YEAR + "-01-01", YEAR + "-12-31", true).statusCode(201);
    }

    @Test
    void heilongjiangContractsLastAtMostAYearWithAccidentInsuranceAndPostHoldersGetNoWorkAward() {
        County c = county("heilongjiang", "23");
        long post = position(c, "保洁员", 800);
        Map<String, Long> h = people(c, "普通劳动力", "普通劳动力");
        place(c, post, h.get("韩甲"), YEAR + "-01-01", YEAR + 1 + "-06-30", true).statusCode(409).body("message", containsString("劳动合同期限"));
        place(c, post, h.get("韩甲"), YEAR + "-01-01", YEAR + "-12-31", false).statusCode(409).body("message", containsString("人身意外保险"));
        // Before: both 省外 6 months, entitled to the award; once 韩甲 holds the post, not any more, and the rule says why.
        JsonPath before = as(c.manager()).get("/api/counties/" + c.code() + "/households/" + h.get("household") + "/entitlements")
                .then().statusCode(200).extract().jsonPath();
        assertEquals("ELIGIBLE", before.getString(ProgrammeEntitlementTest.decision(before, h.get("韩甲"), "work-award") + ".status"));
        assertEquals(1000, before.getDouble(ProgrammeEntitlementTest.decision(before, h.get("韩甲"), "work-award") + ".amount"), 0.001);
        place(c, post, h.get("韩甲"), YEAR + "-01-01", YEAR + "-12-31", true).statusCode(201);
        JsonPath after = as(c.manager()).get("/api/counties/" + c.code() + "/households/" + h.get("household") + "/entitlements")
                .then().statusCode(200).extract().jsonPath();
        String award = ProgrammeEntitlementTest.decision(after, h.get("韩甲"), "work-award");
        assertEquals("NOT_ELIGIBLE", after.getString(award + ".status"));
        assertEquals("assistance.work-award.excludes-public-welfare-job", after.getString(award + ".rules.find { it.outcome == 'FAILED' }.parameterKey"));
        assertEquals("ELIGIBLE", after.getString(ProgrammeEntitlementTest.decision(after, h.get("韩乙"), "work-award") + ".status"));
    }

    @Test
    void theMonthlyPayrollIsProRataByDaysInPostAndMadeOncePerMonth() {
        County c = county("henan", "41");
        long post = position(c, "保洁员", 1000);
        Map<String, Long> h = people(c, "普通劳动力");
        // In post from the 16th of January last year: 16 of 31 days = 1000 × 16 / 31 = 516.129… → 516.13 (half up, to the fen).
        place(c, post, h.get("韩甲"), YEAR - 1 + "-01-16", YEAR - 1 + "-12-31", true).statusCode(201);
        String url = base(c) + "/payroll/" + (YEAR - 1) + "-01";
        as(c.approver()).post(url).then().statusCode(200).body("lines", equalTo(1)).body("items[0].daysInPost", equalTo(16))
                .body("items[0].amount", equalTo(516.13f)).body("total", equalTo(516.13f)).body("items[0].memberName", equalTo("韩甲"));
        as(c.approver()).post(url).then().statusCode(409).body("code", equalTo("PAYROLL_EXISTS"));
        as(c.approver()).post(base(c) + "/payroll/" + (YEAR - 1) + "-02").then().statusCode(200).body("items[0].amount", equalTo(1000.0f));
        // The month's payroll becomes a payment batch to the post holder's 一卡通, once.
        as(c.manager()).body(Map.of("holderMemberId", h.get("韩甲"), "bankName", "河南省农村信用社", "accountNo", "6228480087654321"))
                .put("/api/counties/" + c.code() + "/household-accounts/" + h.get("household")).then().statusCode(201);
        as(c.approver()).post(url + "/payment-batch").then().statusCode(201).body("batch.programmeName", equalTo("乡村公益性岗位补贴"))
                .body("batch.period", equalTo((YEAR - 1) + "-01")).body("instructions[0].amount", equalTo(516.13f));
        as(c.approver()).post(url + "/payment-batch").then().statusCode(409).body("code", equalTo("PAYROLL_EXISTS"));
        as(c.manager()).get(url).then().statusCode(200).body("lines", equalTo(1));
        as(c.manager()).post(url).then().statusCode(403);
        as(c.approver()).post(base(c) + "/payroll/" + (YEAR + 1) + "-01").then().statusCode(400).body("code", equalTo("PAYROLL_MONTH_INVALID"));
        as(c.approver()).post(base(c) + "/payroll/2025-13").then().statusCode(400).body("code", equalTo("PAYROLL_MONTH_INVALID"));
    }

    @Test
    void placingOneMemberOnTwoPostsAtOnceLeavesOnePlacement() throws Exception {
        County c = county("henan", "41");
        List<Long> posts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            posts.add(position(c, "岗位" + "一二三四五六".charAt(i), 1000));
        }
        long member = people(c, "普通劳动力").get("韩甲");
        List<Callable<Integer>> calls = new ArrayList<>();
        for (long post : posts) {
            calls.add(() -> place(c, post, member, YEAR + "-01-01", YEAR + "-12-31", true).extract().statusCode());
        }
        List<Integer> codes = Parallel.atOnce(calls);
        assertEquals(1, codes.stream().filter(x -> x == 201).count(), codes.toString());
        assertTrue(codes.stream().allMatch(x -> x == 201 || x == 409), codes.toString());
        as(c.manager()).queryParam("activeOnly", true).get(base(c) + "/placements").then().statusCode(200).body("size()", equalTo(1));
    }
}
