package cn.fpjc.app.demo;

import static cn.fpjc.app.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import cn.fpjc.app.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The demo a newcomer clicks through: one county per province plug-in, every role able to log in. */
@QuarkusTest
class DemoDataTest {
    static final Map<String, String> COUNTIES = Map.of("yanshou", "230129", "lankao", "410225", "minqin", "620621",
            "xinfeng", "360722", "huayuan", "433124");

    @Test
    void everyDemoCountyIsActiveWithItsProvincePlugin() {
        as("admin").get("/api/admin/tenants/620621").then().statusCode(200)
                .body("name", equalTo("民勤县")).body("provinceId", equalTo("gansu")).body("status", equalTo("ACTIVE"));
        as("admin").get("/api/admin/tenants/230129").then().body("provinceId", equalTo("heilongjiang"));
        as("admin").get("/api/admin/tenants/410225").then().body("provinceId", equalTo("henan"));
        as("admin").get("/api/admin/tenants/360722").then().body("provinceId", equalTo("jiangxi"));
        as("admin").get("/api/admin/tenants/433124").then().body("provinceId", equalTo("hunan"));
    }

    @Test
    void everyRoleOfEveryDemoCountyLogsInToItsOwnCounty() {
        for (var county : COUNTIES.entrySet()) {
            for (String role : List.of("admin", "approver", "dept", "reviewer", "clerk", "official")) {
                String user = county.getKey() + "." + role;
                as(user).get("/api/auth/me").then().statusCode(200).body("tenant", equalTo(county.getValue()));
            }
            as(county.getKey() + ".admin").get("/api/counties/" + county.getValue() + "/org-units").then().statusCode(200)
                    .body("$", hasSize(6));
        }
    }

    @Test
    void provinceAdminsAreScopedToTheirProvince() {
        for (String province : List.of("heilongjiang", "henan", "gansu", "jiangxi", "hunan")) {
            as(province + "-admin").get("/api/auth/me").then().statusCode(200).body("province", equalTo(province))
                    .body("roles", equalTo(List.of("province-admin")));
        }
        Api.login("admin", Api.DEMO_PASSWORD);
    }
}
