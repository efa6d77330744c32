package cn.fpjc.app.org;

import static cn.fpjc.app.support.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import cn.fpjc.app.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The county admin manages townships and villages; everyone else sees what their org unit covers. */
@QuarkusTest
class OrgUnitTest {

    @Test
    void countyAdminBuildsTheTreeAndEachLevelSeesItsPart() {
        String county = Api.onboard("heilongjiang", "23");
        String admin = Api.createUser("t_admin_" + county, "county-admin", county, county);
        String[] t1 = Api.addTownshipAndVillage(admin, county, "101");
        String[] t2 = Api.addTownshipAndVillage(admin, county, "102");
        String reviewer = Api.createUser("t_reviewer_" + county, "township-reviewer", county, t1[0]);
        String clerk = Api.createUser("t_clerk_" + county, "village-clerk", county, t2[1]);

        as(admin).get("/api/counties/" + county + "/org-units").then().statusCode(200)
                .body("code", contains(t1[0], t1[1], t2[0], t2[1]))
                .body("[1].level", equalTo("VILLAGE")).body("[1].levelLabel", equalTo("村")).body("[1].parentCode", equalTo(t1[0]));
        as(reviewer).get("/api/counties/" + county + "/org-units").then().statusCode(200).body("code", contains(t1[0], t1[1]));
        as(clerk).get("/api/counties/" + county + "/org-units").then().statusCode(200).body("code", contains(t2[0], t2[1]));
    }

    @Test
    void malformedOrMisplacedCodesAreRefused() {
        String base = "/api/counties/230129/org-units";
        as("yanshou.admin").body(Map.of("code", "2301291", "name", "短")).post(base).then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED")).body("fields[0].message", containsString("12位"));
        as("yanshou.admin").body(Map.of("code", "410225105000", "name", "外县镇")).post(base).then().statusCode(400)
                .body("code", equalTo("ORG_UNIT_CODE_INVALID")).body("message", containsString("230129"));
        as("yanshou.admin").body(Map.of("code", "230129000000", "name", "县本级")).post(base).then().statusCode(400)
                .body("code", equalTo("ORG_UNIT_CODE_INVALID"));
        as("yanshou.admin").body(Map.of("code", "230129188201", "name", "无镇之村")).post(base).then().statusCode(400)
                .body("code", equalTo("ORG_UNIT_PARENT_MISSING"));
        as("yanshou.admin").body(Map.of("code", "230129100000", "name", "重复")).post(base).then().statusCode(409)
                .body("code", equalTo("ORG_UNIT_EXISTS"));
        as("yanshou.admin").body(Map.of("code", "230129177000", "name", "")).post(base).then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"));
    }

    @Test
    void renameUsesOptimisticLockingAndIsAudited() {
        String county = Api.onboard("hunan", "43");
        String admin = Api.createUser("t_admin_" + county, "county-admin", county, county);
        String township = Api.addTownshipAndVillage(admin, county, "103")[0];
        String url = "/api/counties/" + county + "/org-units/" + township;

        int version = as(admin).get(url).then().extract().path("version");
        as(admin).body(Map.of("name", "新名镇", "version", version)).put(url).then().statusCode(200).body("name", equalTo("新名镇"));
        // A second edit based on the old version loses the race with a clear message instead of overwriting.
        as(admin).body(Map.of("name", "旧版本", "version", version)).put(url).then().statusCode(409)
                .body("code", equalTo("CONCURRENT_UPDATE"));

        as(admin).queryParam("entityType", "org_unit").queryParam("entityId", township).get("/api/counties/" + county + "/audit-log")
                .then().statusCode(200)
                .body("action", contains("UPDATE", "CREATE"))
                .body("[0].actor", equalTo(admin))
                .body("[0].before", containsString("测试镇103"))
                .body("[0].after", containsString("新名镇"))
                .body("[1].before", nullValue());
    }

    @Test
    void aTownshipWithVillagesCannotBeDeleted() {
        String county = Api.onboard("jiangxi", "36");
        String admin = Api.createUser("t_admin_" + county, "county-admin", county, county);
        String[] units = Api.addTownshipAndVillage(admin, county, "104");
        String base = "/api/counties/" + county + "/org-units/";
        as(admin).delete(base + units[0]).then().statusCode(409).body("code", equalTo("ORG_UNIT_HAS_CHILDREN"));
        as(admin).delete(base + units[1]).then().statusCode(204);
        as(admin).delete(base + units[0]).then().statusCode(204);
        as(admin).get(base + units[0]).then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        as(admin).queryParam("entityType", "org_unit").get("/api/counties/" + county + "/audit-log").then()
                .body("action", contains("DELETE", "DELETE", "CREATE", "CREATE"));
    }

