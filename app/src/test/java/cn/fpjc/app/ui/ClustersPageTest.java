package cn.fpjc.app.ui;

import static cn.fpjc.app.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fpjc.app.support.Api;
import cn.fpjc.app.support.BrowserForm;
import cn.fpjc.app.support.Chromium;
import cn.fpjc.app.support.Sql;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * 数据库集群 (/admin/clusters), the platform admin's page over the cluster API: clusters with their counties, a registration
 * refused beside its inputs, status and capacity changed through the form, and the moves section (progress of a running
 * move, 清理原库 for a switched one). No move is started here (ClustersTest moves counties with a second server): the moves
 * shown are rows written for this test on a county of its own, one never picked up by the sweep and one whose clean-up the
 * mover refuses because the county still lives on the source.
 */
@QuarkusTest
class ClustersPageTest {
    static final String PAGE = "/admin/clusters";

    @TestHTTPResource("/")
    URL base;

    static String html(String user) {
        return as(user).accept("text/html").get(PAGE).then().statusCode(200).extract().asString();
    }

    @Test
    void onlyThePlatformAdminSeesThePageAndItsMenuEntry() {
        given().redirects().follow(false).accept("text/html").get(PAGE).then().statusCode(303).header("Location", endsWith("/login"));
        as("henan-admin").accept("text/html").get(PAGE).then().statusCode(403);
        as("lankao.admin").accept("text/html").get(PAGE).then().statusCode(403);
        BrowserForm.from("/", Api.token("henan-admin")).formParam("status", "FULL").post(PAGE + "/default").then().statusCode(403);
        assertTrue(html("admin").contains("<h1>数据库集群</h1>"));
        assertTrue(as("admin").accept("text/html").get("/").then().extract().asString().contains("href=\"/admin/clusters\">数据库集群</a>"));
        assertFalse(as("henan-admin").accept("text/html").get("/").then().extract().asString().contains("href=\"/admin/clusters\""));
    }

