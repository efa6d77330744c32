package cn.fpjc.app.rollup;

import static cn.fpjc.app.support.Api.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fpjc.admin.rollup.MetricSnapshotJob;
import cn.fpjc.app.registry.Ids;
import cn.fpjc.app.support.Api;
import cn.fpjc.app.support.Cases;
import cn.fpjc.app.support.Sql;
import cn.fpjc.core.platform.jobs.BackgroundJobs;
import cn.fpjc.core.platform.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The metrics on a known county (Jiangxi, national procedures, its date set to 31 Dec 2024), the county's own page and
 * the province's snapshots and dashboard over the same definitions: identification 15 days exactly and across National
 * Day, a late one; plans; clues; the township and village breakdowns; numbers only in the control database; a failing
 * county beside a good one; the province admin's reach. The test county keeps its date (in memory, this county only).
 */
@QuarkusTest
class RollupTest {
    static final String AS_OF = "2024-12-31";
    static String county;
    static String township1;
    static String township2;
    static String village1;
    static String village2;
    static String admin;
    static String clerk1;
    static String clerk2;
    static String reviewer1;
    static String reviewer2;
    static String approver;
    static int households;

    @Inject
    BackgroundJobs jobs;

    @Inject
    MetricSnapshotJob snapshotJob;

    @BeforeEach
    void data() {
        if (county != null) {
            return;
        }
        county = Api.onboard("jiangxi", "36");
        admin = Api.createUser("t_ru_admin_" + county, Roles.COUNTY_ADMIN, county, county);
        String[] a = Api.addTownshipAndVillage(admin, county, "101");
        String[] b = Api.addTownshipAndVillage(admin, county, "102");
        township1 = a[0];
        village1 = a[1];
        township2 = b[0];
        village2 = b[1];
        clerk1 = Api.createUser("t_ru_clerk1_" + county, Roles.VILLAGE_CLERK, county, village1);
        clerk2 = Api.createUser("t_ru_clerk2_" + county, Roles.VILLAGE_CLERK, county, village2);
        reviewer1 = Api.createUser("t_ru_rev1_" + county, Roles.TOWNSHIP_REVIEWER, county, township1);
        reviewer2 = Api.createUser("t_ru_rev2_" + county, Roles.TOWNSHIP_REVIEWER, county, township2);
        approver = Api.createUser("t_ru_appr_" + county, Roles.COUNTY_APPROVER, county, county);
        String official = Api.createUser("t_ru_off_" + county, Roles.RESPONSIBLE_OFFICIAL, county, village1);

        // A: started Fri 20 Sep; 15 days end on 5 Oct, inside 国庆节, so the period runs to Tue 8 Oct: approved that day, in time.
        long caseA = identified(clerk1, reviewer1, household(clerk1, village1), "2024-09-20",
                List.of("2024-09-23", "2024-09-24", "2024-09-25", "2024-09-30", "2024-09-30", "2024-10-08"));
        // B: started Mon 4 Nov; 15 days exactly is Tue 19 Nov: approved that day, in time.
        identified(clerk1, reviewer1, household(clerk1, village1), "2024-11-04",
                List.of("2024-11-05", "2024-11-06", "2024-11-07", "2024-11-12", "2024-11-13", "2024-11-19"));
        // C (the other township): the same start, approved Wed 20 Nov, one day late.
        identified(clerk2, reviewer2, household(clerk2, village2), "2024-11-04",
                List.of("2024-11-05", "2024-11-06", "2024-11-07", "2024-11-12", "2024-11-13", "2024-11-20"));

        // A's plan is made on 15 Oct (its plan date is 18 Oct); B's and C's were never made and their dates have passed.
        today("2024-10-15");
        String planUrl = base() + "/cases/" + caseA + "/plan";
        as(official).body(Api.versioned(official, planUrl, Map.of("responsibleOfficial", "李帮扶", "responsiblePhone", "0797-2345678",
                "labourWilling", true, "measures", List.of(Map.of("type", "产业帮扶", "risks", List.of("因病"), "startOn", "2024-10-15")))))
                .put(planUrl).then().statusCode(200);

        // Two clues reported Mon 2 Dec: one verified the next day, one never (its date has passed by 31 Dec).
        today("2024-12-02");
        long verified = clue(clerk1, village1, "19800101");
        clue(clerk1, village1, "19800202");
        today("2024-12-03");
        as(clerk1).body(Map.of("result", "核实无风险", "note", "入户核实，收入稳定", "version", 0)).post(base() + "/clues/" + verified + "/verification")
                .then().statusCode(200);
        // One reported on 30 Dec is not due yet on the 31st: not judged.
        today("2024-12-30");
        clue(clerk1, village1, "19800303");
        today(AS_OF);
    }