    @Test
    void usersAreCreatedOnlyOnUnitsThatExistAndFitTheirRole() {
        as("lankao.admin").body(Map.of("username", "t_badclerk", "displayName", "x", "password", Api.PASSWORD,
                "roles", java.util.List.of("village-clerk"), "tenant", "410225", "org", "410225100000"))
                .post("/api/admin/users").then().statusCode(400).body("code", equalTo("ROLE_INVALID"));
        as("lankao.admin").body(Map.of("username", "t_ghostclerk", "displayName", "x", "password", Api.PASSWORD,
                "roles", java.util.List.of("village-clerk"), "tenant", "410225", "org", "410225100299"))
                .post("/api/admin/users").then().statusCode(400).body("message", containsString("不存在"));
        as("lankao.admin").body(Map.of("username", "t_goodclerk", "displayName", "好信息员", "password", Api.PASSWORD,
                "roles", java.util.List.of("village-clerk"), "tenant", "410225", "org", "410225100202"))
                .post("/api/admin/users").then().statusCode(201).body("roleLabels[0]", equalTo("村级信息员"));
        as("lankao.admin").body(Map.of("username", "t_goodclerk", "displayName", "重名", "password", Api.PASSWORD,
                "roles", java.util.List.of("village-clerk"), "tenant", "410225", "org", "410225100202"))
                .post("/api/admin/users").then().statusCode(409).body("code", equalTo("USERNAME_TAKEN"));
    }

    @Test
    void aNewCountyImportsItsTreeFromASheetEachRowReported() {
        String county = Api.onboard("heilongjiang", "23");
        String admin = Api.createUser("t_tree_admin_" + county, "county-admin", county, county);
        // Villages before their township in the file: townships are added first. A duplicate, a bad code and another
        // county's code are refused by row; a unit already there with the same name is skipped.
        String csv = "代码,名称\n" + county + "101201,一村\n" + county + "101000,一镇\n" + county + "101202,二村\n" + county + "101202,二村重复\n"
                + "12345,坏代码\n" + "230999101000,外县乡镇\n" + county + "101000,一镇\n";
        String page = io.restassured.RestAssured.given().auth().oauth2(Api.token(admin)).accept("text/html").multiPart("file", "tree.csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/csv")
                .post("/org-units/import").then().statusCode(200).extract().asString();
        String report = page.substring(page.indexOf("id=\"import-rows\""));
        org.junit.jupiter.api.Assertions.assertTrue(report.contains("<tr data-row=\"2\"><td>2</td><td>" + county + "101201</td><td>一村</td><td><span class=\"badge ACTIVE\">已添加"),
                report);
        org.junit.jupiter.api.Assertions.assertTrue(report.contains("<tr data-row=\"3\">") && report.contains("<tr data-row=\"8\">"), report);
        org.junit.jupiter.api.Assertions.assertTrue(report.contains("已存在"), "the same township again is skipped: " + report);
        org.junit.jupiter.api.Assertions.assertEquals(3, report.split("未添加").length - 1, report);
        as(admin).get("/api/counties/" + county + "/org-units").then().statusCode(200)
                .body("code", org.hamcrest.Matchers.hasItems(county + "101000", county + "101201", county + "101202"))
                .body("find { it.code == '" + county + "101202' }.name", equalTo("二村"));
        // Only the county admin imports; a sheet without the two columns is refused as a whole.
        String clerk = Api.createUser("t_tree_clerk_" + county, "village-clerk", county, county + "101201");
        io.restassured.RestAssured.given().auth().oauth2(Api.token(clerk)).accept("text/html").multiPart("file", "tree.csv",
                csv.getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/csv").post("/org-units/import").then().statusCode(403);
        String refused = io.restassured.RestAssured.given().auth().oauth2(Api.token(admin)).accept("text/html").multiPart("file", "x.csv",
                "编号,名字\n1,2\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/csv").post("/org-units/import").then().statusCode(400)
                .extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(refused.contains("“代码”“名称”"), refused);
    }
}
