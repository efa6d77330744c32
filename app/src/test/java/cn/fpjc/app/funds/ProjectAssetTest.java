package cn.fpjc.app.funds;

import static cn.fpjc.app.support.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import io.quarkus.test.junit.QuarkusTest;

/**
 * 项目资产 (衔接资金 part 4) in the demo counties: 信丰县 360722 (jiangxi; 确权 within 3 months of the audit, 村级每月一管护、
 * 乡镇每季一检查、县级每半年一督导), 延寿县 230129 (none of these set) and 花垣县 433124 (a 四个一批 plan for projects of 500,000
 * or more). Users: xinfeng.admin manages, xinfeng.approver approves disposals, xinfeng.reviewer (嘉定镇) and xinfeng.clerk
 * (阳明村) log their own level's checks.
 */
@QuarkusTest
class ProjectAssetTest {
    static final String XF = "360722";
    static final String V1 = "360722100201"; // 阳明村, the clerk's
    static final String V2 = "360722100202"; // 水东村, same township (嘉定镇, the reviewer's)
    static final String V3 = "360722101201"; // 大塘村, another township
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @AfterEach
    void resetClocks() {
        as("admin").queryParam("county", XF).delete("/api/admin/clock").then().statusCode(200);
    }

    static String base(String county) {
        return "/api/counties/" + county + "/funds/assets";
    }

    static void clock(String county, LocalDate today) {
        as("admin").body(Map.of("today", today.toString(), "county", county)).put("/api/admin/clock").then().statusCode(200);
    }

    static JsonPath register(String county, String admin, long project, String village, String nature, String name) {
        return as(admin).body(Map.of("projectId", project, "name", name, "nature", nature, "owner", "村股份经济合作社", "custodian", "村委会",
                "value", "480000.00", "villageCode", village)).post(base(county)).then().statusCode(201).extract().jsonPath();
    }

    static Map<String, Object> check(String level, LocalDate on) {
        return Map.of("level", level, "checkedOn", on.toString(), "inspector", "王管护", "findings", "大棚薄膜完好，排水畅通", "condition", "GOOD");
    }

