package cn.fpjc.app.tenancy;

import static cn.fpjc.app.support.Api.anonymous;
import static cn.fpjc.app.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fpjc.admin.cluster.ClusterServers;
import cn.fpjc.app.support.Api;
import cn.fpjc.app.support.Sql;
import cn.fpjc.app.support.TestBrokenProvincePlugin;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * 平台运行状况 (README "Platform operations view"): each county's status, database server, schema version, last migration,
 * size and nightly jobs with their failures, for the platform admin only, in the API and on the page.
 */
@QuarkusTest
class OperationsViewTest {
    private static final String INSERT = "INSERT INTO background_run (job_id, job_label, county_code, slot, trigger_kind, actor, status,"
            + " owner, attempts, message, started_at, heartbeat_at, finished_at) VALUES ";

    /** A scheduled run of {@code job} for {@code county}, started {@code daysAgo} days ago (machine time, UTC, as the jobs write it). */
    private static void run(String county, String job, String label, int daysAgo, String status, String message) {
        LocalDateTime started = LocalDateTime.now(ZoneOffset.UTC).minusDays(daysAgo).truncatedTo(ChronoUnit.SECONDS);
        String at = "'" + started + "'";
        Sql.execute(INSERT + "('" + job + "', '" + label + "', '" + county + "', " + at + ", 'SCHEDULED', 'system', '" + status
                + "', 'test-node@1', 1, " + (message == null ? "NULL" : "'" + message + "'") + ", " + at + ", " + at + ", " + at + ")");
    }

