package cn.fpjc.app.security;

import static cn.fpjc.app.support.Api.anonymous;
import static cn.fpjc.app.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.oneOf;

import io.restassured.specification.RequestSpecification;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Every tenant-scoped endpoint, called by someone who must not use it: no token, a token of another
 * county, a province admin (no tenant), and for writes a user of a lower org level. The target
 * county is 兰考县 (410225); the demo's 民勤县 (620621) provides "another county".
 */
@QuarkusTest
class TenantEndpointAccessTest {
    record Endpoint(String method, String path, Object body, boolean write) {
    }

    static final String T = "410225100000";
    /** Every module's rows: the platform, registry and monitoring below, then each assistance feature's own list. */
    static List<Endpoint> endpoints() {
        return java.util.stream.Stream.of(CORE, AssistanceEndpoints.PROGRAMMES, AssistanceEndpoints.PAYMENTS, AssistanceEndpoints.LOANS,
                FundsEndpoints.LIBRARY, SpendingEndpoints.SPENDING, AssetEndpoints.ASSETS, NationalEndpoints.NATIONAL)
                .flatMap(List::stream).toList();
    }

    static final List<Endpoint> CORE = List.of(
            new Endpoint("GET", "/api/counties/410225/org-units", null, false),
            new Endpoint("GET", "/api/counties/410225/org-units/" + T, null, false),
            new Endpoint("POST", "/api/counties/410225/org-units", Map.of("code", "410225199000", "name", "越权镇"), true),
            new Endpoint("PUT", "/api/counties/410225/org-units/" + T, Map.of("name", "改名", "version", 0), true),
            new Endpoint("DELETE", "/api/counties/410225/org-units/" + T, null, true),
            new Endpoint("GET", "/api/counties/410225/audit-log", null, false),
            // Background runs are for the county's admins only (write = lower levels get 403).
            new Endpoint("GET", "/api/counties/410225/background-jobs", null, true),
            new Endpoint("GET", "/api/counties/410225/self-check", null, false),
            // Roll-ups: the county's figures in the reader's scope; what it shares with the province is the county admin's choice.
            new Endpoint("GET", "/api/counties/410225/metrics", null, false),
            new Endpoint("GET", "/api/counties/410225/metric-sharing", null, false),
            new Endpoint("PUT", "/api/counties/410225/metric-sharing", Map.of("townships", true), true),
            new Endpoint("GET", "/api/counties/410225/parameters", null, false),
            new Endpoint("GET", "/api/counties/410225/procedures", null, false),
            new Endpoint("GET", "/api/counties/410225/programmes", null, false),
            // Registry: the household and member ids exist in 兰考县's demo data; scope is checked before existence.
            new Endpoint("GET", "/api/counties/410225/households", null, false),
            new Endpoint("GET", "/api/counties/410225/households/1", null, false),
            new Endpoint("POST", "/api/counties/410225/households", Map.of("householdNo", "X0001", "villageCode", "410225101201",
                    "category", "一般农户", "members", List.of()), true),
            new Endpoint("PUT", "/api/counties/410225/households/1", Map.of("householdNo", "X0001"), true),
            new Endpoint("POST", "/api/counties/410225/households/1/members", Map.of("name", "越权"), true),
            new Endpoint("PUT", "/api/counties/410225/households/1/members/1", Map.of("name", "越权"), true),
            new Endpoint("POST", "/api/counties/410225/households/1/members/1/remove", Map.of("reason", "x"), true),
            new Endpoint("POST", "/api/counties/410225/households/1/members/1/move", Map.of("toHouseholdNo", "x"), true),
            new Endpoint("POST", "/api/counties/410225/households/1/members/1/reveal", Map.of("reason", "越权查看"), true),
            new Endpoint("POST", "/api/counties/410225/households/1/split", Map.of("memberIds", List.of(1)), true),
            new Endpoint("POST", "/api/counties/410225/households/1/merge", Map.of("intoHouseholdNo", "x"), true),
            new Endpoint("PUT", "/api/counties/410225/households/1/incomes", Map.of("year", 2024), true),
            new Endpoint("PUT", "/api/counties/410225/households/1/guarantee", Map.of("housingGrade", "A"), true),
            // Imports are registry writes: county, township and village staff only (uploads: see uploadIsGuardedLikeEveryEndpoint).
            new Endpoint("GET", "/api/counties/410225/household-imports", null, true),
            new Endpoint("GET", "/api/counties/410225/household-imports/template.xlsx", null, true),
            new Endpoint("GET", "/api/counties/410225/household-imports/1", null, true),
            new Endpoint("GET", "/api/counties/410225/household-imports/1/rows", null, true),
            new Endpoint("GET", "/api/counties/410225/household-imports/1/report.xlsx", null, true),
            new Endpoint("POST", "/api/counties/410225/household-imports/1/commit?mode=VALID_ONLY", null, true),
            new Endpoint("GET", "/api/counties/410225/data-quality", null, false),
            new Endpoint("GET", "/api/counties/410225/data-quality/findings", null, false),
            new Endpoint("GET", "/api/counties/410225/data-quality/findings.xlsx", null, false),
            new Endpoint("POST", "/api/counties/410225/data-quality/runs", null, true),
            new Endpoint("GET", "/api/counties/410225/clues", null, false),
            new Endpoint("GET", "/api/counties/410225/clues/1", null, false),
            new Endpoint("POST", "/api/counties/410225/clues", Map.of("channel", "农户自主申报", "villageCode", "410225101201"), true),
            new Endpoint("POST", "/api/counties/410225/clues/1/verification", Map.of("result", "核实无风险", "note", "越权核实"), true),
            new Endpoint("POST", "/api/counties/410225/clue-alerts", Map.of("department", "县医保局", "rows", List.of()), true),
            new Endpoint("GET", "/api/counties/410225/inbox", null, false),
            new Endpoint("GET", "/api/counties/410225/overdue-steps", null, false),
            new Endpoint("GET", "/api/counties/410225/cases/1", null, false),
            new Endpoint("POST", "/api/counties/410225/cases", Map.of("householdId", 1, "monitoringType", "边缘易致贫户",
                    "riskCategories", List.of("因病")), true),
            new Endpoint("POST", "/api/counties/410225/cases/1/complete", Map.of("stepId", "verify"), true),
            new Endpoint("POST", "/api/counties/410225/cases/1/return", Map.of("reason", "越权退回"), true),
            new Endpoint("POST", "/api/counties/410225/cases/1/reject", Map.of("reason", "越权不予纳入"), true),
            new Endpoint("POST", "/api/counties/410225/cases/1/notice-period", Map.of("from", "2024-10-10", "to", "2024-10-14"), true),
            new Endpoint("POST", "/api/counties/410225/cases/1/steps/verify/scans", Map.of("name", "越权.pdf", "contentBase64", "JVBERi0xLjQK"), true),
            new Endpoint("GET", "/api/counties/410225/cases/1/scans/1", null, false),
            new Endpoint("GET", "/api/counties/410225/cases/1/plan", null, false),
            new Endpoint("PUT", "/api/counties/410225/cases/1/plan", Map.of("responsibleOfficial", "越权", "measures", List.of()), true),
            new Endpoint("POST", "/api/counties/410225/cases/1/plan/check", Map.of("responsibleOfficial", "越权"), false),
            new Endpoint("GET", "/api/counties/410225/plan-tasks", null, false),
            new Endpoint("POST", "/api/counties/410225/cases/1/elimination-assessment", Map.of(), false),
            new Endpoint("POST", "/api/counties/410225/cases/1/elimination", Map.of("rigidExpensesResolved", true), true),
            new Endpoint("POST", "/api/counties/410225/cases/1/rollback", Map.of("reason", "越权回退标注"), true),
            new Endpoint("POST", "/api/counties/410225/cases/1/remark", Map.of("reason", "越权再标注", "riskCategories", List.of("因学")), true),
            new Endpoint("GET", "/api/counties/410225/cases/1/visits", null, false),
            new Endpoint("POST", "/api/counties/410225/cases/1/visits", Map.of("kind", "回头看", "visitor", "越权", "findings", "越权记录"), true),
            new Endpoint("GET", "/api/counties/410225/cases/1/visits/1/attachment", null, false),
            new Endpoint("GET", "/api/counties/410225/visit-cadence", null, false),
            new Endpoint("GET", "/api/counties/410225/long-cases", null, false),
            new Endpoint("GET", "/api/counties/410225/deadline-scan", null, false),
            new Endpoint("GET", "/api/counties/410225/screening-campaigns", null, false),
            new Endpoint("POST", "/api/counties/410225/deadline-scan/runs", null, true),
            new Endpoint("GET", "/api/counties/410225/documents/village-notice?village=410225100201", null, false),
            new Endpoint("GET", "/api/counties/410225/documents/county-announcement?from=2024-01-01&to=2024-12-31", null, true));

