package cn.fpjc.app.param;

import static cn.fpjc.app.support.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fpjc.app.support.Api;
import cn.fpjc.app.support.Sql;
import cn.fpjc.core.platform.plugin.ProvincePlugin;
import cn.fpjc.core.policy.programme.Programme;
import cn.fpjc.core.policy.programme.Programmes;
import cn.fpjc.programme.examplegarden.ExampleGardenProgramme;
import cn.fpjc.province.testexample.ExampleProvincePlugin;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The programme mechanism, with the test-only example province and its one programme. */
@QuarkusTest
class ProgrammesTest {

    @Test
    void theProgrammesTableExistsOnlyInCountiesWhoseProvinceEnablesIt() {
        String county = Api.onboard(ExampleProvincePlugin.ID, "98");
        assertTrue(Sql.tableExists(Sql.database(county), "prg_example_garden_plot"));
        assertFalse(Sql.tableExists(Sql.database("410225"), "prg_example_garden_plot"));
        // core 2 + the programme's 1 (the example province has no changelog of its own)
        as("admin").get("/api/admin/tenants/" + county).then().body("schemaVersion", org.hamcrest.Matchers.matchesPattern("\\d+:example-garden-0001-plot"));
    }

    @Test
    void aCountyUsesTheProgrammeItsProvinceEnablesAndOthersGet404() {
        String county = Api.onboard(ExampleProvincePlugin.ID, "98");
        String admin = Api.createUser("t_admin_" + county, "county-admin", county, county);
        String village = Api.addTownshipAndVillage(admin, county, "101")[1];

        as(admin).get("/api/counties/" + county + "/programmes").then().statusCode(200)
                .body("id", contains(ExampleGardenProgramme.ID)).body("[0].name", equalTo("庭院经济示范（示例）"));
        as(admin).body(Map.of("villageCode", village, "areaMu", 1.5, "extra", Map.of("irrigation", "滴灌", "plantedOn", "2024-04-01")))
                .post("/api/counties/" + county + "/programmes/example-garden/plots").then().statusCode(201)
                .body("villageCode", equalTo(village)).body("extra.irrigation", equalTo("滴灌"));
        as(admin).get("/api/counties/" + county + "/programmes/example-garden/plots").then().statusCode(200)
                .body("villageCode", contains(village)).body("[0].extra.plantedOn", equalTo("2024-04-01"));
        // Stored without a column per field: one JSON text column.
        assertTrue(Sql.column("SELECT extra_json FROM " + Sql.database(county) + ".prg_example_garden_plot").get(0).contains("滴灌"));

        as("lankao.admin").get("/api/counties/410225/programmes").then().statusCode(200).body("$", empty());
        as("lankao.admin").get("/api/counties/410225/programmes/example-garden/plots").then().statusCode(404)
                .body("code", equalTo("PROGRAMME_NOT_ENABLED"));
        // The tenant gate still comes first: another county's token is refused before the programme is looked at.
        as("lankao.admin").get("/api/counties/" + county + "/programmes/example-garden/plots").then().statusCode(403)
                .body("code", equalTo("TENANT_MISMATCH"));
    }

    @Test
    void theExampleProvinceUsesItsOwnParameterAndTheNationalRest() {
        String county = Api.onboard(ExampleProvincePlugin.ID, "98");
        String user = Api.createUser("t_approver_" + county, "county-approver", county, county);
        ParametersTest.expect(ParametersTest.params(user, county, 2024), "monitoring.village-notice-days", "7", "PROVINCE");
        ParametersTest.expect(ParametersTest.params(user, county, 2024), "monitoring.data-entry-days", "10", "NATIONAL");
        // The example province words its own 明白纸, filled with its county's parameters.
        String leaflet = as(user).accept("text/html").queryParam("year", 2024).get("/parameters/leaflet").then().statusCode(200)
                .extract().asString();
        assertTrue(leaflet.contains("示例省防止返贫申报明白纸") && leaflet.contains("村内公示 7 天；申报后 5 天内入户核实"), leaflet);
    }

    @Test
    void theProvincesExtraFieldsAreValidatedListedAndRendered() {
        String county = Api.onboard(ExampleProvincePlugin.ID, "98");
        String admin = Api.createUser("t_admin_" + county, "county-admin", county, county);
        String village = Api.addTownshipAndVillage(admin, county, "102")[1];
        String url = "/api/counties/" + county + "/programmes/example-garden/plots";

        as(admin).body(Map.of("villageCode", village, "areaMu", 2, "extra", Map.of("plantedOn", "2024-13-01", "yieldKg", "-5", "color", "红")))
                .post(url).then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"))
                .body("fields.field", org.hamcrest.Matchers.containsInAnyOrder("color", "irrigation", "plantedOn", "yieldKg"))
                .body("fields.find { it.field == 'irrigation' }.message", equalTo("请填写「灌溉方式」"))
                .body("fields.find { it.field == 'yieldKg' }.message", equalTo("「预计产量」不能小于 0"))
                .body("fields.find { it.field == 'color' }.message", equalTo("本表单没有这个字段"));
        as(admin).body(Map.of("villageCode", village, "areaMu", 2, "extra", Map.of("irrigation", "人工挑水")))
                .post(url).then().statusCode(400).body("fields[0].message", org.hamcrest.Matchers.containsString("滴灌、喷灌、漫灌、无灌溉"));
        // Nothing half-written.
        as(admin).get(url).then().body("$", empty());

        as(admin).get("/api/counties/" + county + "/forms/programme:example-garden/fields").then().statusCode(200)
                .body("key", contains("irrigation", "plantedOn", "yieldKg")).body("[0].options", org.hamcrest.Matchers.hasSize(4));
        as("lankao.admin").get("/api/counties/410225/forms/programme:example-garden/fields").then().statusCode(200).body("$", empty());
        as("lankao.admin").get("/api/counties/410225/forms/nonsense/fields").then().statusCode(404);

        String html = as(admin).accept("text/html").get("/programmes/example-garden/new").then().statusCode(200).extract().asString();
        assertTrue(html.contains("<select id=\"x-irrigation\" name=\"x.irrigation\" required>"), html);
        assertTrue(html.contains("<option selected>喷灌</option>"), html);
        assertTrue(html.contains("type=\"date\""), html);
        assertTrue(html.contains("<span class=\"field-error\" role=\"alert\">示例错误</span>"), html);
    }

    @Test
    void aProvinceThatEnablesAnUninstalledProgrammeIsRefused() {
        ProvincePlugin greedy = new ExampleProvincePlugin() {
            @Override
            public Set<String> programmes() {
                return Set.of("no-such-programme");
            }
        };
        List<String> problems = Programmes.problems(List.<Programme>of(new ExampleGardenProgramme()), List.of(greedy));
        assertTrue(problems.size() == 1 && problems.get(0).contains("no-such-programme"), problems.toString());
    }
}
