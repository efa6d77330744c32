package cn.fpjc.app.tenancy;

import static cn.fpjc.app.support.Api.anonymous;
import static cn.fpjc.app.support.Api.as;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fpjc.app.support.Api;
import cn.fpjc.app.support.Sql;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TenantOnboardingTest {

    @Test
    void platformAdminOnboardsACountyThatServesImmediately() {
        String code = Api.freshCountyCode("41");
        as("admin").body(Map.of("code", code, "name", "测试县", "province", "henan"))
                .post("/api/admin/tenants")
                .then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/admin/tenants/" + code))
                .body("status", equalTo("ACTIVE"))
                .body("statusLabel", equalTo("正常"))
                .body("provinceName", equalTo("河南省"))
                .body("databaseName", equalTo(Sql.database(code)))
                .body("schemaVersion", org.hamcrest.Matchers.matchesPattern("\\d+:henan-0002-drop-unused-param-override"));

        // Core's tables are in the new database, and the henan plug-in's changelog (not another province's) ran there.
        String db = Sql.database(code);
        assertTrue(Sql.tableExists(db, "org_unit"));
        List<String> provinceChangeSets = Sql.column("SELECT id FROM `" + db + "`.DATABASECHANGELOG WHERE filename LIKE '%db/province/%'");
        assertTrue(provinceChangeSets.contains("henan-0002-drop-unused-param-override"), provinceChangeSets.toString());
        assertTrue(provinceChangeSets.stream().allMatch(id -> id.startsWith("henan-")), "only henan's changelog: " + provinceChangeSets);
        assertFalse(Sql.tableExists(db, "ha_param_override"), "the unused override table is dropped by henan-0002");
    }

    @Test
    void onboardingTheSameCountyAgainIsIdempotent() {
        String code = Api.onboard("gansu", "62");
        as("admin").body(Map.of("code", code, "name", "测试县" + code, "province", "gansu"))
                .post("/api/admin/tenants")
                .then().statusCode(200).body("code", equalTo(code)).body("status", equalTo("ACTIVE"));
        // (searched by code: the registry lists 20 a page, and a full test run onboards more counties than that)
        as("admin").queryParam("q", code).get("/api/admin/tenants").then().statusCode(200)
                .body("findAll { it.code == '" + code + "' }.size()", equalTo(1));
    }

    @Test
    void theOnboardingPageShowsARefusalBesideItsInputAndKeepsWhatWasTyped() {
        String taken = as("admin").contentType("application/x-www-form-urlencoded; charset=UTF-8").accept("text/html")
                .formParam("code", "620621").formParam("name", "民勤新县").formParam("province", "henan")
                .post("/admin/tenants").then().statusCode(400).extract().asString();
        assertTrue(taken.contains("<span class=\"field-error\" role=\"alert\" data-field=\"code\">行政区划代码的前两位与所选省份不符")
                && taken.contains("value=\"620621\"") && taken.contains("value=\"民勤新县\"")
                && taken.contains("<option value=\"henan\" selected>"), taken);
        String blank = as("admin").contentType("application/x-www-form-urlencoded; charset=UTF-8").accept("text/html")
                .formParam("code", "620699").formParam("name", " ").formParam("province", "gansu")
                .post("/admin/tenants").then().statusCode(400).extract().asString();
        assertTrue(blank.contains("data-field=\"name\">请填写县（区）名称") && blank.contains("value=\"620699\"")
                && blank.contains("<option value=\"gansu\" selected>"), blank);
        assertFalse(Sql.column("SELECT code FROM tenant WHERE code = '620699'").iterator().hasNext());
    }

    @Test
    void badOnboardingRequestsAreRefusedWithAClearCode() {
        as("admin").body(Map.of("code", "4102", "name", "短代码县", "province", "henan"))
                .post("/api/admin/tenants").then().statusCode(400).body("code", equalTo("COUNTY_CODE_INVALID"))
                .body("message", org.hamcrest.Matchers.containsString("6位数字"));
        as("admin").body(Map.of("code", "410200", "name", "地级代码", "province", "henan"))
                .post("/api/admin/tenants").then().statusCode(400).body("code", equalTo("COUNTY_CODE_INVALID"));
        as("admin").body(Map.of("code", "110101", "name", "东城区", "province", "beijing"))
                .post("/api/admin/tenants").then().statusCode(400).body("code", equalTo("PROVINCE_PLUGIN_MISSING"));
        as("admin").body(Map.of("code", "620621", "name", "民勤县", "province", "henan"))
                .post("/api/admin/tenants").then().statusCode(400).body("code", equalTo("COUNTY_CODE_PROVINCE_MISMATCH"));
        // 410225 is the demo's 兰考县: the same code under another name is taken.
        as("admin").body(Map.of("code", "410225", "name", "另一个县", "province", "henan"))
                .post("/api/admin/tenants").then().statusCode(409).body("code", equalTo("COUNTY_CODE_TAKEN"));
        as("admin").body(Map.of("code", "", "name", "", "province", ""))
                .post("/api/admin/tenants").then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"))
                .body("fields.field", hasItem("code"));
    }

    @Test
    void provinceAdminsActOnlyOnTheirOwnProvince() {
        String code = Api.freshCountyCode("62");
        as("henan-admin").body(Map.of("code", code, "name", "越权县", "province", "gansu"))
                .post("/api/admin/tenants").then().statusCode(403).body("code", equalTo("PROVINCE_SCOPE"));
        as("gansu-admin").body(Map.of("code", code, "name", "本省县", "province", "gansu"))
                .post("/api/admin/tenants").then().statusCode(201);

        as("henan-admin").get("/api/admin/tenants").then().statusCode(200)
                .body("provinceId", everyItem(equalTo("henan"))).body("code", not(hasItem(code)));
        as("henan-admin").get("/api/admin/tenants/" + code).then().statusCode(404);
        as("henan-admin").post("/api/admin/tenants/" + code + "/suspend").then().statusCode(404);
        as("gansu-admin").get("/api/admin/tenants/" + code).then().statusCode(200).body("name", equalTo("本省县"));
    }

    @Test
    void onlyAdminsReachTheRegistry() {
        anonymous().get("/api/admin/tenants").then().statusCode(401).body("code", equalTo("AUTH_REQUIRED"));
        as("lankao.admin").get("/api/admin/tenants").then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        as("lankao.clerk").body(Map.of("code", "410299", "name", "x", "province", "henan"))
                .post("/api/admin/tenants").then().statusCode(403);
    }

    @Test
    void provincesListsEveryInstalledPlugin() {
        as("admin").get("/api/provinces").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.hasItems("heilongjiang", "henan", "gansu", "jiangxi", "hunan"))
                .body("find { it.id == 'gansu' }.name", equalTo("甘肃省"))
                .body("find { it.id == 'gansu' }.provinceCode", equalTo("62"))
                .body("find { it.id == 'hunan' }", notNullValue());
    }
}