    private static int call(Supplier<RequestSpecification> who, Endpoint e) {
        RequestSpecification spec = who.get();
        if (e.body() != null) {
            spec = spec.body(e.body());
        }
        return spec.request(e.method(), e.path()).then().extract().statusCode();
    }

    @Test
    void withoutATokenEveryEndpointAnswers401() {
        for (Endpoint e : endpoints()) {
            RequestSpecification spec = anonymous();
            if (e.body() != null) {
                spec = spec.body(e.body());
            }
            spec.request(e.method(), e.path()).then().statusCode(401).body("code", equalTo("AUTH_REQUIRED"));
        }
    }

    @Test
    void anotherCountysTokenIsDeniedEverywhere() {
        for (String otherCountyUser : List.of("minqin.admin", "minqin.approver")) {
            for (Endpoint e : endpoints()) {
                RequestSpecification spec = as(otherCountyUser);
                if (e.body() != null) {
                    spec = spec.body(e.body());
                }
                // An admin of the other county passes the role check and is stopped by the tenant check;
                // an approver may be stopped by either, whichever runs first.
                spec.request(e.method(), e.path()).then().statusCode(403).body("code",
                        otherCountyUser.endsWith(".admin") ? equalTo("TENANT_MISMATCH") : oneOf("TENANT_MISMATCH", "FORBIDDEN"));
            }
        }
    }

