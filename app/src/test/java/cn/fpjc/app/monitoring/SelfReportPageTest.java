package cn.fpjc.app.monitoring;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fpjc.app.registry.Ids;
import cn.fpjc.app.support.Api;
import cn.fpjc.app.support.BrowserForm;
import cn.fpjc.core.platform.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The public 一键申报 page: no account, the county's villages by township, refusals beside the kept inputs, a tracking number. */
@QuarkusTest
class SelfReportPageTest {
    @Test
    void anyoneReportsThroughThePageAndLooksUpTheStatusWithTheTrackingNumber() {
        String county = Api.onboard("henan", "41");
        String admin = Api.createUser("t_srp_admin_" + county, Roles.COUNTY_ADMIN, county, county);
        String village = Api.addTownshipAndVillage(admin, county, "101")[1];
        String page = RestAssured.given().get("/report/" + county).then().statusCode(200).extract().asString();
        assertTrue(page.contains("value=\"" + village + "\"") && page.contains("<optgroup label=\"测试镇101\">"), "villages by township: " + page);

        Map<String, String> form = new HashMap<>(Map.of("name", "刘桂兰", "idNumber", "110101199001011230", "phone", "13800000000",
                "villageCode", village, "description", "丈夫车祸住院，家里没有收入"));
        String refused = BrowserForm.from("/report/" + county, null).formParams(form).post("/report/" + county).then().statusCode(400)
                .header("Cache-Control", "no-store").extract().asString();
        assertTrue(refused.contains("data-field=\"idNumber\"") && refused.contains("value=\"刘桂兰\""), refused);
        assertTrue(refused.contains("value=\"110101199001011230\""), "the ID number is kept to correct it, in a page not stored");

        form.put("idNumber", Ids.of("19900101", false));
        String location = BrowserForm.from("/report/" + county, null).formParams(form).post("/report/" + county).then().statusCode(303).extract().header("Location");
        String status = RestAssured.given().get(location).then().statusCode(200).body(containsString("已收到您的申报")).extract().asString();
        assertTrue(status.contains("待核实") && !status.contains("刘桂兰") && !status.contains("车祸"), status);
        RestAssured.given().queryParam("no", "NOPE").get("/report/" + county + "/status").then().statusCode(200)
                .body(containsString("没有找到这个查询编号"));
        RestAssured.given().get("/report/999999").then().statusCode(404);
    }
}
