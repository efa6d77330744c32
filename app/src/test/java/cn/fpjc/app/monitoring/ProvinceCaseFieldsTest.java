package cn.fpjc.app.monitoring;

import static cn.fpjc.app.support.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fpjc.app.registry.Ids;
import cn.fpjc.app.support.Api;
import cn.fpjc.core.platform.security.Roles;
import cn.fpjc.province.testexample.ExampleProvincePlugin;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Province fields on the case-opening form and the plan (issue 18 item 10): the example province declares a required
 * 致贫返贫风险说明 and a yes/no 群众主动申报 for "case", a required 户主签字确认日期 and a bounded 每月联系次数 for "plan".
 * They show on the household's 启动识别 form and on the plan editor through the same formfields tag as the household
 * and member forms, a refusal keeps what was typed with the message beside its input, and the stored values are in
 * the API and read-only on the case page and the printed plan.
 */
@QuarkusTest
class ProvinceCaseFieldsTest {

    static RequestSpecification form(String user) {
        return as(user).contentType("application/x-www-form-urlencoded; charset=UTF-8").redirects().follow(false);
    }

    @Test
    void caseAndPlanFormsCarryTheProvinceFields() {
        String county = Api.onboard(ExampleProvincePlugin.ID, "98");
        String admin = Api.createUser("t_pcf_admin_" + county, Roles.COUNTY_ADMIN, county, county);
        String village = Api.addTownshipAndVillage(admin, county, "101")[1];
        String clerk = Api.createUser("t_pcf_clerk_" + county, Roles.VILLAGE_CLERK, county, village);

        Map<String, String> h = new HashMap<>();
        h.put("householdNo", "PCF" + county + "01");
        h.put("villageCode", village);
        h.put("category", "一般农户");
        h.put("x.hamlet", "下庄");
        h.put("head.name", "赵国强");
        h.put("head.idNumber", Ids.of("19720412", true));
        h.put("head.labour", "普通劳动力");
        h.put("head.health", "健康");
        h.put("head.medicalInsured", "true");
        String location = form(clerk).formParams(h).post("/households/new").then().statusCode(303).extract().header("Location");
        long household = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

        // The household's 启动识别 form asks for the province's case fields.
        String page = as(clerk).get("/households/" + household).then().statusCode(200).extract().asString();
        assertTrue(page.contains("致贫返贫风险说明") && page.contains("name=\"x.riskNote\"") && page.contains("name=\"x.selfReported\""),
                "case fields on the household page");

        // Refused without the required field: the form comes back with what was typed and the message beside the input.
        form(clerk).formParam("householdId", household).formParam("monitoringType", "边缘易致贫户").formParam("riskCategories", "因病")
                .formParam("greenChannel", "true").formParam("x.selfReported", "是").post("/cases").then().statusCode(400)
                .body(containsString("请填写「致贫返贫风险说明」"))
                .body(containsString("<option selected>边缘易致贫户</option>")).body(containsString("value=\"因病\" checked"))
                .body(containsString("<option selected>是</option>")).body(containsString("name=\"householdId\" value=\"" + household + "\""));
        as(clerk).get("/households/" + household).then().statusCode(200).body(containsString("id=\"no-cases\"")); // nothing opened

        location = form(clerk).formParam("householdId", household).formParam("monitoringType", "边缘易致贫户").formParam("riskCategories", "因病")
                .formParam("greenChannel", "true").formParam("x.selfReported", "是").formParam("x.riskNote", "户主突发重病，医疗支出大")
                .post("/cases").then().statusCode(303).extract().header("Location");
        long caseId = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        JsonPath c = as(clerk).get("/api/counties/" + county + "/cases/" + caseId).then().statusCode(200).extract().jsonPath();
        assertEquals("户主突发重病，医疗支出大", c.getString("extra.riskNote"));
        assertEquals(true, c.getBoolean("extra.selfReported"));
        as(clerk).get("/cases/" + caseId).then().statusCode(200).body(containsString("<dt>致贫返贫风险说明</dt>"))
                .body(containsString("户主突发重病，医疗支出大")).body(containsString("<dt>群众主动申报</dt><dd data-extra=\"selfReported\">是</dd>"));

        // The plan editor asks for the plan fields; a refusal keeps them and says which.
        as(clerk).get("/cases/" + caseId + "/plan").then().statusCode(200).body(containsString("户主签字确认日期"))
                .body(containsString("name=\"x.contactsPerMonth\""));
        Map<String, String> plan = new HashMap<>();
        plan.put("version", "0");
        plan.put("rows", "1");
        plan.put("responsibleOfficial", "李干部");
        plan.put("m0.type", "INDUSTRY");
        plan.put("m0.risks", "因病");
        plan.put("m0.startOn", "2024-05-01");
        plan.put("x.signedOn", "2024-05-02");
        plan.put("x.contactsPerMonth", "40");
        form(clerk).formParams(plan).post("/cases/" + caseId + "/plan").then().statusCode(400)
                .body(containsString("「每月联系次数」不能大于 31")).body(containsString("value=\"2024-05-02\""))
                .body(containsString("value=\"40\""));
        assertEquals(false, as(clerk).get("/api/counties/" + county + "/cases/" + caseId + "/plan").then().statusCode(200).extract()
                .jsonPath().getBoolean("exists"), "nothing saved");

        plan.put("x.contactsPerMonth", "4");
        form(clerk).formParams(plan).post("/cases/" + caseId + "/plan").then().statusCode(303);
        JsonPath p = as(clerk).get("/api/counties/" + county + "/cases/" + caseId + "/plan").then().statusCode(200).extract().jsonPath();
        assertEquals("2024-05-02", p.getString("extra.signedOn"));
        assertEquals(4, p.getInt("extra.contactsPerMonth"));
        as(clerk).get("/cases/" + caseId + "/plan").then().statusCode(200).body(containsString("value=\"2024-05-02\""))
                .body(containsString("value=\"4\""));
        as(clerk).get("/cases/" + caseId + "/plan/sheet").then().statusCode(200).body(containsString("<dt>户主签字确认日期</dt>"))
                .body(containsString("2024-05-02")).body(containsString("4 次")).body(not(containsString("contactsPerMonth<")));
    }
}