    @Test
    void provinceAdminsHaveNoTenantAccessEvenInTheirOwnProvince() {
        for (String provinceUser : List.of("henan-admin", "gansu-admin")) {
            for (Endpoint e : endpoints()) {
                RequestSpecification spec = as(provinceUser);
                if (e.body() != null) {
                    spec = spec.body(e.body());
                }
                spec.request(e.method(), e.path()).then().statusCode(403).body("code", oneOf("TENANT_SCOPE_REQUIRED", "FORBIDDEN"));
            }
        }
    }

    @Test
    void lowerOrgLevelsCannotWriteOrReadTheCountyAuditLog() {
        for (String lower : List.of("lankao.reviewer", "lankao.clerk", "lankao.official", "lankao.dept")) {
            for (Endpoint e : endpoints()) {
                // Registry writes belong to village and township staff within their scope: see the next test.
                boolean registry = e.path().contains("/household") || e.path().contains("/data-quality") || e.path().contains("/clues")
                        || e.path().contains("/cases");
                if (registry && (lower.endsWith(".reviewer") || lower.endsWith(".clerk"))) {
                    continue;
                }
                if (e.path().endsWith("/clue-alerts") && lower.endsWith(".dept")) {
                    continue; // departments push alerts: that is their job (RiskClueTest)
                }
                if ((e.path().endsWith("/visits") || e.path().endsWith("/plan") || e.path().endsWith("/complete") || e.path().endsWith("/scans"))
                        && lower.endsWith(".official")) {
                    continue; // officials record visits, draft plans and do their own steps, in scope (AssistanceWorkflowTest, MinqinFollowUpTest)
                }
                if (e.write() || e.path().endsWith("audit-log")) {
                    org.junit.jupiter.api.Assertions.assertEquals(403, call(() -> as(lower), e), lower + " " + e.method() + " " + e.path());
                }
            }
        }
    }

    @Test
    void aVillageClerkCannotReachAnotherVillagesHousehold() {
        // Demo household 1 of 兰考县 is in 410225100202; the clerk works in 410225100201.
        for (Endpoint e : endpoints()) {
            if (e.path().contains("/households/1")) {
                org.junit.jupiter.api.Assertions.assertEquals(404, call(() -> as("lankao.clerk"), e), e.method() + " " + e.path());
            }
        }
        as("lankao.clerk").body(Map.of("householdNo", "X0001", "villageCode", "410225101201", "category", "一般农户", "members", List.of()))
                .post("/api/counties/410225/households").then().statusCode(400).body("fields.field", org.hamcrest.Matchers.hasItem("villageCode"));
    }

    @Test
    void uploadIsGuardedLikeEveryEndpoint() {
        byte[] csv = "户编号*,姓名*\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String path = "/api/counties/410225/household-imports";
        io.restassured.RestAssured.given().multiPart("file", "a.csv", csv).post(path).then().statusCode(401);
        io.restassured.RestAssured.given().auth().oauth2(cn.fpjc.app.support.Api.token("minqin.admin")).multiPart("file", "a.csv", csv)
                .post(path).then().statusCode(403).body("code", equalTo("TENANT_MISMATCH"));
        io.restassured.RestAssured.given().auth().oauth2(cn.fpjc.app.support.Api.token("henan-admin")).multiPart("file", "a.csv", csv)
                .post(path).then().statusCode(403);
        for (String lower : List.of("lankao.official", "lankao.dept")) {
            io.restassured.RestAssured.given().auth().oauth2(cn.fpjc.app.support.Api.token(lower)).multiPart("file", "a.csv", csv)
                    .post(path).then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        }
        // The national system's 数据比对 list: county staff only (NationalSystemTest takes one in).
        byte[] list = "身份证号\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String comparison = "/api/counties/410225/monitoring/national-comparison";
        io.restassured.RestAssured.given().multiPart("file", "a.csv", list).post(comparison).then().statusCode(401);
        io.restassured.RestAssured.given().auth().oauth2(cn.fpjc.app.support.Api.token("minqin.admin")).multiPart("file", "a.csv", list)
                .post(comparison).then().statusCode(403).body("code", equalTo("TENANT_MISMATCH"));
        io.restassured.RestAssured.given().auth().oauth2(cn.fpjc.app.support.Api.token("henan-admin")).multiPart("file", "a.csv", list)
                .post(comparison).then().statusCode(403);
        for (String lower : List.of("lankao.reviewer", "lankao.clerk", "lankao.official", "lankao.dept")) {
            io.restassured.RestAssured.given().auth().oauth2(cn.fpjc.app.support.Api.token(lower)).multiPart("file", "a.csv", list)
                    .post(comparison).then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        }
    }

