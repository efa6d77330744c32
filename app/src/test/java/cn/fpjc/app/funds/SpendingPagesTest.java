package cn.fpjc.app.funds;

import static cn.fpjc.app.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fpjc.app.support.Api;
import cn.fpjc.core.platform.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The pages of 资金支出: a payment recorded with its scanned voucher on /funds/projects/{id}/payments (multipart, as the
 * form sends it), a refusal shown on the page, and /funds/progress with its line chart, checkpoints and the behind list.
 */
@QuarkusTest
class SpendingPagesTest {
    /** A text part in UTF-8, as a browser sends it from a UTF-8 page. */
    static io.restassured.specification.MultiPartSpecification text(String name, String value) {
        return new io.restassured.builder.MultiPartSpecBuilder(value).controlName(name).charset(java.nio.charset.StandardCharsets.UTF_8).build();
    }

    static String page(String user, String path, int status) {
        return given().redirects().follow(false).cookie("fpjc_token", Api.token(user)).get(path).then().statusCode(status).extract().asString();
    }

    @Test
    void recordAPaymentWithItsScanAndReadTheDashboard() {
        String county = Api.onboard("heilongjiang", "23");
        String admin = Api.createUser("t_spp_admin_" + county, Roles.COUNTY_ADMIN, county, county);
        String[] t = Api.addTownshipAndVillage(admin, county, "101");
        String finance = Api.createUser("t_spp_fin_" + county, Roles.COUNTY_FINANCE, county, county);
        String reviewer = Api.createUser("t_spp_rev_" + county, Roles.TOWNSHIP_REVIEWER, county, t[0]);
        as("admin").body(Map.of("today", "2024-07-20", "county", county)).put("/api/admin/clock").then().statusCode(200);
        try {
            long allocation = SpendingSeed.allocation(county, 2024, "CENTRAL", "400000.00", "2024-02-01");
            long project = SpendingSeed.project(county, 2024, "APPROVED", t[0], "2024-03-01");
            long line = SpendingSeed.funding(county, project, "CENTRAL", "200000.00", allocation);
            long idle = SpendingSeed.project(county, 2024, "APPROVED", t[0], "2024-03-01");
            SpendingSeed.funding(county, idle, "CENTRAL", "200000.00", allocation);
            String path = "/funds/projects/" + project + "/payments";

            String form = page(finance, path, 200);
            assertTrue(form.contains("id=\"payment-form\"") && form.contains("尚可支付200000.00元"), form);
            // A reviewer of the township reads the page without the form.
            String read = page(reviewer, path, 200);
            assertTrue(!read.contains("id=\"payment-form\"") && read.contains("还没有支出记录"), read);

            RestAssured.given().auth().oauth2(Api.token(finance)).redirects().follow(false).multiPart(text("fundingId", String.valueOf(line)))
                    .multiPart(text("amount", "90000")).multiPart(text("paidOn", "2024-05-06")).multiPart(text("voucherNo", "记字第0506号")).multiPart(text("payee", "某合作社"))
                    .multiPart("voucher", "scan-0506.png", SpendingTest.PNG, "image/png").post(path).then().statusCode(303);
            String after = page(finance, path, 200);
            assertTrue(after.contains("记字第0506号") && after.contains("90000.00") && after.contains("scan-0506.png") && after.contains("尚可支付110000.00元"), after);

            String refused = RestAssured.given().auth().oauth2(Api.token(finance)).redirects().follow(false).multiPart(text("fundingId", String.valueOf(line)))
                    .multiPart(text("amount", "110000.01")).multiPart(text("paidOn", "2024-05-07")).multiPart(text("voucherNo", "记字第0507号")).post(path).then()
                    .statusCode(422).extract().asString();
            assertTrue(refused.contains("支出合计将超过该资金来源行安排的金额") && refused.contains("value=\"110000.01\""), refused);

            // 2024-07-20: 90,000 ÷ 400,000 = 22.50 %; judged by mid-July's 54.17 %; both projects are behind.
            String dash = page(admin, "/funds/progress?year=2024&date=2024-07-20", 200);
            assertTrue(dash.contains("data-echarts=\"line\"") && dash.contains("22.50%") && dash.contains("54.17%")
                    && dash.contains("进度滞后的项目（2个）") && dash.contains("/funds/projects/" + idle + "/payments"), dash);
            assertTrue(page(reviewer, "/funds/progress", 403).contains("权限"));
            RestAssured.given().auth().oauth2(Api.token(admin)).get("/api/counties/" + county + "/funds/spending-ledger.xlsx?year=2024").then()
                    .statusCode(200).header("Content-Disposition", org.hamcrest.Matchers.containsString(".xlsx"));
        } finally {
            as("admin").delete("/api/admin/clock?county=" + county).then().statusCode(200);
        }
    }
}