    @Test
    void eachClusterWithItsCountiesSizesAndFormsAndTheMovesWithTheirProgress() throws Exception {
        // A county of this test's own on "default", with a running move (copying 3 of 7 tables) and an earlier switched one.
        String county = Api.freshCountyCode("41");
        as("admin").body(Map.of("code", county, "name", "页面县" + county, "province", "henan", "cluster", "default"))
                .post("/api/admin/tenants").then().statusCode(201);
        String database = Sql.database(county);
        Sql.execute("INSERT INTO county_move (tenant_code, active_tenant, source_cluster, target_cluster, database_name, step, owner, "
                + "heartbeat_at, tables_total, tables_copied, rows_copied, actor, started_at, switched_at, read_only_millis, finished_at) VALUES ('"
                + county + "', NULL, 'default', 'page-test', '" + database + "', 'SWITCHED', NULL, NULL, 7, 7, 1234, 'admin', "
                + "UTC_TIMESTAMP(6) - INTERVAL 20 YEAR, UTC_TIMESTAMP(6) - INTERVAL 20 YEAR, 2500, UTC_TIMESTAMP(6) - INTERVAL 20 YEAR)");
        long switched = Long.parseLong(Sql.column("SELECT MAX(id) FROM county_move WHERE tenant_code = '" + county + "'").get(0));
        // Owner unset and a heartbeat far ahead: the sweep never takes it for a dead move (it would roll it back).
        Sql.execute("INSERT INTO county_move (tenant_code, active_tenant, source_cluster, target_cluster, database_name, step, owner, "
                + "heartbeat_at, tables_total, tables_copied, rows_copied, actor, started_at) VALUES ('" + county + "', '" + county
                + "', 'default', 'page-test', '" + database + "', 'COPYING', NULL, UTC_TIMESTAMP(6) + INTERVAL 10 YEAR, 7, 3, 4321, 'admin', "
                + "UTC_TIMESTAMP(6))");
        long running = Long.parseLong(Sql.column("SELECT MAX(id) FROM county_move WHERE tenant_code = '" + county + "'").get(0));
        // The moves' target, a cluster that is draining (so nothing is placed on it while it exists) and is removed afterwards.
        Sql.execute("INSERT INTO database_cluster (name, jdbc_url, credentials, capacity, pool_size, status, created_at, updated_at, version) "
                + "VALUES ('page-test', 'jdbc:mysql://127.0.0.1:1/', 'env:FPJC_PAGE_TEST', 5, 4, 'DRAINING', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6), 0)");
        try {
            Response response = as("admin").accept("text/html").get(PAGE);
            response.then().statusCode(200).header("Refresh", "5");
            String page = response.asString();
            assertEquals(List.of(), HumanPagesTest.problems("admin " + PAGE, page));
            String cluster = section(page, "data-cluster=\"default\"", "</section>");
            for (String text : List.of("<span class=\"badge cluster-OPEN\">开放</span>", "服务器", "账号来源", "配置文件中的数据源账号",
                    "已用 / 容量", "<meter", "总大小", " MB", "<option value=\"FULL\">已满</option>", "<option value=\"DRAINING\">迁出中</option>",
                    "兰考县", "410225", "正常", "开始迁移", "action=\"/admin/clusters/counties/410225/move\"", "name=\"csrf-token\"")) {
                assertTrue(cluster.contains(text), text + " in\n" + cluster);
            }
            assertFalse(cluster.contains("cluster-problem"), "the sizes were read: " + cluster);
            String target = section(page, "data-cluster=\"page-test\"", "</section>");
            for (String text : List.of("<span class=\"badge cluster-DRAINING\">迁出中</span>", "127.0.0.1:1", "env:FPJC_PAGE_TEST",
                    "0 / 5 个县（区）", "该集群上还没有县（区）")) {
                assertTrue(target.contains(text), text + " in\n" + target);
            }
            assertFalse(target.contains("FPJC_PAGE_TEST_PASSWORD"));
            // 兰考县 may be moved to another cluster; the draining one is listed but cannot be chosen.
            String lankao = section(cluster, "<tr data-code=\"410225\"", "</tr>");
            assertTrue(lankao.contains("<option value=\"page-test\" disabled>page-test（迁出中，0/5）</option>"), lankao);
            // The county being moved offers no second move; the others do.
            String row = section(cluster, "<tr data-code=\"" + county + "\"", "</tr>");
            assertTrue(row.contains("正在迁往 page-test") && !row.contains("move-form"), row);

            String moves = section(page, "id=\"moves\"", "</section>");
            assertTrue(moves.contains("迁移期间该县（区）只读") || page.contains("迁移期间该县（区）只读"), moves);
            String copying = section(moves, "data-move=\"" + running + "\"", "</tr>");
            for (String text : List.of("复制中", "default → page-test", "<progress max=\"7\" value=\"3\">", "已复制 3 / 7 张表，4321 行", "页面县" + county)) {
                assertTrue(copying.contains(text), text + " in\n" + copying);
            }
            assertFalse(copying.contains("清理原库"), copying);
            String done = section(moves, "data-move=\"" + switched + "\"", "</tr>");
            for (String text : List.of("已切换", "2.5 秒", "清理原库", "data-confirm=\"将永久删除集群 default 上的原库 " + database, "不可恢复",
                    "action=\"/admin/clusters/moves/" + county + "/" + switched + "/cleanup\"")) {
                assertTrue(done.contains(text), text + " in\n" + done);
            }
            assertTrue(page.contains("有迁移正在进行，本页每 5 秒自动刷新"), "the page says it follows the move");

            // 清理原库 of a move whose county still lives on the source: refused beside that move, nothing dropped.
            Response refused = BrowserForm.from(PAGE, Api.token("admin")).post(PAGE + "/moves/" + county + "/" + switched + "/cleanup");
            refused.then().statusCode(409);
            String beside = section(refused.asString(), "data-move=\"" + switched + "\"", "</tr>");
            assertTrue(beside.contains("data-field=\"cleanup-" + switched + "\"") && beside.contains("原库正在使用，不能删除"), beside);
            assertEquals(List.of(database), Sql.column("SHOW DATABASES LIKE '" + database + "'"));

            screenshots();
        } finally {
            Sql.execute("DELETE FROM database_cluster WHERE name = 'page-test'");
            Sql.execute("UPDATE county_move SET step = 'ROLLED_BACK', active_tenant = NULL, error = '页面测试的记录', finished_at = UTC_TIMESTAMP(6) "
                    + "WHERE id = " + running);
        }
        Response after = as("admin").accept("text/html").get(PAGE);
        after.then().statusCode(200);
        assertNull(after.getHeader("Refresh"), "no move runs: the page stays still");
        String rolledBack = section(after.asString(), "data-move=\"" + running + "\"", "</tr>");
        assertTrue(rolledBack.contains("已回滚") && rolledBack.contains("页面测试的记录"), rolledBack);
        String again = section(after.asString(), "<tr data-code=\"" + county + "\"", "</tr>");
        assertFalse(again.contains("正在迁往"), again);
    }

    @Test
    void aRefusedRegistrationIsShownBesideItsInputsWithWhatWasTyped() {
        Response bad = BrowserForm.from(PAGE, Api.token("admin")).formParam("name", "B b").formParam("jdbcUrl", "postgres://x")
                .formParam("credentials", "env:FPJC_PAGE").formParam("capacity", "很多").formParam("poolSize", "").post(PAGE);
        bad.then().statusCode(400);
        String page = bad.asString();
        assertTrue(fieldError(page, "name").contains("集群名称用小写字母、数字和连字符"), page);
        assertTrue(fieldError(page, "capacity").contains("容量应为整数"), page);
        assertTrue(page.contains("value=\"postgres://x\"") && page.contains("value=\"B b\"") && page.contains("value=\"很多\""), "kept as typed");

        String url = BrowserForm.from(PAGE, Api.token("admin")).formParam("name", "page-bad").formParam("jdbcUrl", "postgres://x")
                .formParam("credentials", "env:FPJC_PAGE").formParam("capacity", "3").post(PAGE).then().statusCode(400).extract().asString();
        assertTrue(fieldError(url, "jdbcUrl").contains("JDBC 地址应以 jdbc:mysql:// 开头"), url);
        String reference = BrowserForm.from(PAGE, Api.token("admin")).formParam("name", "page-bad").formParam("jdbcUrl", "jdbc:mysql://127.0.0.1:1/")
                .formParam("credentials", "password=secret").formParam("capacity", "3").post(PAGE).then().statusCode(400).extract().asString();
        assertTrue(fieldError(reference, "credentials").contains("账号来源应为 env:大写前缀 或 file:/绝对路径"), reference);
        String unset = BrowserForm.from(PAGE, Api.token("admin")).formParam("name", "page-bad").formParam("jdbcUrl", "jdbc:mysql://127.0.0.1:1/")
                .formParam("credentials", "env:FPJC_PAGE_NO_SUCH").formParam("capacity", "3").post(PAGE).then().statusCode(400).extract().asString();
        assertTrue(fieldError(unset, "credentials").contains("FPJC_PAGE_NO_SUCH_USERNAME"), unset);
        assertFalse(as("admin").get("/api/admin/clusters").then().statusCode(200).extract().jsonPath().getList("name").contains("page-bad"));
    }