    @Test
    void aVillageClerkDoesNotSeeAnotherTownship() {
        as("lankao.clerk").get("/api/counties/410225/org-units/410225101000").then().statusCode(404);
        as("lankao.clerk").get("/api/counties/410225/org-units/410225101201").then().statusCode(404);
        as("lankao.clerk").get("/api/counties/410225/org-units/410225100201").then().statusCode(200).body("name", equalTo("胡庄村"));
    }

    /** The platform's operations view (every county's status and databases): the platform admin's alone. */
    @Test
    void platformOperationsAreThePlatformAdminsOnly() {
        for (String path : List.of("/api/admin/operations", "/api/admin/operations?province=henan")) {
            anonymous().get(path).then().statusCode(401).body("code", equalTo("AUTH_REQUIRED"));
            for (String user : List.of("henan-admin", "gansu-admin", "lankao.admin", "lankao.approver", "lankao.reviewer", "lankao.clerk",
                    "minqin.admin")) {
                as(user).get(path).then().statusCode(403).body("code", equalTo("FORBIDDEN"));
            }
            as("admin").get(path).then().statusCode(200);
        }
    }

    /** Database clusters and moving a county between them: the platform admin's alone (ClustersTest has the admin's own calls). */
    @Test
    void clustersAndMovesAreThePlatformAdminsOnly() {
        List<Endpoint> platformOnly = List.of(
                new Endpoint("GET", "/api/admin/clusters", null, false),
                new Endpoint("GET", "/api/admin/clusters/default", null, false),
                new Endpoint("POST", "/api/admin/clusters", Map.of("name", "sneaky", "jdbcUrl", "jdbc:mysql://127.0.0.1:1/",
                        "credentials", "env:SNEAKY", "capacity", 1), true),
                new Endpoint("PUT", "/api/admin/clusters/default", Map.of("status", "FULL"), true),
                new Endpoint("GET", "/api/admin/tenants/410225/moves", null, false),
                new Endpoint("GET", "/api/admin/tenants/410225/moves/1", null, false),
                new Endpoint("POST", "/api/admin/tenants/410225/moves", Map.of("targetCluster", "default"), true),
                new Endpoint("POST", "/api/admin/tenants/410225/moves/1/cleanup", null, true));
        for (Endpoint e : platformOnly) {
            anonymous().body(e.body() == null ? Map.of() : e.body()).request(e.method(), e.path()).then().statusCode(401);
            for (String user : List.of("henan-admin", "lankao.admin", "lankao.approver", "lankao.clerk", "minqin.admin")) {
                as(user).body(e.body() == null ? Map.of() : e.body()).request(e.method(), e.path()).then().statusCode(403)
                        .body("code", equalTo("FORBIDDEN"));
            }
        }
        as("admin").get("/api/admin/clusters/default").then().statusCode(200).body("status", equalTo("OPEN"));
    }

    @Test
    void countyStaffCannotUseTheControlPlane() {
        as("lankao.approver").get("/api/admin/tenants").then().statusCode(403);
        as("lankao.clerk").get("/api/admin/users").then().statusCode(403);
        as("lankao.admin").body(Map.of("username", "t_sneaky", "displayName", "x", "password", "Passw0rd!2024",
                "roles", List.of("county-admin"), "tenant", "620621", "org", "620621"))
                .post("/api/admin/users").then().statusCode(403);
        for (String action : List.of("unlock", "disable", "enable")) {
            as("lankao.clerk").post("/api/admin/users/lankao.approver/" + action).then().statusCode(403);
            as("lankao.approver").post("/api/admin/users/lankao.clerk/" + action).then().statusCode(403);
        }
        as("lankao.clerk").body(Map.of("password", "Passw0rd!2024")).post("/api/admin/users/lankao.approver/password").then().statusCode(403);
        io.restassured.RestAssured.given().post("/api/admin/users/lankao.clerk/disable").then().statusCode(401);
        // A county admin reaches only its own county's users; others are not disclosed.
        as("lankao.admin").post("/api/admin/users/minqin.clerk/disable").then().statusCode(404);
        as("lankao.admin").body(Map.of("password", "Passw0rd!2024")).post("/api/admin/users/minqin.clerk/password").then().statusCode(404);
    }
}
