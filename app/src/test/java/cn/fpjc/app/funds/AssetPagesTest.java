package cn.fpjc.app.funds;

import static cn.fpjc.app.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.fpjc.app.support.Api;
import cn.fpjc.app.support.BrowserForm;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The asset pages in 信丰县: the ledger with the overdue checks, the clerk's village-maintenance form, the income form. */
@QuarkusTest
class AssetPagesTest {
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    static final String V1 = "360722100201";

    static String page(String user, String path) {
        return given().cookie("fpjc_token", Api.token(user)).get(path).then().statusCode(200).extract().asString();
    }

    static String follow(String user, Response redirect) {
        assertEquals(303, redirect.statusCode(), redirect.asString());
        var get = given().cookie("fpjc_token", Api.token(user));
        redirect.getCookies().forEach(get::cookie);
        return get.get(redirect.header("Location")).then().statusCode(200).extract().asString();
    }

    @Test
    void theClerkLogsMaintenanceAndTheAdminRecordsAJustifiedDistributionButNotAFlatOne() {
        long project = AssetProjects.audited("360722", V1, TODAY.minusDays(120), "200000");
        long id = as("xinfeng.admin").body(Map.of("projectId", project, "name", "阳明村页面测试大棚", "nature", "OPERATING", "owner", "阳明村股份经济合作社",
                "custodian", "阳明村委会", "value", "200000", "villageCode", V1)).post("/api/counties/360722/funds/assets").then().statusCode(201)
                .extract().jsonPath().getLong("id");

        String ledger = page("xinfeng.clerk", "/funds/assets");
        assertThat(ledger, containsString("阳明村页面测试大棚"));
        assertThat(ledger, containsString("管护检查逾期"));
        String asset = page("xinfeng.clerk", "/funds/assets/" + id);
        assertThat(asset, containsString("逾期未确权"));
        assertThat(asset, containsString("信巩字〔2024〕1号"));
        assertThat(asset, containsString("登记村级管护"));
        assertThat(asset, not(containsString("income-form"))); // the clerk does not record income

        String after = follow("xinfeng.clerk", BrowserForm.from("/funds/assets/" + id, Api.token("xinfeng.clerk")).formParam("checkedOn", TODAY.toString())
                .formParam("inspector", "李信息员").formParam("findings", "大棚完好，棚膜无破损").formParam("condition", "GOOD").post("/funds/assets/" + id + "/checks"));
        assertThat(after, containsString("已登记村级管护"));
        assertThat(after, containsString("大棚完好，棚膜无破损"));

        List<String> numbers = as("xinfeng.admin").queryParam("size", 3).get("/api/counties/360722/households").then().statusCode(200).extract()
                .jsonPath().getList("householdNo", String.class);
        var flat = BrowserForm.from("/funds/assets/" + id, Api.token("xinfeng.admin")).formParam("receivedOn", TODAY.toString())
                .formParam("amount", "3000").formParam("payer", "承租企业");
        for (int i = 0; i < 3; i++) {
            flat.formParam("kind" + i, "MONITORED_PRIORITY").formParam("householdNo" + i, numbers.get(i)).formParam("amount" + i, "1000");
        }
        String refused = flat.post("/funds/assets/" + id + "/incomes").then().statusCode(422).extract().asString();
        assertThat(refused, containsString("一分了之"));

        String ok = follow("xinfeng.admin", BrowserForm.from("/funds/assets/" + id, Api.token("xinfeng.admin")).formParam("receivedOn", TODAY.toString())
                .formParam("amount", "3000").formParam("payer", "承租企业")
                .formParam("kind0", "WELFARE_JOB_WAGE").formParam("householdNo0", numbers.get(0)).formParam("amount0", "2400").formParam("basis0", "保洁员 12 个月")
                .formParam("kind1", "COLLECTIVE_RETAINED").formParam("amount1", "600").post("/funds/assets/" + id + "/incomes"));
        assertThat(ok, containsString("已登记收益 3000.00 元"));
        assertThat(ok, containsString("公益岗位工资"));
    }
}
