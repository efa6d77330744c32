package cn.fpjc.app.scale;

import static cn.fpjc.app.support.Api.anonymous;
import static cn.fpjc.app.support.Api.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fpjc.admin.cluster.CountyMover;
import cn.fpjc.app.support.Api;
import cn.fpjc.app.support.Sql;
import cn.fpjc.core.registry.SyntheticRegistryService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Counties on several database clusters (README "Running at scale"): a second MariaDB server registered as cluster "b";
 * new counties placed on the least-loaded open cluster or the one the platform admin names; a county moved online between
 * the two servers with every table verified; a move that fails or whose process died rolled back with the county serving
 * from its source.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClustersTest {
    static final String CLUSTERS = "/api/admin/clusters";

    @Inject
    SyntheticRegistryService registry;

    @Inject
    CountyMover mover;

    @Test
    @Order(1)
    void aPlatformAdminRegistersAClusterWhoseAccountIsReadFromAFile() throws Exception {
        Map<String, Object> good = new HashMap<>(Map.of("name", "b", "jdbcUrl", SecondCluster.jdbcUrl(),
                "credentials", SecondCluster.credentialsReference(), "capacity", 3, "poolSize", 8));
        anonymous().body(good).post(CLUSTERS).then().statusCode(401);
        as("gansu-admin").body(good).post(CLUSTERS).then().statusCode(403);
        as("gansu-admin").get(CLUSTERS).then().statusCode(403);

        as("admin").body(with(good, "jdbcUrl", "postgres://x")).post(CLUSTERS).then().statusCode(400)
                .body("code", equalTo("CLUSTER_INVALID"));
        as("admin").body(with(good, "credentials", "password=secret")).post(CLUSTERS).then().statusCode(400)
                .body("code", equalTo("CLUSTER_INVALID")).body("message", containsString("env:"));
        as("admin").body(with(good, "credentials", "file:/nonexistent/cluster-b")).post(CLUSTERS).then().statusCode(400)
                .body("code", equalTo("CLUSTER_INVALID")).body("message", containsString("不存在"));
        as("admin").body(with(good, "credentials", "env:FPJC_NO_SUCH_CLUSTER")).post(CLUSTERS).then().statusCode(400)
                .body("message", containsString("FPJC_NO_SUCH_CLUSTER_USERNAME"));
        as("admin").body(with(good, "jdbcUrl", "jdbc:mysql://127.0.0.1:1/?connectTimeout=2000")).post(CLUSTERS).then().statusCode(400)
                .body("code", equalTo("CLUSTER_UNREACHABLE"));
        as("admin").body(with(good, "name", "B b")).post(CLUSTERS).then().statusCode(400);
        as("admin").body(with(good, "capacity", 0)).post(CLUSTERS).then().statusCode(400);

        as("admin").body(good).post(CLUSTERS).then().statusCode(201)
                .body("name", equalTo("b")).body("status", equalTo("OPEN")).body("statusLabel", equalTo("开放"))
                .body("server", equalTo("127.0.0.1:" + SecondCluster.server().port())).body("counties", equalTo(0));
        as("admin").body(good).post(CLUSTERS).then().statusCode(409).body("code", equalTo("CLUSTER_NAME_TAKEN"));

        // The list: the configured cluster with the demo counties and their sizes, then b. No password anywhere.
        String list = as("admin").get(CLUSTERS).then().statusCode(200)
                .body("name", equalTo(List.of("b", "default"))).extract().asString();
        JsonPath json = JsonPath.from(list);
        assertTrue(json.getInt("find { it.name == 'default' }.counties") >= 5, list);
        assertTrue(json.getLong("find { it.name == 'default' }.bytes") > 0, list);
        assertFalse(list.contains(SecondCluster.server().rootAccount().password()), "the account never leaves the file");
        assertEquals(List.of("REGISTER"), Sql.column("SELECT action FROM platform_audit_log WHERE entity_type = 'database_cluster' AND entity_id = 'b'"));
    }

    @Test
    @Order(2)
    void newCountiesGoToTheLeastLoadedOpenClusterOrTheOneNamed() throws Exception {
        // b holds nothing yet (0 of 3) while default holds the demo counties: b is the least loaded.
        String onB = Api.onboard("gansu", "62");
        as("admin").get("/api/admin/tenants/" + onB).then().statusCode(200).body("cluster", equalTo("b"));
        String database = Sql.database(onB);
        assertEquals(List.of(database), SecondCluster.column("SHOW DATABASES LIKE '" + database + "'"));
        assertTrue(Sql.column("SHOW DATABASES LIKE '" + database + "'").isEmpty(), "not on the configured server");
        // It serves from there: a county admin adds a township, read back through Hibernate.
        String countyAdmin = Api.createUser("t_admin_" + onB, "county-admin", onB, onB);
        Api.addTownshipAndVillage(countyAdmin, onB, "101");
        as(countyAdmin).get("/api/counties/" + onB + "/org-units").then().statusCode(200).body("code", hasItem(onB + "101000"));
        assertEquals(List.of("2"), SecondCluster.column("SELECT COUNT(*) FROM `" + database + "`.org_unit"));

        // Named by the platform admin; a province admin may not name one.
        String named = Api.freshCountyCode("62");
        as("gansu-admin").body(Map.of("code", named, "name", "测试县" + named, "province", "gansu", "cluster", "default"))
                .post("/api/admin/tenants").then().statusCode(403);
        as("admin").body(Map.of("code", named, "name", "测试县" + named, "province", "gansu", "cluster", "default"))
                .post("/api/admin/tenants").then().statusCode(201).body("cluster", equalTo("default"));
        String unknown = Api.freshCountyCode("62");
        as("admin").body(Map.of("code", unknown, "name", "测试县" + unknown, "province", "gansu", "cluster", "nowhere"))
                .post("/api/admin/tenants").then().statusCode(404).body("code", equalTo("CLUSTER_UNKNOWN"));
        as("admin").get("/api/admin/tenants/" + unknown).then().statusCode(404); // nothing half-written

        // A cluster that is FULL takes no new county, named or not.
        as("admin").body(Map.of("status", "FULL")).put(CLUSTERS + "/b").then().statusCode(200).body("statusLabel", equalTo("已满"));
        String elsewhere = Api.onboard("gansu", "62");
        as("admin").get("/api/admin/tenants/" + elsewhere).then().body("cluster", equalTo("default"));
        String refused = Api.freshCountyCode("62");
        as("admin").body(Map.of("code", refused, "name", "测试县" + refused, "province", "gansu", "cluster", "b"))
                .post("/api/admin/tenants").then().statusCode(409).body("code", equalTo("CLUSTER_NOT_OPEN"));
        as("admin").body(Map.of("status", "OPEN")).put(CLUSTERS + "/b").then().statusCode(200);
    }

    @Test
    @Order(3)
    void twoOnboardingsAtOnceCannotBothTakeTheLastPlace() throws Exception {
        int onB = as("admin").get(CLUSTERS + "/b").then().extract().path("counties");
        as("admin").body(Map.of("capacity", onB + 1)).put(CLUSTERS + "/b").then().statusCode(200);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                String code = Api.freshCountyCode("62");
                results.add(pool.submit((Callable<Integer>) () -> as("admin")
                        .body(Map.of("code", code, "name", "测试县" + code, "province", "gansu", "cluster", "b"))
                        .post("/api/admin/tenants").then().extract().statusCode()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : results) {
                statuses.add(f.get());
            }
            statuses.sort(null);
            assertEquals(List.of(201, 409, 409), statuses, "the cluster rows are locked while a county is placed");
        } finally {
            pool.shutdownNow();
            as("admin").body(Map.of("capacity", 50)).put(CLUSTERS + "/b").then().statusCode(200);
        }
        as("admin").get(CLUSTERS + "/b").then().body("counties", equalTo(onB + 1));
    }

    @Test
    @Order(4)
    void aCountyMovesOnlineVerifiedTableByTableAndItsSourceStaysUntilCleanedUp() throws Exception {
        String county = onboardOnDefault("jiangxi", "36");
        String admin = Api.createUser("t_admin_" + county, "county-admin", county, county);
        Api.addTownshipAndVillage(admin, county, "101");
        registry.generate(county, 300, 36);
        String database = Sql.database(county);
        String members = Sql.column("SELECT COUNT(*) FROM `" + database + "`.member").get(0);
        String households = as(admin).get("/api/counties/" + county + "/households?size=1").then().statusCode(200)
                .extract().header("X-Total-Count");

        as("gansu-admin").body(Map.of("targetCluster", "b")).post("/api/admin/tenants/" + county + "/moves").then().statusCode(403);
        as("admin").body(Map.of("targetCluster", "default")).post("/api/admin/tenants/" + county + "/moves").then().statusCode(409)
                .body("code", equalTo("MOVE_CONFLICT"));
        long id = ((Number) as("admin").body(Map.of("targetCluster", "b")).post("/api/admin/tenants/" + county + "/moves")
                .then().statusCode(202).body("sourceCluster", equalTo("default")).body("targetCluster", equalTo("b"))
                .extract().path("id")).longValue();
        // Read-only while it moves: reads served, writes refused with a clear message; a second move refused.
        as(admin).get("/api/counties/" + county + "/org-units").then().statusCode(200);
        as(admin).body(Map.of("code", county + "102000", "name", "迁移中镇")).post("/api/counties/" + county + "/org-units")
                .then().statusCode(503).body("code", equalTo("TENANT_READ_ONLY")).body("message", containsString("只能查看"));
        as("admin").body(Map.of("targetCluster", "b")).post("/api/admin/tenants/" + county + "/moves").then().statusCode(409);

        String move = "/api/admin/tenants/" + county + "/moves/" + id;
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300))
                .until(() -> !List.of("READ_ONLY", "COPYING", "VERIFYING").contains(as("admin").get(move).then().extract().<String>path("step")));
        JsonPath done = as("admin").get(move).then().statusCode(200).extract().jsonPath();
        assertEquals("SWITCHED", done.getString("step"), done.prettify());
        List<Map<String, Object>> checks = done.getList("checks");
        assertTrue(checks.size() > 30, "every table checked: " + checks.size());
        assertTrue(checks.stream().allMatch(c -> Boolean.TRUE.equals(c.get("matches"))), done.prettify());
        Map<String, Object> memberCheck = checks.stream().filter(c -> "member".equals(c.get("table"))).findFirst().orElseThrow();
        assertEquals(members, String.valueOf(memberCheck.get("targetRows")));
        assertTrue(done.getLong("readOnlyMillis") >= 1000, "read-only for at least the settle time");

        // Served from b now: the same data, and new writes land there.
        as("admin").get("/api/admin/tenants/" + county).then().body("cluster", equalTo("b")).body("status", equalTo("ACTIVE"));
        as(admin).get("/api/counties/" + county + "/households?size=1").then().statusCode(200);
        assertEquals(households, as(admin).get("/api/counties/" + county + "/households?size=1").then().extract().header("X-Total-Count"));
        as(admin).body(Map.of("code", county + "102000", "name", "迁移后镇")).post("/api/counties/" + county + "/org-units").then().statusCode(201);
        assertEquals(List.of("迁移后镇"), SecondCluster.column("SELECT name FROM `" + database + "`.org_unit WHERE code = '" + county + "102000'"));
        assertEquals(List.of(members), SecondCluster.column("SELECT COUNT(*) FROM `" + database + "`.member"));
        // The source is still there (not yet cleaned up), unchanged by the new write.
        assertEquals(List.of(), Sql.column("SELECT name FROM `" + database + "`.org_unit WHERE code = '" + county + "102000'"));

        // The source is dropped only on request, and not before every replica can have seen the switch (the settle time, 1 s here).
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(300))
                .until(() -> as("admin").post(move + "/cleanup").then().extract().statusCode() != 409);
        as("admin").get(move).then().statusCode(200).body("step", equalTo("CLEANED")).body("cleanedAt", org.hamcrest.Matchers.notNullValue());
        assertTrue(Sql.column("SHOW DATABASES LIKE '" + database + "'").isEmpty(), "source dropped by the clean-up");
        as("admin").post(move + "/cleanup").then().statusCode(409);
        as("admin").get("/api/admin/tenants/" + county + "/moves").then().statusCode(200).body("id", hasItem((int) id));
        assertEquals(List.of("MOVE_START", "MOVE_SWITCH", "MOVE_CLEANUP"), Sql.column(
                "SELECT action FROM platform_audit_log WHERE entity_type = 'county_move' AND entity_id = '" + county + "' ORDER BY id"));
        as("admin").get(CLUSTERS + "/b").then().body("tenants.code", hasItem(county));
        as("admin").get(CLUSTERS + "/default").then().body("tenants.code", not(hasItem(county)));
        // 平台运行状况 names the server the county is on now, beside counties on the configured server.
        JsonPath operations = as("admin").queryParam("province", "jiangxi").queryParam("size", 500).get("/api/admin/operations").then()
                .statusCode(200).extract().jsonPath();
        String serverB = "127.0.0.1:" + SecondCluster.server().port();
        assertEquals(serverB, operations.getString("find { it.code == '" + county + "' }.server"));
        assertTrue(operations.getList("findAll { it.code != '" + county + "' }.server", String.class).stream().noneMatch(serverB::equals),
                "the others stay on the configured server");
    }

    @Test
    @Order(5)
    void aMoveThatFailsRollsBackAndTheCountyKeepsServingFromItsSource() throws Exception {
        String county = onboardOnDefault("henan", "41");
        String admin = Api.createUser("t_admin_" + county, "county-admin", county, county);
        String database = Sql.database(county);
        // Someone else's database of the same name on the target: never overwritten, never dropped.
        SecondCluster.execute("CREATE DATABASE `" + database + "`");
        SecondCluster.execute("CREATE TABLE `" + database + "`.keep_me (id INT PRIMARY KEY)");
        long id = ((Number) as("admin").body(Map.of("targetCluster", "b")).post("/api/admin/tenants/" + county + "/moves")
                .then().statusCode(202).extract().path("id")).longValue();
        String move = "/api/admin/tenants/" + county + "/moves/" + id;
        await().atMost(Duration.ofSeconds(60)).until(() -> "ROLLED_BACK".equals(as("admin").get(move).then().extract().path("step")));
        as("admin").get(move).then().body("error", containsString("同名数据库"));
        as("admin").get("/api/admin/tenants/" + county).then().body("cluster", equalTo("default")).body("status", equalTo("ACTIVE"));
        assertEquals(List.of("keep_me"), SecondCluster.column("SHOW TABLES FROM `" + database + "`"));
        Api.addTownshipAndVillage(admin, county, "101"); // writable again
        assertEquals(List.of("MOVE_START", "MOVE_ROLLBACK"), Sql.column(
                "SELECT action FROM platform_audit_log WHERE entity_type = 'county_move' AND entity_id = '" + county + "' ORDER BY id"));
        SecondCluster.execute("DROP DATABASE `" + database + "`");
    }

    @Test
    @Order(6)
    void aMoveWhoseProcessDiedIsRolledBackAndCanBeStartedAgain() throws Exception {
        String county = onboardOnDefault("hunan", "43");
        String admin = Api.createUser("t_admin_" + county, "county-admin", county, county);
        Api.addTownshipAndVillage(admin, county, "101");
        String database = Sql.database(county);
        // What a replica that died mid-copy leaves: a half-made copy on b, the county MOVING, a heartbeat long past.
        SecondCluster.execute("CREATE DATABASE `" + database + "`");
        SecondCluster.execute("CREATE TABLE `" + database + "`.org_unit (code VARCHAR(12) PRIMARY KEY)");
        Sql.execute("UPDATE tenant SET status = 'MOVING' WHERE code = '" + county + "'");
        Sql.execute("INSERT INTO county_move (tenant_code, active_tenant, source_cluster, target_cluster, database_name, step, owner, heartbeat_at,"
                + " tables_total, tables_copied, rows_copied, actor, started_at) VALUES ('" + county + "', '" + county + "', 'default', 'b', '"
                + database + "', 'COPYING', 'gone-node:8080@2026-01-01T00:00:00Z', '2026-01-01 00:00:00', 40, 3, 1000, 'admin', '2026-01-01 00:00:00')");

        mover.recoverInterrupted(); // what every replica's sweep runs (every fpjc.jobs.sweep; it may have run already)

        as("admin").get("/api/admin/tenants/" + county + "/moves").then().statusCode(200)
                .body("[0].step", equalTo("ROLLED_BACK")).body("[0].error", containsString("中断"));
        assertTrue(SecondCluster.column("SHOW DATABASES LIKE '" + database + "'").isEmpty(), "the half-made copy is dropped");
        // The registry snapshot of this replica learns the status at its next refresh; the database already says ACTIVE.
        assertEquals(List.of("ACTIVE"), Sql.column("SELECT status FROM tenant WHERE code = '" + county + "'"));
        as(admin).get("/api/counties/" + county + "/org-units").then().statusCode(200);

        long id = ((Number) as("admin").body(Map.of("targetCluster", "b")).post("/api/admin/tenants/" + county + "/moves")
                .then().statusCode(202).extract().path("id")).longValue();
        String move = "/api/admin/tenants/" + county + "/moves/" + id;
        await().atMost(Duration.ofSeconds(90)).until(() -> "SWITCHED".equals(as("admin").get(move).then().extract().path("step")));
        as(admin).get("/api/counties/" + county + "/org-units").then().statusCode(200).body("code", hasItem(county + "101000"));
    }

    /**
     * Last: b is FULL, so the counties later test classes onboard land on the configured server, where their raw SQL
     * checks look (the counties already on b keep serving from it).
     */
    @Test
    @Order(99)
    void aFullClusterKeepsItsCountiesAndTakesNoNewOnes() throws Exception {
        as("admin").body(Map.of("status", "FULL")).put(CLUSTERS + "/b").then().statusCode(200).body("status", equalTo("FULL"));
        String county = Api.onboard("gansu", "62");
        as("admin").get("/api/admin/tenants/" + county).then().body("cluster", equalTo("default"));
        as("admin").get(CLUSTERS + "/b").then().body("counties", org.hamcrest.Matchers.greaterThan(0));
    }

    /** A county on the configured server, whichever cluster is least loaded when this runs after other test classes. */
    private static String onboardOnDefault(String province, String provinceCode) {
        String code = Api.freshCountyCode(provinceCode);
        as("admin").body(Map.of("code", code, "name", "测试县" + code, "province", province, "cluster", "default"))
                .post("/api/admin/tenants").then().statusCode(201).body("cluster", equalTo("default"));
        return code;
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(base);
        copy.put(key, value);
        return copy;
    }
}