    @Test
    void assetsComeOnlyFromAuditedProjectsSeveralPerProjectAndTheLedgerIsAWorkbookByCategory() {
        long building = AssetProjects.approved(XF, V1, TODAY);
        as("xinfeng.admin").body(Map.of("projectId", building, "name", "未完工大棚", "nature", "OPERATING", "owner", "村集体", "custodian", "村委会",
                "value", "1000", "villageCode", V1)).post(base(XF)).then().statusCode(409).body("code", equalTo("ASSET_PROJECT_NOT_AUDITED"));

        LocalDate audited = TODAY.minusDays(20);
        long project = AssetProjects.audited(XF, V1, audited, "800000");
        JsonPath greenhouses = register(XF, "xinfeng.admin", project, V1, "OPERATING", "阳明村蔬菜大棚");
        JsonPath road = register(XF, "xinfeng.admin", project, V1, "PUBLIC_WELFARE", "阳明村产业路");
        assertEquals(audited.toString(), greenhouses.getString("auditedOn"));
        assertEquals("经营性", greenhouses.getString("natureLabel"));
        assertEquals("在用", road.getString("statusLabel"));
        // The asset lies in one of the project's villages.
        as("xinfeng.admin").body(Map.of("projectId", project, "name", "别村仓库", "nature", "OPERATING", "owner", "村集体", "custodian", "村委会",
                "value", "1000", "villageCode", V3)).post(base(XF)).then().statusCode(400).body("fields.field", hasItem("villageCode"));
        // Village staff and the approver do not register assets.
        as("xinfeng.clerk").body(Map.of("projectId", project)).post(base(XF)).then().statusCode(403);

        as("xinfeng.admin").queryParam("nature", "PUBLIC_WELFARE").queryParam("size", 500).get(base(XF)).then().statusCode(200)
                .header("X-Total-Count", org.hamcrest.Matchers.notNullValue())
                .body("id", hasItem(road.getInt("id"))).body("id", not(hasItem(greenhouses.getInt("id"))));

        byte[] xlsx = as("xinfeng.admin").get(base(XF) + "/ledger.xlsx").then().statusCode(200).extract().asByteArray();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<String> sheets = wb.getSheets().map(Sheet::getName).toList();
            assertEquals(List.of("经营性资产", "公益性资产", "到户类资产"), sheets);
            List<String> operating = new ArrayList<>();
            wb.getSheets().findFirst().orElseThrow().openStream().forEach(r -> operating.add(r.getCellText(0)));
            assertTrue(operating.contains("阳明村蔬菜大棚"), operating.toString());
            assertFalse(operating.contains("阳明村产业路"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void confirmationRunsThreeMonthsFromTheAuditIn信丰AndHasNoClockWhereTheCountySetsNone() {
        LocalDate longAgo = TODAY.minusDays(100);
        long old = AssetProjects.audited(XF, V1, longAgo, "300000");
        JsonPath late = register(XF, "xinfeng.admin", old, V1, "OPERATING", "阳明村冷库");
        assertEquals(longAgo.plusMonths(3).toString(), late.getString("confirmation.dueOn"));
        assertTrue(late.getBoolean("confirmation.overdue"));
        org.hamcrest.MatcherAssert.assertThat(late.getString("confirmation.state"), startsWith("逾期未确权"));
        org.hamcrest.MatcherAssert.assertThat(late.getString("confirmation.rule"), containsString("后 3 个月内"));
        org.hamcrest.MatcherAssert.assertThat(late.getString("confirmation.source"), containsString("信巩字〔2024〕1号"));

        long recent = AssetProjects.audited(XF, V1, TODAY.minusDays(10), "300000");
        JsonPath inTime = register(XF, "xinfeng.admin", recent, V1, "PUBLIC_WELFARE", "阳明村饮水池");
        assertFalse(inTime.getBoolean("confirmation.overdue"));
        org.hamcrest.MatcherAssert.assertThat(inTime.getString("confirmation.state"), startsWith("未确权（还有"));

        // Confirming late keeps the fact that it was late.
        as("xinfeng.admin").body(Map.of("confirmedOn", TODAY.toString(), "confirmationDoc", "信丰县农村产权登记 2024-018", "version", late.getLong("version")))
                .post(base(XF) + "/" + late.getLong("id") + "/confirmation").then().statusCode(200)
                .body("confirmedOn", equalTo(TODAY.toString())).body("confirmation.overdue", equalTo(true))
                .body("confirmation.state", startsWith("已确权（逾期"));
        as("xinfeng.admin").body(Map.of("confirmedOn", TODAY.plusDays(1).toString(), "confirmationDoc", "x", "version", inTime.getLong("version")))
                .post(base(XF) + "/" + inTime.getLong("id") + "/confirmation").then().statusCode(400).body("fields.field", hasItem("confirmedOn"));

        // 延寿县 sets no time limit: no clock, and it says so.
        long ys = AssetProjects.audited("230129", "230129100201", longAgo, "300000");
        JsonPath yanshou = register("230129", "yanshou.admin", ys, "230129100201", "OPERATING", "长寿村食用菌大棚");
        assertEquals(null, yanshou.getString("confirmation.dueOn"));
        assertFalse(yanshou.getBoolean("confirmation.overdue"));
        org.hamcrest.MatcherAssert.assertThat(yanshou.getString("confirmation.rule"), containsString("本县未设定"));
    }

    @Test
    void maintenanceOverdueIsFoundByOneScanAsOfTheCountysTodayAndEachLevelIsLoggedByItsOwnStaff() {
        long project = AssetProjects.audited(XF, V1, TODAY.minusDays(5), "500000");
        long other = AssetProjects.audited(XF, V2, TODAY.minusDays(5), "300000");
        long a = register(XF, "xinfeng.admin", project, V1, "OPERATING", "阳明村光伏板").getLong("id");
        long b = register(XF, "xinfeng.admin", other, V2, "PUBLIC_WELFARE", "水东村便民桥").getLong("id");
        assertEquals(List.of(), overdue(a));

        // 40 days on: the monthly village maintenance of both is overdue, the quarterly township check not yet.
        clock(XF, TODAY.plusDays(40));
        assertEquals(List.of("VILLAGE"), overdue(a));
        assertEquals(List.of("VILLAGE"), overdue(b));
        JsonPath scan = as("xinfeng.admin").get(base(XF) + "/overdue-checks").then().statusCode(200).extract().jsonPath();
        assertEquals(scan.getList("items").size(), scan.getInt("count"));
        assertEquals(TODAY.plusDays(40).toString(), scan.getString("asOf"));
        assertEquals(List.of(), scan.getList("notSet"));

        // Each level belongs to its staff, in scope.
        as("xinfeng.reviewer").body(check("VILLAGE", TODAY.plusDays(40))).post(base(XF) + "/" + a + "/checks").then().statusCode(403)
                .body("code", equalTo("ASSET_CHECK_LEVEL_NOT_YOURS"));
        as("xinfeng.clerk").body(check("VILLAGE", TODAY.plusDays(40))).post(base(XF) + "/" + b + "/checks").then().statusCode(404);
        as("xinfeng.clerk").body(check("VILLAGE", TODAY.plusDays(41))).post(base(XF) + "/" + a + "/checks").then().statusCode(400)
                .body("fields.field", hasItem("checkedOn"));
        as("xinfeng.clerk").body(check("VILLAGE", TODAY.plusDays(40))).post(base(XF) + "/" + a + "/checks").then().statusCode(201)
                .body("levelLabel", equalTo("村级管护"));
        as("xinfeng.reviewer").body(check("TOWNSHIP", TODAY.plusDays(40))).post(base(XF) + "/" + b + "/checks").then().statusCode(201);
        as("xinfeng.admin").body(check("COUNTY", TODAY.plusDays(40))).post(base(XF) + "/" + b + "/checks").then().statusCode(201);
        assertEquals(List.of(), overdue(a));
        assertEquals(List.of("VILLAGE"), overdue(b));

        // 100 days on: a's first quarterly check is due from its registration; b's township check was done on day 40.
        clock(XF, TODAY.plusDays(100));
        assertEquals(List.of("TOWNSHIP", "VILLAGE"), overdue(a));
        assertEquals(List.of("VILLAGE"), overdue(b));
        JsonPath detail = as("xinfeng.clerk").get(base(XF) + "/" + a).then().statusCode(200).extract().jsonPath();
        assertEquals(TODAY.plusDays(40).toString(), detail.getString("asset.cadence.find { it.level == 'VILLAGE' }.lastCheckedOn"));
        assertEquals(TODAY.plusDays(40).plusMonths(1).toString(), detail.getString("asset.cadence.find { it.level == 'VILLAGE' }.dueOn"));
        assertEquals("逾期", detail.getString("asset.cadence.find { it.level == 'VILLAGE' }.state"));
        assertEquals(6, detail.getInt("asset.cadence.find { it.level == 'COUNTY' }.months"));
        org.hamcrest.MatcherAssert.assertThat(detail.getString("asset.cadence.find { it.level == 'TOWNSHIP' }.source"), containsString("信巩字〔2024〕1号"));
        org.hamcrest.MatcherAssert.assertThat(detail.getList("history.kind", String.class), hasItems("登记入账", "村级管护"));

        // 延寿县 sets no cadence: nothing is overdue and every level says so.
        JsonPath yanshou = as("yanshou.admin").get(base("230129") + "/overdue-checks").then().statusCode(200).extract().jsonPath();
        assertEquals(3, yanshou.getList("notSet").size());
        assertEquals(0, yanshou.getInt("count"));
    }

    /** The levels overdue for one asset in the county scan, sorted. */
    static List<String> overdue(long asset) {
        JsonPath scan = as("xinfeng.admin").get(base(XF) + "/overdue-checks").then().statusCode(200).extract().jsonPath();
        return scan.getList("items.findAll { it.assetId == " + asset + " }.level", String.class).stream().sorted().toList();
    }

    @Test
    void incomeIsDistributedByWorkAndNeedNeverHandedOutEquallyAndThePriorityShareIsShown() {
        long project = AssetProjects.audited(XF, V1, TODAY.minusDays(30), "500000");
        long asset = register(XF, "xinfeng.admin", project, V1, "OPERATING", "阳明村扶贫车间").getLong("id");
        List<Map<String, Object>> all = as("xinfeng.admin").queryParam("size", 200).get("/api/counties/" + XF + "/households")
                .then().statusCode(200).extract().jsonPath().getList("$");
        // The income of 阳明村's asset goes to 阳明村's households (the asset's village and its project's).
        List<Map<String, Object>> households = all.stream().filter(h -> V1.equals(h.get("villageCode"))).toList();
        long elsewhere = all.stream().filter(h -> !V1.equals(h.get("villageCode"))).map(h -> ((Number) h.get("id")).longValue()).findFirst().orElseThrow();
        List<Long> priority = households.stream().filter(h -> List.of("MONITORED", "POVERTY_ALLEVIATED").contains(h.get("category")))
                .map(h -> ((Number) h.get("id")).longValue()).toList();
        List<Long> ordinary = households.stream().filter(h -> "ORDINARY".equals(h.get("category"))).map(h -> ((Number) h.get("id")).longValue()).toList();
        assertTrue(priority.size() >= 3 && ordinary.size() >= 1, "the demo county has households of each kind");
        String url = base(XF) + "/" + asset + "/incomes";

        // 3 households × 1,000 yuan = the whole 3,000, no post or work behind it: 一分了之, refused.
        as("xinfeng.admin").body(income("3000.00", line(priority.get(0), "MONITORED_PRIORITY", "1000"), line(priority.get(1), "MONITORED_PRIORITY", "1000"),
                line(ordinary.get(0), "MONITORED_PRIORITY", "1000"))).post(url).then().statusCode(422).body("code", equalTo("ASSET_EQUAL_HANDOUT"))
                .body("message", containsString("一分了之"));
        // The plan must account for the whole income.
        as("xinfeng.admin").body(income("3000.00", line(priority.get(0), "WELFARE_JOB_WAGE", "1200"), line(null, "COLLECTIVE_RETAINED", "1799.99")))
                .post(url).then().statusCode(422).body("code", equalTo("ASSET_DISTRIBUTION_TOTAL_MISMATCH")).body("message", containsString("0.01"));
        // A household of another village is refused by its line.
        as("xinfeng.admin").body(income("3000.00", line(elsewhere, "WELFARE_JOB_WAGE", "1200"), line(null, "COLLECTIVE_RETAINED", "1800")))
                .post(url).then().statusCode(400).body("fields[0].field", equalTo("lines[0].householdId"))
                .body("fields[0].message", equalTo("该户不在资产所在村或项目涉及的村"));
        // The approver and village staff do not record income.
        as("xinfeng.approver").body(income("1", line(null, "COLLECTIVE_RETAINED", "1"))).post(url).then().statusCode(403);

        // Wages for public-welfare posts, basic living support, the collective's share: accepted, priority households shown.
        JsonPath ok = as("xinfeng.admin").body(income("3000.00", line(priority.get(0), "WELFARE_JOB_WAGE", "1200"),
                line(ordinary.get(0), "WELFARE_JOB_WAGE", "1200"), line(priority.get(1), "BASIC_LIVING", "300"), line(null, "COLLECTIVE_RETAINED", "300")))
                .post(url).then().statusCode(201).extract().jsonPath();
        assertEquals(1500.0, ok.getDouble("priorityAmount"));
        assertEquals(50.0, ok.getDouble("prioritySharePercent"));
        assertEquals(List.of(true, false, true, false), ok.getList("lines.priority"));
        assertEquals("公益岗位工资", ok.getString("lines[0].kindLabel"));
        // A line names the household by 户编号, village and category: there is no ID number in it at all.
        assertEquals(java.util.Set.of("householdId", "householdNo", "villageName", "category", "priority", "kind", "kindLabel", "amount", "basis"),
                ok.getMap("lines[0]").keySet());
        // Equal amounts with part kept by the collective are not the whole income handed out.
        as("xinfeng.admin").body(income("3000.00", line(priority.get(0), "MONITORED_PRIORITY", "900"), line(priority.get(1), "MONITORED_PRIORITY", "900"),
                line(priority.get(2), "MONITORED_PRIORITY", "900"), line(null, "COLLECTIVE_RETAINED", "300"))).post(url).then().statusCode(201)
                .body("prioritySharePercent", equalTo(90.00f));

        JsonPath detail = as("xinfeng.clerk").get(base(XF) + "/" + asset).then().statusCode(200).extract().jsonPath();
        assertEquals(2, detail.getList("incomes").size());
        org.hamcrest.MatcherAssert.assertThat(detail.getList("history.kind", String.class), hasItem("收益分配"));
    }

    static Map<String, Object> income(String amount, Map<String, Object>... lines) {
        return Map.of("receivedOn", TODAY.toString(), "amount", amount, "payer", "信丰县某农业公司（租金）", "lines", List.of(lines));
    }

    static Map<String, Object> line(Long household, String kind, String amount) {
        Map<String, Object> m = new java.util.HashMap<>(Map.of("kind", kind, "amount", amount, "basis", "按村民代表大会通过的分配方案"));
        if (household != null) {
            m.put("householdId", household);
        }
        return m;
    }

    @Test
    void disposalNeedsAValuationAndTheCountyApproversApprovalAndTheWholeHistoryIsKept() {
        long project = AssetProjects.audited(XF, V1, TODAY.minusDays(60), "600000");
        JsonPath a = register(XF, "xinfeng.admin", project, V1, "OPERATING", "阳明村烘干房");
        String url = base(XF) + "/" + a.getLong("id");
        long v = a.getLong("version");
        v = as("xinfeng.admin").body(Map.of("idleSince", TODAY.minusDays(10).toString(), "reason", "承租企业退租", "version", v)).post(url + "/idle")
                .then().statusCode(200).body("statusLabel", equalTo("闲置")).extract().jsonPath().getLong("version");
        v = as("xinfeng.admin").body(Map.of("reviewedOn", TODAY.toString(), "measure", "招商引资未果，拟报废处置", "backInUse", false, "version", v))
                .post(url + "/idle-review").then().statusCode(200).body("status", equalTo("IDLE")).extract().jsonPath().getLong("version");
        // 江西 sets no plan threshold: the 四个一批 class needs no plan here, and the answer says why.
        v = as("xinfeng.admin").body(Map.of("assetClass", "ADJUST", "version", v)).put(url + "/classification").then().statusCode(200)
                .body("assetClassLabel", equalTo("调整一批")).extract().jsonPath().getLong("version");
        as("xinfeng.admin").get(url).then().body("planRule.required", equalTo(false)).body("planRule.rule", containsString("本省未设定"));

        as("xinfeng.admin").body(Map.of("method", "报废", "version", v)).post(url + "/disposal").then().statusCode(422)
                .body("code", equalTo("ASSET_DISPOSAL_NEEDS_VALUATION")).body("fields.field", hasItems("valuation", "valuer"));
        v = as("xinfeng.admin").body(Map.of("valuation", "35000.00", "valuer", "赣州某资产评估事务所", "method", "报废", "version", v))
                .post(url + "/disposal").then().statusCode(200).body("status", equalTo("DISPOSAL_PENDING")).extract().jsonPath().getLong("version");
        as("xinfeng.admin").body(Map.of("approve", true, "opinion", "同意", "version", v)).post(url + "/disposal/decision").then().statusCode(403);
        as("xinfeng.approver").body(Map.of("approve", true, "opinion", "经评估，同意报废", "version", v)).post(url + "/disposal/decision").then()
                .statusCode(200).body("status", equalTo("DISPOSED")).body("disposedOn", equalTo(TODAY.toString()));
        as("xinfeng.clerk").body(check("VILLAGE", TODAY)).post(url + "/checks").then().statusCode(409).body("code", equalTo("ASSET_DISPOSED"));

        JsonPath detail = as("xinfeng.reviewer").get(url).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("登记入账", "认定闲置", "闲置复核", "四个一批分类", "提出处置", "批准处置"), detail.getList("history.kind"));
        // A disposed asset is never overdue.
        clock(XF, TODAY.plusDays(400));
        assertEquals(List.of(), overdue(a.getLong("id")));
    }

    @Test
    void 花垣县RequiresAPlanForProjectsOfFiveHundredThousandOrMore() {
        String hy = "433124";
        long big = AssetProjects.audited(hy, "433124100201", TODAY.minusDays(30), "500000");
        JsonPath a = register(hy, "huayuan.admin", big, "433124100201", "OPERATING", "紫霞村茶叶加工厂");
        String url = base(hy) + "/" + a.getLong("id") + "/classification";
        as("huayuan.admin").body(Map.of("assetClass", "UPGRADE", "version", a.getLong("version"))).put(url).then().statusCode(422)
                .body("code", equalTo("ASSET_PLAN_REQUIRED")).body("message", containsString("500000.00"));
        as("huayuan.admin").body(Map.of("assetClass", "UPGRADE", "plan", "新增生产线一条，2025年底前完成提质改造", "version", a.getLong("version")))
                .put(url).then().statusCode(200).body("classPlan", startsWith("新增生产线"));

        long small = AssetProjects.audited(hy, "433124100201", TODAY.minusDays(30), "499999.99");
        JsonPath b = register(hy, "huayuan.admin", small, "433124100201", "PUBLIC_WELFARE", "紫霞村机耕道");
        as("huayuan.admin").body(Map.of("assetClass", "CONSOLIDATE", "version", b.getLong("version"))).put(base(hy) + "/" + b.getLong("id")
                + "/classification").then().statusCode(200).body("classPlan", nullValue());
    }

    @Test
    void everyoneReadsOnlyTheAssetsInTheirScope() {
        long project = AssetProjects.audited(XF, V1, TODAY.minusDays(5), "100000");
        long elsewhere = AssetProjects.audited(XF, V3, TODAY.minusDays(5), "100000");
        long mine = register(XF, "xinfeng.admin", project, V1, "HOUSEHOLD", "阳明村到户牛棚").getLong("id");
        long other = register(XF, "xinfeng.admin", elsewhere, V3, "HOUSEHOLD", "大塘村到户猪栏").getLong("id");
        as("xinfeng.clerk").get(base(XF) + "/" + mine).then().statusCode(200);
        as("xinfeng.clerk").get(base(XF) + "/" + other).then().statusCode(404);
        as("xinfeng.reviewer").get(base(XF) + "/" + other).then().statusCode(404);
        as("xinfeng.official").get(base(XF) + "/" + mine).then().statusCode(200);
        List<String> villages = as("xinfeng.clerk").queryParam("size", 500).get(base(XF)).then().statusCode(200).extract().jsonPath()
                .getList("villageCode", String.class);
        assertTrue(!villages.isEmpty() && villages.stream().allMatch(V1::equals), villages.toString());
        List<String> township = as("xinfeng.reviewer").queryParam("size", 500).get(base(XF)).then().statusCode(200).extract().jsonPath()
                .getList("villageCode", String.class);
        assertTrue(township.contains(V1) && !township.contains(V3), township.toString());
        as("xinfeng.dept").get(base(XF)).then().statusCode(403);
    }
}
