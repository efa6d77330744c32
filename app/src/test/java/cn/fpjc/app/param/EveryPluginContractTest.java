package cn.fpjc.app.param;

import static cn.fpjc.app.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fpjc.app.support.Api;
import cn.fpjc.app.support.Sql;
import cn.fpjc.app.support.TestBrokenProvincePlugin;
import cn.fpjc.core.platform.plugin.ProvincePlugin;
import cn.fpjc.core.policy.contract.ProvincePluginContract;
import cn.fpjc.core.platform.plugin.ProvincePluginRegistry;
import cn.fpjc.core.policy.programme.Programmes;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The part of the plug-in contract that needs a database and a running app, for every installed
 * province plug-in: a fresh county onboards (core's, the province's and each enabled programme's
 * changelogs apply), its parameters, procedures and 明白纸 render.
 */
@QuarkusTest
class EveryPluginContractTest {
    @Inject
    ProvincePluginRegistry plugins;

    @Inject
    Programmes programmes;

    @Test
    void everyInstalledProvincePluginOnboardsAFreshCountyAndRendersItsDocuments() {
        int checked = 0;
        for (ProvincePlugin plugin : plugins.all()) {
            if (plugin.id().equals(TestBrokenProvincePlugin.ID)) {
                continue; // the deliberately broken test plug-in
            }
            ProvincePluginContract.verify(plugin);
            String county = Api.freshCountyCode(plugin.provinceCode());
            as("admin").body(Map.of("code", county, "name", "契约测试县" + county, "province", plugin.id()))
                    .post("/api/admin/tenants").then().statusCode(201).body("status", equalTo("ACTIVE"));
            for (var programme : programmes.enabledFor(plugin.id(), county)) {
                programme.changelog().ifPresent(path -> assertTrue(
                        !Sql.column("SELECT ID FROM " + Sql.database(county) + ".DATABASECHANGELOG WHERE FILENAME = '" + path + "'").isEmpty(),
                        plugin.id() + ": programme " + programme.id() + " changelog not applied"));
            }
            String user = Api.createUser("t_contract_" + county, "county-approver", county, county);
            as(user).queryParam("year", 2024).get("/api/counties/" + county + "/parameters").then().statusCode(200);
            as(user).queryParam("year", 2024).get("/api/counties/" + county + "/procedures").then().statusCode(200);
            String leaflet = as(user).accept("text/html").queryParam("year", 2024).get("/parameters/leaflet").then().statusCode(200)
                    .extract().asString();
            assertTrue(leaflet.contains("契约测试县" + county) && leaflet.contains("12317"), plugin.id() + " leaflet");
            checked++;
        }
        assertTrue(checked >= 6, "the five provinces and the example were checked, not " + checked);
    }
}