    static String base() {
        return "/api/counties/" + county;
    }

    static void today(String day) {
        as("admin").body(Map.of("today", day, "county", county)).put("/api/admin/clock").then().statusCode(200);
    }

    static long household(String clerk, String village) {
        households++;
        String id = Ids.of(String.format("1971%02d%02d", households % 12 + 1, households % 27 + 1), true);
        return as(clerk).body(Map.of("householdNo", "RU" + county + households, "villageCode", village, "category", "一般农户", "members",
                List.of(Map.of("name", "赵指标" + "甲乙丙丁".charAt(households % 4), "idNumber", id, "relation", "户主", "labour", "普通劳动力",
                        "health", "健康")))).post(base() + "/households").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** An identification case through the county's approval on the given days (verify … county). */
    static long identified(String clerk, String reviewer, long household, String start, List<String> days) {
        long id = as(clerk).body(Map.of("householdId", household, "monitoringType", "突发严重困难户", "riskCategories", List.of("因病", "因意外事故"),
                "greenChannel", false, "startedOn", start)).post(base() + "/cases").then().statusCode(201).extract().jsonPath().getLong("id");
        List<String> steps = List.of("verify", "authorize", "review", "notice", "township", "county");
        for (int i = 0; i < steps.size(); i++) {
            String who = steps.get(i).equals("township") ? reviewer : steps.get(i).equals("county") ? approver : clerk;
            Cases.complete(county, clerk, who, id, steps.get(i), days.get(i));
        }
        return id;
    }

    static long clue(String clerk, String village, String birth) {
        return as(clerk).body(Map.of("channel", "基层干部排查", "screeningKind", "常态化排查", "villageCode", village, "name", "孙线索",
                "idNumber", Ids.of(birth, true), "description", "家中有人住院")).post(base() + "/clues").then().statusCode(201).extract().jsonPath()
                .getLong("id");
    }

    static Map<String, Object> metric(JsonPath p, String key) {
        return p.getMap("metrics.find { it.key == '" + key + "' }");
    }

    static String headline(JsonPath p, String key) {
        return p.getString("metrics.find { it.key == '" + key + "' }.headline.text");
    }

    @Test
    void theCountysFiguresOnAKnownDataSet() {
        JsonPath p = as(admin).get(base() + "/metrics").then().statusCode(200).body("asOf", equalTo(AS_OF)).body("childLevel", equalTo("乡镇"))
                .extract().jsonPath();
        // 15 days exactly and across National Day are in time; one day late is not: 2 of 3.
        assertEquals("66.67%", headline(p, "monitoring.identified-on-time"));
        assertEquals(2, p.getInt("metrics.find { it.key == 'monitoring.identified-on-time' }.headline.numerator"));
        assertEquals(3, p.getInt("metrics.find { it.key == 'monitoring.identified-on-time' }.headline.denominator"));
        // By township: the first 2/2, the second 0/1; by month: October 1/1, November 1/2.
        assertEquals("100.00%", p.getString("metrics.find { it.key == 'monitoring.identified-on-time' }.areas.find { it.code == '" + township1
                + "' }.figure.text"));
        assertEquals("0.00%", p.getString("metrics.find { it.key == 'monitoring.identified-on-time' }.areas.find { it.code == '" + township2
                + "' }.figure.text"));
        assertEquals("50.00%", p.getString("metrics.find { it.key == 'monitoring.identified-on-time' }.months.find { it.code == '2024-11' }.figure.text"));
        assertEquals("100.00%", p.getString("metrics.find { it.key == 'monitoring.identified-on-time' }.months.find { it.code == '2024-10' }.figure.text"));
        // Plans: A's made in time; B's and C's dates passed without one.
        assertEquals("33.33%", headline(p, "monitoring.plan-on-time"));
        assertEquals("3 户", headline(p, "monitoring.monitored"));
        assertEquals("0 户", headline(p, "monitoring.eliminated"));
        assertEquals("0 户", headline(p, "monitoring.long-monitored"));
        // Each household counts under both its risks.
        assertEquals(3, p.getInt("metrics.find { it.key == 'monitoring.risk-categories' }.categories.find { it.code == 'ILLNESS' }.figure.numerator"));
        assertEquals(3, p.getInt("metrics.find { it.key == 'monitoring.risk-categories' }.categories.find { it.code == 'ACCIDENT' }.figure.numerator"));
        assertEquals("50.00%", headline(p, "monitoring.clues-verified"));
        assertEquals("—", headline(p, "funds.spending-progress")); // nothing received
        // Every metric carries its definition and source.
        for (Map<String, Object> m : p.<Map<String, Object>>getList("metrics")) {
            assertTrue(((String) m.get("definition")).length() > 20, m.get("key") + " has a definition");
            assertTrue(((String) m.get("source")).contains("《"), m.get("key") + " cites its source by title");
        }

        // A township's reviewer sees the township, by village, and nothing of the other township.
        as(reviewer1).get(base() + "/metrics").then().statusCode(200).body("childLevel", equalTo("村"))
                .body("metrics.find { it.key == 'monitoring.identified-on-time' }.headline.text", equalTo("100.00%"))
                .body("metrics.find { it.key == 'monitoring.identified-on-time' }.areas.code", equalTo(List.of(village1)))
                .body("metrics.key", not(hasItem("funds.spending-progress")));
        as(reviewer1).get(base() + "/metrics?org=" + township2).then().statusCode(404);
        as(admin).get(base() + "/metrics?org=" + township2).then().statusCode(200)
                .body("metrics.find { it.key == 'monitoring.monitored' }.headline.text", equalTo("1 户"));
        as(admin).get(base() + "/metrics?org=999999999999").then().statusCode(404);

        // The pages: home's card and the drill-down page.
        String home = as(admin).get("/").then().statusCode(200).extract().asString();
        assertTrue(home.contains("id=\"home-metrics\"") && home.contains("识别及时率 <strong>66.67%</strong>"), home);
        String page = as(admin).get("/metrics").then().statusCode(200).extract().asString();
        assertTrue(page.contains("href=\"/metrics?org=" + township1 + "\"") && page.contains("data-echarts=\"bar\""), page);
        as(clerk1).get("/metrics?org=" + village1).then().statusCode(200).body(containsString("工作指标"));
    }

    @Test
    void snapshotsAreNumbersOnlyAndTheDashboardAgreesWithTheCounty() throws Exception {
        // The nightly job, fired as the scheduler would: every active county once, as of the day just ended (this county's 30 Dec).
        jobs.runSlot(snapshotJob, Instant.parse("2036-01-01T20:30:00Z").plusSeconds(System.nanoTime() % 100_000));
        List<String> snaps = Sql.column("SELECT CONCAT(status, ' ', as_of) FROM metric_snapshot WHERE county_code = '" + county + "'");
        assertTrue(snaps.contains("OK 2024-12-30"), snaps.toString());
        // The province admin's run: as of the county's today, the day its own page shows.
        as("jiangxi-admin").post("/api/admin/provinces/jiangxi/metric-snapshots").then().statusCode(202).body("runs.county", hasItem(county));
        await().atMost(Duration.ofSeconds(60)).until(() -> !Sql.column("SELECT id FROM metric_snapshot WHERE status = 'OK' AND as_of = '" + AS_OF
                + "' AND county_code = '" + county + "'").isEmpty());
        // Numbers only: codes of townships, months, category codes; no name or ID number anywhere.
        for (String area : Sql.column("SELECT DISTINCT area_code FROM metric_value v JOIN metric_snapshot s ON s.id = v.snapshot_id WHERE s.county_code = '"
                + county + "'")) {
            assertTrue(area.isEmpty() || area.equals(township1) || area.equals(township2), area);
        }
        for (String category : Sql.column("SELECT DISTINCT category FROM metric_value v JOIN metric_snapshot s ON s.id = v.snapshot_id"
                + " WHERE s.county_code = '" + county + "'")) {
            assertTrue(category.matches("[A-Za-z_.-]*"), category); // codes (a type, risk, source or checkpoint), never a name
        }

        JsonPath county = as(admin).get(base() + "/metrics").then().statusCode(200).extract().jsonPath();
        JsonPath d = as("jiangxi-admin").get("/api/admin/provinces/jiangxi/dashboard").then().statusCode(200).extract().jsonPath();
        for (Map<String, Object> m : county.<Map<String, Object>>getList("metrics")) {
            String key = (String) m.get("key");
            assertEquals(((Map<?, ?>) m.get("headline")).get("text"), d.getString("counties.find { it.code == '" + RollupTest.county + "' }.figures['"
                    + key + "'].text"), key);
        }
        JsonPath detail = as("jiangxi-admin").get("/api/admin/provinces/jiangxi/dashboard/counties/" + RollupTest.county).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(county.getString("metrics.find { it.key == 'monitoring.identified-on-time' }.areas.find { it.code == '" + township2
                + "' }.figure.text"), detail.getString("metrics.find { it.key == 'monitoring.identified-on-time' }.areas.find { it.code == '"
                + township2 + "' }.figure.text"));
        assertEquals("测试镇102", detail.getString("metrics.find { it.key == 'monitoring.identified-on-time' }.areas.find { it.code == '" + township2
                + "' }.label"));

        // Excel: the whole report, the county's row among the others.
        byte[] xlsx = as("jiangxi-admin").get("/api/admin/provinces/jiangxi/dashboard.xlsx").then().statusCode(200).extract().asByteArray();
        try (org.dhatim.fastexcel.reader.ReadableWorkbook wb = new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            List<String> sheets = wb.getSheets().map(org.dhatim.fastexcel.reader.Sheet::getName).toList();
            assertEquals(List.of("各县指标", "各乡镇", "按月趋势", "资金支出进度", "指标说明"), sheets);
            List<String> countyRow = new java.util.ArrayList<>();
            for (org.dhatim.fastexcel.reader.Row r : wb.getFirstSheet().read()) {
                if (RollupTest.county.equals(r.getCellText(0))) {
                    for (int i = 0; i < r.getCellCount(); i++) {
                        countyRow.add(r.getCellText(i));
                    }
                }
            }
            assertTrue(countyRow.contains("66.67"), countyRow.toString());
            List<String> townships = new java.util.ArrayList<>();
            for (org.dhatim.fastexcel.reader.Row r : wb.getSheets().filter(x -> x.getName().equals("各乡镇")).findFirst().orElseThrow().read()) {
                townships.add(r.getCellText(2));
            }
            assertTrue(townships.contains("测试镇101") && townships.contains("测试镇102"), townships.toString());
        }

        // Another province's admin sees none of it; county staff neither; no token, no entry.
        as("henan-admin").get("/api/admin/provinces/jiangxi/dashboard").then().statusCode(403);
        as("henan-admin").get("/api/admin/provinces/jiangxi/dashboard/counties/" + RollupTest.county).then().statusCode(403);
        as("henan-admin").post("/api/admin/provinces/jiangxi/metric-snapshots").then().statusCode(403);
        as(admin).get("/api/admin/provinces/jiangxi/dashboard").then().statusCode(403);
        Api.anonymous().get("/api/admin/provinces/jiangxi/dashboard").then().statusCode(401);
        as("henan-admin").get("/api/admin/provinces/henan/dashboard").then().statusCode(200)
                .body("counties.code", not(hasItem(RollupTest.county)));

        // The province dashboard page draws its charts' containers and the county's row.
        String page = as("jiangxi-admin").get("/province/dashboard?sort=monitoring.identified-on-time&dir=desc").then().statusCode(200).extract().asString();
        assertTrue(page.contains("data-county=\"" + RollupTest.county + "\"") && page.contains("id=\"county-chart\"") && page.contains("全省合计"), page);
        as("jiangxi-admin").get("/province/dashboard?sort=nonsense").then().statusCode(400);
        as("jiangxi-admin").get("/province/dashboard/counties/" + RollupTest.county).then().statusCode(200).body(containsString("data-echarts=\"grid\""));

        // The county stops sharing townships: the next snapshot holds its totals only.
        as(clerk1).body(Map.of("townships", false)).put(base() + "/metric-sharing").then().statusCode(403);
        as(admin).body(Map.of()).put(base() + "/metric-sharing").then().statusCode(400).body("fields.field", hasItem("townships"));
        as(admin).body(Map.of("townships", false)).put(base() + "/metric-sharing").then().statusCode(200).body("townships", equalTo(false));
        as("jiangxi-admin").post("/api/admin/provinces/jiangxi/metric-snapshots").then().statusCode(202).body("runs.county", hasItem(RollupTest.county));
        await().atMost(Duration.ofSeconds(60)).until(() -> as("jiangxi-admin").get("/api/admin/provinces/jiangxi/dashboard/counties/" + RollupTest.county)
                .then().extract().jsonPath().getBoolean("sharesTownships") == false);
        as("jiangxi-admin").get("/api/admin/provinces/jiangxi/dashboard/counties/" + RollupTest.county).then().statusCode(200)
                .body("metrics.find { it.key == 'monitoring.identified-on-time' }.areas", equalTo(List.of()))
                .body("metrics.find { it.key == 'monitoring.identified-on-time' }.headline.text", equalTo("66.67%"));
        assertEquals(1, Sql.column("SELECT id FROM metric_snapshot WHERE status = 'OK' AND as_of = '" + AS_OF + "' AND county_code = '" + RollupTest.county
                + "'").size(),
                "the day's second snapshot replaced the first");
        as(admin).body(Map.of("townships", true)).put(base() + "/metric-sharing").then().statusCode(200);
    }

    /**
     * The household counts and the undecided case on a second county whose cases are written straight into its database
     * (states a real county reaches only over years): approved exactly two years before the day is not "more than 2
     * years", a day earlier is; eliminated on the day counts; a case undecided past its 15 days is late, one still
     * within them is not judged.
     */
    @Test
    void householdCountsAndUndecidedCasesOnKnownRows() {
        String other = Api.onboard("jiangxi", "36");
        String otherAdmin = Api.createUser("t_ru_admin2_" + other, Roles.COUNTY_ADMIN, other, other);
        String village = Api.addTownshipAndVillage(otherAdmin, other, "101")[1];
        as("admin").body(Map.of("today", AS_OF, "county", other)).put("/api/admin/clock").then().statusCode(200);
        String db = Sql.database(other);
        String insert = "INSERT INTO " + db + ".monitoring_case (household_id, village_code, procedure_id, monitoring_type, risk_categories,"
                + " green_channel, status, started_on, approved_on, risk_state, risk_state_on, created_at, created_by, version) VALUES ";
        Sql.execute(insert + "(1, '" + village + "', 'identification', 'UNSTABLE', 'ILLNESS', FALSE, 'COMPLETED', '2022-12-20', '2022-12-31',"
                + " 'UNRESOLVED', '2022-12-31', NOW(), 'test', 0),"
                + "(2, '" + village + "', 'identification', 'MARGINAL', 'ILLNESS', FALSE, 'COMPLETED', '2022-12-20', '2022-12-30',"
                + " 'UNRESOLVED', '2022-12-30', NOW(), 'test', 0),"
                + "(3, '" + village + "', 'identification', 'MARGINAL', 'ILLNESS', FALSE, 'COMPLETED', '2024-03-01', '2024-03-10',"
                + " 'ELIMINATED', '" + AS_OF + "', NOW(), 'test', 0),"
                + "(4, '" + village + "', 'identification', 'MARGINAL', 'ILLNESS', FALSE, 'IN_PROGRESS', '2024-11-01', NULL, NULL, NULL, NOW(), 'test', 0),"
                + "(5, '" + village + "', 'identification', 'MARGINAL', 'ILLNESS', FALSE, 'IN_PROGRESS', '2024-12-28', NULL, NULL, NULL, NOW(), 'test', 0)");
        try {
            JsonPath p = as(otherAdmin).get("/api/counties/" + other + "/metrics").then().statusCode(200).extract().jsonPath();
            assertEquals("3 户", headline(p, "monitoring.monitored"));
            assertEquals("1 户", headline(p, "monitoring.eliminated"));
            assertEquals(1, p.getInt("metrics.find { it.key == 'monitoring.eliminated' }.categories.find { it.code == 'MARGINAL' }.figure.numerator"));
            assertEquals("1 户", headline(p, "monitoring.long-monitored")); // 30 Dec 2022, not 31 Dec 2022
            assertEquals(1, p.getInt("metrics.find { it.key == 'monitoring.long-monitored' }.categories.find { it.code == 'MARGINAL' }.figure.numerator"));
            // 1 Nov + 15 = 16 Nov, a Saturday: due Mon 18 Nov, undecided on 31 Dec, so late in November; 28 Dec is still within
            // its days; the March case was approved in 9 days: 1 of 2 this year.
            assertEquals("50.00%", headline(p, "monitoring.identified-on-time"));
            assertEquals(2, p.getInt("metrics.find { it.key == 'monitoring.identified-on-time' }.headline.denominator"));
            assertEquals("0.00%", p.getString("metrics.find { it.key == 'monitoring.identified-on-time' }.months.find { it.code == '2024-11' }.figure.text"));
        } finally {
            as("admin").post("/api/admin/tenants/" + other + "/suspend").then().statusCode(200);
            as("admin").delete("/api/admin/clock?county=" + other).then().statusCode(200);
        }
    }

    @Test
    void aFailingCountyKeepsItsLastGoodSnapshotAndStopsNoOther() {
        String broken = Api.onboard("jiangxi", "36");
        try {
            jobs.runSlot(snapshotJob, Instant.parse("2037-01-01T20:30:00Z").plusSeconds(System.nanoTime() % 100_000));
            assertEquals(List.of("OK"), Sql.column("SELECT status FROM metric_snapshot WHERE county_code = '" + broken + "'"));
            Sql.execute("RENAME TABLE " + Sql.database(broken) + ".loan TO " + Sql.database(broken) + ".loan_gone");
            // A later date for both, so the failure is not the same day's replacement.
            as("admin").body(Map.of("today", "2025-01-02", "county", broken)).put("/api/admin/clock").then().statusCode(200);
            today("2025-01-02");
            jobs.runSlot(snapshotJob, Instant.parse("2038-01-01T20:30:00Z").plusSeconds(System.nanoTime() % 100_000));
            assertEquals(List.of("OK", "FAILED"), Sql.column("SELECT status FROM metric_snapshot WHERE county_code = '" + broken + "' ORDER BY id"));
            assertTrue(Sql.column("SELECT CONCAT(status, as_of) FROM metric_snapshot WHERE county_code = '" + county + "'").contains("OK2025-01-01"),
                    "the good county was snapshotted after the broken one failed");
            JsonPath d = as("jiangxi-admin").get("/api/admin/provinces/jiangxi/dashboard").then().statusCode(200).extract().jsonPath();
            assertEquals("2025-01-01", d.getString("counties.find { it.code == '" + broken + "' }.failedOn"));
            assertTrue(d.getString("counties.find { it.code == '" + broken + "' }.failure").contains("上一份成功的快照保持不变"));
            assertTrue(d.getString("counties.find { it.code == '" + broken + "' }.asOf") != null, "the last good snapshot stays");
        } finally {
            as("admin").post("/api/admin/tenants/" + broken + "/suspend").then().statusCode(200);
            as("admin").delete("/api/admin/clock?county=" + broken).then().statusCode(200);
            today(AS_OF);
        }
    }
}
