package cn.fpjc.app.funds;

import static cn.fpjc.app.support.Api.as;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * 支出进度 against the province's checkpoints, as {@code GET /api/counties/{county}/funds/progress?year=&date=} answers it:
 * progress at D = paid on or before D from year-Y allocations ÷ year-Y allocations received on or before D, a percent
 * to 2 decimals HALF_UP. 延寿县 (Heilongjiang) has six checkpoints including 54.17 % in mid-July; 信丰县 (Jiangxi) sets
 * four, so mid-July and mid-October are 本省未设定 and not judged.
 */
@QuarkusTest
class SpendingProgressTest {
    static final String YANSHOU = "230129";
    static final String XINFENG = "360722";

    @AfterEach
    void resetClock() {
        as("admin").delete("/api/admin/clock?county=" + YANSHOU).then().statusCode(200);
        as("admin").delete("/api/admin/clock?county=" + XINFENG).then().statusCode(200);
    }

    static void today(String county, String day) {
        as("admin").body(Map.of("today", day, "county", county)).put("/api/admin/clock").then().statusCode(200);
    }

    static long pay(String user, String county, long project, long funding, String amount, String on, String voucher) {
        return as(user).body(payment(funding, amount, on, voucher)).post("/api/counties/" + county + "/funds/projects/" + project + "/payments")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static Map<String, Object> payment(long funding, String amount, String on, String voucher) {
        Map<String, Object> b = new HashMap<>();
        b.put("fundingId", funding);
        b.put("amount", amount);
        b.put("paidOn", on);
        b.put("voucherNo", voucher);
        b.put("payee", "某合作社");
        return b;
    }

    static JsonPath progress(String user, String county, int year, String date) {
        return as(user).get("/api/counties/" + county + "/funds/progress?year=" + year + "&date=" + date).then().statusCode(200).extract().jsonPath();
    }

    /** The checkpoint of {@code key} in a progress answer. */
    static Map<String, Object> checkpoint(JsonPath p, String key) {
        List<Map<String, Object>> all = p.getList("checkpoints");
        return all.stream().filter(c -> key.equals(c.get("key"))).findFirst().orElseThrow();
    }

    @Test
    void heilongjiangEveryCheckpointIncludingMidJuly() {
        // 2024: 中央 1,000,000 on 3-1, 省级 200,000 on 6-1. Project A: 中央 800,000 + 省级 200,000; project B: 中央 200,000, never paid.
        long central = SpendingSeed.allocation(YANSHOU, 2024, "CENTRAL", "1000000.00", "2024-03-01");
        long provincial = SpendingSeed.allocation(YANSHOU, 2024, "PROVINCIAL", "200000.00", "2024-06-01");
        String township = SpendingSeed.firstTownship(YANSHOU);
        long a = SpendingSeed.project(YANSHOU, 2024, "APPROVED", township, "2024-03-10");
        long aCentral = SpendingSeed.funding(YANSHOU, a, "CENTRAL", "800000.00", central);
        long aProvincial = SpendingSeed.funding(YANSHOU, a, "PROVINCIAL", "200000.00", provincial);
        long b = SpendingSeed.project(YANSHOU, 2024, "APPROVED", township, "2024-03-10");
        SpendingSeed.funding(YANSHOU, b, "CENTRAL", "200000.00", central);
        today(YANSHOU, "2024-12-31");
        String f = "yanshou.finance";
        pay(f, YANSHOU, a, aCentral, "300000.00", "2024-04-20", "HLJ-A-001");
        pay(f, YANSHOU, a, aProvincial, "100000.00", "2024-06-25", "HLJ-A-002");
        pay(f, YANSHOU, a, aCentral, "250000.00", "2024-07-10", "HLJ-A-003");
        pay(f, YANSHOU, a, aCentral, "100000.00", "2024-09-20", "HLJ-A-004");
        pay(f, YANSHOU, a, aCentral, "150000.00", "2024-12-20", "HLJ-A-005");
        pay(f, YANSHOU, a, aProvincial, "100000.00", "2024-12-20", "HLJ-A-006");

        // On 2024-07-15: 650,000 ÷ 1,200,000 = 54.1666… → 54.17 %, exactly Heilongjiang's mid-July target: met.
        JsonPath jul = progress("yanshou.approver", YANSHOU, 2024, "2024-07-15");
        assertEquals(54.17f, jul.getFloat("actual"));
        assertEquals(Map.of("passed", true, "actual", 30.00f, "met", true), pick(checkpoint(jul, "funds.progress.end-apr")));
        assertEquals(Map.of("passed", true, "actual", 33.33f, "met", false), pick(checkpoint(jul, "funds.progress.end-jun")));
        assertEquals(Map.of("passed", true, "actual", 54.17f, "met", true), pick(checkpoint(jul, "funds.progress.mid-jul")));
        assertEquals("funds.progress.mid-jul", jul.getString("judgedBy.key"));
        assertEquals(54.17f, jul.getFloat("judgedBy.target"));
        assertEquals(false, checkpoint(jul, "funds.progress.end-sep").get("passed"));
        // Behind mid-July's 54.17 %: B (0 of 200,000); A paid 650,000 of 1,000,000 = 65 % is not.
        assertEquals(1, jul.getInt("behindTotal"));
        assertEquals(b, jul.getLong("behind[0].projectId"));
        assertEquals(0f, jul.getFloat("behind[0].actual"));
        // The planned line steps up at each checkpoint; July's month end already owes mid-July's 54.17 %.
        assertEquals(30f, jul.getFloat("months[3].planned"));
        assertEquals(54.17f, jul.getFloat("months[6].planned"));
        assertEquals("2024-07-15", jul.getString("months[6].asOf"));
        assertEquals(7, jul.getList("months").size());

        // At year end every checkpoint has passed: 9-30 and 10-15 750,000 ÷ 1,200,000 = 62.50 %, 12-31 1,000,000 ÷ 1,200,000 = 83.33 %.
        JsonPath dec = progress("yanshou.admin", YANSHOU, 2024, "2024-12-31");
        assertEquals(Map.of("passed", true, "actual", 62.50f, "met", false), pick(checkpoint(dec, "funds.progress.end-sep")));
        assertEquals(Map.of("passed", true, "actual", 62.50f, "met", false), pick(checkpoint(dec, "funds.progress.mid-oct")));
        assertEquals(Map.of("passed", true, "actual", 83.33f, "met", false), pick(checkpoint(dec, "funds.progress.year-end")));
        assertEquals(79.17f, ((Number) checkpoint(dec, "funds.progress.mid-oct").get("target")).floatValue());
        // By source: 中央 800,000 of 1,000,000 = 80 %; 省级 200,000 of 200,000 = 100 %.
        Map<String, Object> c = source(dec, "CENTRAL");
        assertEquals("80.00", String.format("%.2f", ((Number) c.get("actual")).doubleValue()));
        assertEquals("100.00", String.format("%.2f", ((Number) source(dec, "PROVINCIAL").get("actual")).doubleValue()));
        // Before any money arrived there is no progress to speak of: 1-31 is null, not 0.
        as("yanshou.admin").get("/api/counties/" + YANSHOU + "/funds/progress?year=2024&date=2024-12-31").then()
                .body("months[0].actual", nullValue()).body("rule", org.hamcrest.Matchers.containsString("四舍五入"));
    }

    @Test
    void jiangxiHasNoMidJulyCheckpointSoItIsNotJudged() {
        long central = SpendingSeed.allocation(XINFENG, 2024, "CENTRAL", "600000.00", "2024-02-20");
        long p = SpendingSeed.project(XINFENG, 2024, "APPROVED", SpendingSeed.firstTownship(XINFENG), "2024-03-01");
        long line = SpendingSeed.funding(XINFENG, p, "CENTRAL", "600000.00", central);
        today(XINFENG, "2024-12-31");
        pay("xinfeng.finance", XINFENG, p, line, "200000.00", "2024-04-28", "JX-001");
        pay("xinfeng.finance", XINFENG, p, line, "100000.00", "2024-06-28", "JX-002");

        JsonPath jul = progress("xinfeng.admin", XINFENG, 2024, "2024-07-15");
        Map<String, Object> midJul = checkpoint(jul, "funds.progress.mid-jul");
        assertEquals("本省未设定", midJul.get("targetText"));
        assertEquals(null, midJul.get("target"));
        assertEquals(null, midJul.get("met"));
        // 200,000 ÷ 600,000 = 33.33 % at end-April (30 %: met); 300,000 ÷ 600,000 = 50.00 % at end-June (50 %: met).
        assertEquals(Map.of("passed", true, "actual", 33.33f, "met", true), pick(checkpoint(jul, "funds.progress.end-apr")));
        assertEquals(Map.of("passed", true, "actual", 50.00f, "met", true), pick(checkpoint(jul, "funds.progress.end-jun")));
        // Judged by end-June, the latest checkpoint the county's documents set.
        assertEquals("funds.progress.end-jun", jul.getString("judgedBy.key"));
        assertEquals("本省未设定", checkpoint(progress("xinfeng.admin", XINFENG, 2024, "2024-10-15"), "funds.progress.mid-oct").get("targetText"));
        JsonPath oct = progress("xinfeng.admin", XINFENG, 2024, "2024-10-15");
        assertEquals("funds.progress.end-sep", oct.getString("judgedBy.key"));
        assertEquals(false, checkpoint(oct, "funds.progress.end-sep").get("met"));
    }

    static Map<String, Object> pick(Map<String, Object> c) {
        Map<String, Object> m = new HashMap<>();
        m.put("passed", c.get("passed"));
        m.put("actual", c.get("actual") == null ? null : ((Number) c.get("actual")).floatValue());
        m.put("met", c.get("met"));
        return m;
    }

    static Map<String, Object> source(JsonPath p, String source) {
        List<Map<String, Object>> all = p.getList("sources");
        return all.stream().filter(s -> source.equals(s.get("source"))).findFirst().orElseThrow();
    }
}
