package cn.fpjc.app.funds;

import static cn.fpjc.app.support.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import cn.fpjc.app.funds.FundsFixture.County;
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
 * The year's shares against the province's limits, each with a passing and a failing case: Henan's industry share of
 * central funds (at least 60 %, 中发〔2023〕1号 as the handbook quotes it) and Heilongjiang's pooling for non-poor villages
 * (at most 30 % of central funds, 黑农办发〔2024〕7号), judged exactly.
 */
@QuarkusTest
class FundSharesTest {
    static final LocalDate START = LocalDate.of(2025, 4, 1);
    final List<County> used = new ArrayList<>();

    @AfterEach
    void resetClocks() {
        used.forEach(FundsFixture::resetClock);
    }

    County county(String province, String code) {
        County c = FundsFixture.county(province, code);
        used.add(c);
        FundsFixture.setToday(c, START);
        return c;
    }

    static Map<String, Object> industry(County c, String name, String central) {
        return FundsFixture.project(c, 2025, name, "INDUSTRY", "OPERATING", Map.of("CENTRAL", central));
    }

    static JsonPath share(County c, String rule) {
        return as(c.admin()).get(c.base() + "/progress?year=2025&date=" + START.plusDays(15)).then().statusCode(200).extract().jsonPath()
                .setRootPath("caps.find { it.rule == '" + rule + "' }");
    }

    @Test
    void henansIndustryShareOfCentralFundsIsMetAtSixtyPercentAndMissedOneFenBelow() {
        County met = county("henan", "41");
        long a = FundsFixture.allocation(met, 2025, "CENTRAL", "1000000", START);
        FundsFixture.approvedProject(met, industry(met, "食用菌基地", "600000"), Map.of("CENTRAL", a), START);
        JsonPath s = share(met, "中央衔接资金用于产业发展的比例");
        org.junit.jupiter.api.Assertions.assertEquals("符合", s.getString("result"));
        org.junit.jupiter.api.Assertions.assertEquals(60.0f, s.getFloat("percent"));
        org.junit.jupiter.api.Assertions.assertTrue(s.getString("citation").contains("《巩固拓展脱贫攻坚成果工作参考》"), s.getString("citation"));

        County missed = county("henan", "41");
        long b = FundsFixture.allocation(missed, 2025, "CENTRAL", "1000000", START);
        FundsFixture.approvedProject(missed, industry(missed, "食用菌基地", "599999.99"), Map.of("CENTRAL", b), START);
        // 59.9999999 % rounds to 60.00 for people, but the floor is judged exactly.
        org.junit.jupiter.api.Assertions.assertEquals("不符合", share(missed, "中央衔接资金用于产业发展的比例").getString("result"));
    }

    @Test
    void heilongjiangsPoolingForNonPoorVillagesStopsAtThirtyPercentOfCentralFunds() {
        County c = county("heilongjiang", "23");
        long a = FundsFixture.allocation(c, 2025, "CENTRAL", "1000000", START);
        Map<String, Object> pooled = new HashMap<>(industry(c, "非脱贫村产业路", "300000"));
        pooled.put("nonPoorVillages", true);
        FundsFixture.approvedProject(c, pooled, Map.of("CENTRAL", a), START);
        org.junit.jupiter.api.Assertions.assertEquals("符合", share(c, "统筹支持非脱贫村（中央衔接资金）").getString("result"));

        Map<String, Object> more = new HashMap<>(industry(c, "非脱贫村冷库", "0.01"));
        more.put("nonPoorVillages", true);
        long id = FundsFixture.declare(c, more);
        FundsFixture.list(c, id, START.plusDays(15));
        JsonPath p = FundsFixture.get(c, id);
        as(c.approver()).body(Map.of("approvalDoc", "测复", "approvedOn", START.plusDays(30).toString(), "allocations",
                List.of(Map.of("fundingId", p.getLong("fundings[0].id"), "allocationId", a)), "version", p.getLong("version")))
                .post(c.base() + "/projects/" + id + "/approval").then().statusCode(422).body("code", equalTo("POOLING_CAP_EXCEEDED"))
                .body("message", containsString("超过 30%")).body("message", containsString("黑农办发〔2024〕7号"));
        org.junit.jupiter.api.Assertions.assertEquals("LISTED", FundsFixture.get(c, id).getString("status"));
    }
}