    @Test
    void statusAndCapacityChangeThroughTheClustersForm() {
        int capacity = as("admin").get("/api/admin/clusters/default").then().statusCode(200).extract().path("capacity");
        try {
            BrowserForm.from(PAGE, Api.token("admin")).formParam("status", "FULL").formParam("capacity", String.valueOf(capacity + 1))
                    .post(PAGE + "/default").then().statusCode(303).header("Location", endsWith(PAGE));
            as("admin").get("/api/admin/clusters/default").then().body("status", equalTo("FULL")).body("capacity", equalTo(capacity + 1));
            String full = section(html("admin"), "data-cluster=\"default\"", "</form>");
            assertTrue(full.contains("<span class=\"badge cluster-FULL\">已满</span>") && full.contains("<option value=\"FULL\" selected>已满</option>")
                    && full.contains("value=\"" + (capacity + 1) + "\""), full);

            Response zero = BrowserForm.from(PAGE, Api.token("admin")).formParam("status", "OPEN").formParam("capacity", "0").post(PAGE + "/default");
            zero.then().statusCode(400);
            assertTrue(section(zero.asString(), "data-cluster=\"default\"", "</form>").contains("data-field=\"update-default\">容量至少为1"), zero.asString());
            as("admin").get("/api/admin/clusters/default").then().body("status", equalTo("FULL"));

            BrowserForm.from(PAGE, Api.token("admin")).formParam("status", "OPEN").formParam("capacity", String.valueOf(capacity))
                    .post(PAGE + "/default").then().statusCode(303);
            as("admin").get("/api/admin/clusters/default").then().body("status", equalTo("OPEN")).body("capacity", equalTo(capacity));
            BrowserForm.from(PAGE, Api.token("admin")).formParam("status", "OPEN").post(PAGE + "/nowhere").then().statusCode(404);
        } finally {
            as("admin").body(Map.of("status", "OPEN", "capacity", capacity)).put("/api/admin/clusters/default").then().statusCode(200);
        }
    }

    /** The page at 390 and 1280 px: nothing wider than the window; screenshots in app/target/screenshots/clusters-*.png. */
    private void screenshots() throws Exception {
        WebDriver browser = Chromium.start(390, 844);
        try {
            browser.get(base + "login");
            browser.findElement(By.id("username")).sendKeys("admin");
            browser.findElement(By.id("password")).sendKeys(Api.DEMO_PASSWORD);
            browser.findElement(By.id("login-submit")).click();
            new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> !d.getCurrentUrl().endsWith("/login"));
            for (int width : new int[] {390, 1280}) {
                browser.manage().window().setSize(new Dimension(width, width == 390 ? 844 : 900));
                browser.get(base + "admin/clusters");
                assertEquals("数据库集群", browser.findElement(By.tagName("h1")).getText());
                assertEquals("", ((JavascriptExecutor) browser).executeScript(Chromium.OVERFLOWING), width + " px: nothing sticks out");
                Chromium.screenshot(browser, "clusters-" + width);
                // The whole page with every county list unfolded, to look at.
                ((JavascriptExecutor) browser).executeScript("document.querySelectorAll('details').forEach(d => d.open = true)");
                assertEquals("", ((JavascriptExecutor) browser).executeScript(Chromium.OVERFLOWING), width + " px, unfolded: nothing sticks out");
                long height = ((Number) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollHeight")).longValue();
                browser.manage().window().setSize(new Dimension(width, (int) Math.min(height + 120, 8000)));
                Chromium.screenshot(browser, "clusters-" + width + "-full");
            }
        } finally {
            browser.quit();
        }
    }

    private static String fieldError(String page, String field) {
        Matcher m = Pattern.compile("data-field=\"" + field + "\">([^<]*)<").matcher(page);
        return m.find() ? m.group(1) : "(no refusal beside " + field + ")";
    }

    private static String section(String page, String start, String end) {
        int from = page.indexOf(start);
        assertTrue(from >= 0, start + " in\n" + page);
        int to = page.indexOf(end, from);
        return page.substring(from, to < 0 ? page.length() : to);
    }
}