    /** The county's entry in the API's list (filtered by its province, paging until found). */
    private static Map<String, Object> entry(String province, String code) {
        for (int page = 0; page < 20; page++) {
            JsonPath body = as("admin").queryParam("province", province).queryParam("page", page).get("/api/admin/operations").then()
                    .statusCode(200).extract().jsonPath();
            List<Map<String, Object>> rows = body.getList("$");
            for (Map<String, Object> row : rows) {
                if (code.equals(row.get("code"))) {
                    return row;
                }
            }
            if (rows.isEmpty()) {
                break;
            }
        }
        throw new AssertionError(code + " not in the operations view");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCountysNightlyFailuresVersionMigrationAndSizeAreShown() {
        String county = Api.onboard("henan", "41");
        run(county, "deadline-scan", "期限扫描", 9, "FAILED", "九天前的失败");
        run(county, "deadline-scan", "期限扫描", 2, "FAILED", "期限扫描失败：测试原因");
        run(county, "deadline-scan", "期限扫描", 1, "DONE", "已扫描");

        Map<String, Object> row = entry("henan", county);
        assertEquals("ACTIVE", row.get("status"));
        assertEquals("正常", row.get("statusLabel"));
        assertEquals("河南省", row.get("provinceName"));
        assertEquals(Sql.database(county), row.get("databaseName"));
        // The server is the tenant pool's host:port, from the configured JDBC URL.
        String url = org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("quarkus.datasource.tenants.jdbc.url", String.class);
        assertEquals(ClusterServers.hostAndPort(url), row.get("server"));
        assertTrue(((String) row.get("server")).matches(".+:\\d+"), String.valueOf(row.get("server")));
        // Version and last migration agree with the county's own DATABASECHANGELOG.
        String changesets = Sql.column("SELECT COUNT(*) FROM " + Sql.database(county) + ".DATABASECHANGELOG").get(0);
        assertEquals(Integer.parseInt(changesets), row.get("changesets"));
        assertTrue(((String) row.get("schemaVersion")).startsWith(changesets + ":"), String.valueOf(row.get("schemaVersion")));
        assertNotNull(row.get("lastMigrationAt"));
        java.time.Instant migrated = java.time.Instant.parse((String) row.get("lastMigrationAt"));
        assertTrue(Math.abs(ChronoUnit.MINUTES.between(migrated, java.time.Instant.now())) < 30, "migrated just now: " + migrated);
        assertTrue(((Number) row.get("dataBytes")).longValue() > 0 && ((Number) row.get("dataMb")).doubleValue() > 0, row.toString());
        assertTrue(((Number) row.get("tables")).intValue() > 10, row.toString());
        assertNull(row.get("databaseProblem"));

        // The latest scheduled run is the successful one; the failure two days ago counts, the one nine days ago does not.
        List<Map<String, Object>> jobs = (List<Map<String, Object>>) row.get("nightlyJobs");
        Map<String, Object> scan = jobs.stream().filter(j -> "deadline-scan".equals(j.get("job"))).findFirst().orElseThrow();
        assertEquals("DONE", scan.get("lastStatus"));
        assertEquals("已完成", scan.get("lastStatusLabel"));
        assertEquals(1, scan.get("recentFailures"));
        assertEquals("期限扫描失败：测试原因", scan.get("lastFailureMessage"));
        assertEquals(1, row.get("recentJobFailures"));
        assertEquals(true, row.get("jobsFailing"));
        // Every declared nightly job is listed, also one that never ran for the county.
        Map<String, Object> quality = jobs.stream().filter(j -> "data-quality".equals(j.get("job"))).findFirst().orElseThrow();
        assertEquals("尚未运行", quality.get("lastStatusLabel"));
        assertEquals(0, quality.get("recentFailures"));

        // A county whose migration failed shows the status and the error.
        String broken = Api.freshCountyCode("99");
        as("admin").body(Map.of("code", broken, "name", "故障县" + broken, "province", TestBrokenProvincePlugin.ID))
                .post("/api/admin/tenants").then().statusCode(500);
        JsonPath failed = as("admin").queryParam("status", "FAILED").queryParam("province", TestBrokenProvincePlugin.ID)
                .get("/api/admin/operations").then().statusCode(200).extract().jsonPath();
        assertTrue(failed.getList("code").contains(broken), failed.prettify());
        assertTrue(failed.getList("status").stream().allMatch("FAILED"::equals));
        Map<String, Object> brokenRow = failed.getList("$", Map.class).stream().filter(r -> broken.equals(r.get("code"))).findFirst().orElseThrow();
        assertEquals("初始化失败", brokenRow.get("statusLabel"));
        assertNotNull(brokenRow.get("lastError"));
        String page = as("admin").accept("text/html").queryParam("status", "FAILED").queryParam("province", TestBrokenProvincePlugin.ID)
                .get("/admin/operations").then().statusCode(200).extract().asString();
        assertTrue(page.contains("data-code=\"" + broken + "\"") && page.contains("初始化失败") && page.contains("<summary>错误信息</summary>"), page);
    }

    @Test
    void theServerIsTheUrlsHostAndPortWithoutCredentials() {
        assertEquals("db1:3307", ClusterServers.hostAndPort("jdbc:mysql://db1:3307/fpjc_control?useSSL=true"));
        assertEquals("db1:3306", ClusterServers.hostAndPort("jdbc:mysql://db1/fpjc_control"));
        assertEquals("h1:3306,h2:3307", ClusterServers.hostAndPort("jdbc:mysql:loadbalance://h1,h2:3307/fpjc"));
        assertEquals("10.0.0.5:4000", ClusterServers.hostAndPort("jdbc:mysql://fpjc:secret@10.0.0.5:4000?x=1"));
        assertEquals("未知", ClusterServers.hostAndPort("jdbc:h2:mem:test"));
    }

    @Test
    void filtersAndPagesAreChecked() {
        JsonPath henan = as("admin").queryParam("province", "henan").queryParam("status", "ACTIVE").get("/api/admin/operations").then()
                .statusCode(200).extract().jsonPath();
        assertTrue(henan.getList("code").contains("410225"));
        assertTrue(henan.getList("provinceId").stream().allMatch("henan"::equals));
        assertTrue(henan.getList("status").stream().allMatch("ACTIVE"::equals));
        int total = Integer.parseInt(as("admin").queryParam("size", 2).get("/api/admin/operations").then().statusCode(200)
                .extract().header("X-Total-Count"));
        assertTrue(total >= 5, "the five demo counties at least");
        as("admin").queryParam("size", 2).get("/api/admin/operations").then().body("size()", equalTo(2));
        // At most 50 a page; a page far past the end is empty, not an error.
        assertTrue(as("admin").queryParam("size", 500).get("/api/admin/operations").then().statusCode(200).extract().jsonPath()
                .getList("$").size() <= 50);
        as("admin").queryParam("page", Integer.MAX_VALUE).get("/api/admin/operations").then().statusCode(200).body("size()", equalTo(0));
        as("admin").queryParam("province", "atlantis").get("/api/admin/operations").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"));
        as("admin").queryParam("status", "NO_SUCH").get("/api/admin/operations").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"));
    }

    @Test
    void onlyThePlatformAdminSeesIt() {
        anonymous().get("/api/admin/operations").then().statusCode(401);
        as("henan-admin").get("/api/admin/operations").then().statusCode(403);
        as("lankao.admin").get("/api/admin/operations").then().statusCode(403);
        as("henan-admin").accept("text/html").get("/admin/operations").then().statusCode(403);
        // The nav links the page for the platform admin only.
        assertTrue(as("admin").accept("text/html").get("/").then().statusCode(200).extract().asString().contains("href=\"/admin/operations\""));
        assertFalse(as("henan-admin").accept("text/html").get("/").then().extract().asString().contains("href=\"/admin/operations\""));
    }

    @Test
    void thePageShowsLabelsSizesAndFlagsFailingCounties() {
        String county = Api.onboard("gansu", "62");
        run(county, "data-quality", "疑点筛查", 1, "FAILED", "疑点筛查失败：页面测试");
        // The page of 20 the county falls on, in code order among Gansu's counties.
        List<String> codes = as("admin").queryParam("province", "gansu").queryParam("size", 50).get("/api/admin/operations").then()
                .extract().jsonPath().getList("code");
        int index = codes.indexOf(county);
        assertTrue(index >= 0, codes.toString());
        String page = as("admin").accept("text/html").queryParam("province", "gansu").queryParam("page", index / 20)
                .get("/admin/operations").then().statusCode(200).extract().asString();
        for (String text : List.of("<h1>平台运行状况</h1>", "<div class=\"scroll\">", "正常", "数据库版本", "最近迁移", "夜间任务", " MB",
                "疑点筛查失败：页面测试", "任务失败", "近7天失败 1 次")) {
            assertTrue(page.contains(text), text + " in\n" + page);
        }
        String row = page.substring(page.indexOf("data-code=\"" + county + "\""));
        row = row.substring(0, row.indexOf("</tr>"));
        assertTrue(row.startsWith("data-code=\"" + county + "\" class=\"job-failing\"") && row.contains("jobs-failed-flag"), row);
        assertTrue(row.contains("疑点筛查失败：页面测试") && row.contains("MB"), row);
        String filtered = as("admin").accept("text/html").queryParam("status", "NO_SUCH").get("/admin/operations").then().statusCode(400)
                .extract().asString();
        assertTrue(filtered.contains("未知状态"), filtered);
    }
}
